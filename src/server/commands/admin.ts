// Administration commands (DOMAIN.md §5, "Quản trị"): blocks, clusters, units, user accounts and the
// title catalogue. Every one runs through executeCommand (role check → zod → one transaction → audit).
//
// Invariants kept here:
// - An enabled account always points at an active scope: a secretariat at an active cluster, a unit
//   officer/head at an active member unit (whose cluster is active). So a unit cannot be deactivated
//   while it has enabled accounts, nor a cluster while it has active member units or enabled accounts;
//   an account cannot be created in, moved to or re-enabled in an inactive scope.
// - A sub-unit hangs under an active member unit of the same cluster (one level only); deactivating a
//   member unit deactivates its sub-units with it; a sub-unit can be re-activated only under an active parent.
// - Moving a member unit to another cluster moves its sub-units and its accounts with it.
// - Whether a unit is a member unit or a sub-unit (and which parent) can change only while no officer,
//   account or sub-unit depends on it.
// - An admin can neither disable nor demote themselves (so there is always an enabled admin).
// - Audit before/after never contain a password hash.
import { z } from "zod";
import { ROLES, type Role } from "@/domain/permissions";
import { checkbox, codeField, idField, optionalIdField, requiredText } from "@/domain/validation";
import { textSortKey } from "@/domain/vietnamese";
import { hashPassword } from "@/server/auth/password";
import { endSessionsOf } from "@/server/auth/sessions";
import { liftAccountThrottles } from "@/server/auth/throttle";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "./command";

// ---------------------------------------------------------------------------------------------
// Shared input pieces

const CODE_TAKEN = "Mã đã tồn tại.";
const codeUnique = { code: { field: "code", message: CODE_TAKEN } };

/**
 * A status flag for update commands: "on"/"true" → true, "false" → false, absent → unchanged.
 * (Edit forms do not carry it: status changes go through the set…Active / setUserDisabled commands,
 * behind a confirmation, so a stale edit form can never undo them.)
 */
const optionalFlag = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "on" || v === "true" || v === true));

/** A required true/false flag, as posted by a status button. */
const requiredFlag = (label: string) =>
  z
    .union([z.literal("true"), z.literal("false"), z.boolean()], { error: `${label} không hợp lệ.` })
    .transform((v) => v === "true" || v === true);

/** Multi-line text (textarea): line breaks kept, other control characters refused. */
const multilineText = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim().normalize("NFC"))
    .pipe(
      z
        .string()
        .min(1, `${label} là bắt buộc.`)
        .max(max, `${label} tối đa ${max} ký tự.`)
        .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s) && s.isWellFormed(), `${label} chứa ký tự không hợp lệ.`),
    );

export const PASSWORD_MIN = 10;
const passwordField = z
  .string({ error: "Mật khẩu là bắt buộc." })
  .min(1, "Mật khẩu là bắt buộc.")
  .min(PASSWORD_MIN, `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`)
  .max(200, "Mật khẩu tối đa 200 ký tự.")
  // A lone surrogate would reach the hash as U+FFFD, so two different passwords would match.
  .refine((s) => s.isWellFormed(), "Mật khẩu chứa ký tự không hợp lệ.");
const confirmField = z.string({ error: "Vui lòng nhập lại mật khẩu." });
const PASSWORD_MISMATCH = "Mật khẩu nhập lại không khớp.";

const usernameField = z
  .string({ error: "Tên đăng nhập là bắt buộc." })
  .trim()
  .toLowerCase()
  .min(1, "Tên đăng nhập là bắt buộc.")
  .min(3, "Tên đăng nhập phải có từ 3 đến 64 ký tự.")
  .max(64, "Tên đăng nhập phải có từ 3 đến 64 ký tự.")
  .regex(/^[a-z0-9._-]{3,64}$/, "Tên đăng nhập chỉ gồm chữ thường không dấu, số và các ký tự . _ -");

const roleField = z.enum(ROLES, { error: "Vai trò không hợp lệ." });

// ---------------------------------------------------------------------------------------------
// Helpers

/** Row lock, so that concurrent admin commands check rules against settled data. */
async function lockRow(tx: Tx, table: "Block" | "Cluster" | "Unit" | "User" | "TitleDefinition", id: string) {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "id" = $1::uuid FOR UPDATE`, id);
  if (rows.length === 0) throw new NotFoundError();
}

const fieldError = (field: string, message: string) => new UserError(message, { [field]: [message] });

const blockSnapshot = (b: { code: string; name: string }) => ({ code: b.code, name: b.name });
const clusterSnapshot = (c: { code: string; name: string; blockId: string; active: boolean }) => ({
  code: c.code,
  name: c.name,
  blockId: c.blockId,
  active: c.active,
});
const unitSnapshot = (u: { code: string; name: string; clusterId: string; parentId: string | null; active: boolean }) => ({
  code: u.code,
  name: u.name,
  clusterId: u.clusterId,
  parentId: u.parentId,
  active: u.active,
});
/** What the audit log keeps of an account: never the password hash. */
const USER_AUDIT_SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  clusterId: true,
  unitId: true,
  disabled: true,
} as const;
type UserAuditRow = { id: string; username: string; displayName: string; role: string; clusterId: string | null; unitId: string | null; disabled: boolean };
const userSnapshot = (u: UserAuditRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  clusterId: u.clusterId,
  unitId: u.unitId,
  disabled: u.disabled,
});
const titleSnapshot = (t: { code: string; name: string; shortName: string; prerequisites: string; active: boolean }) => ({
  code: t.code,
  name: t.name,
  shortName: t.shortName,
  prerequisites: t.prerequisites,
  active: t.active,
});

async function requireBlock(tx: Tx, blockId: string) {
  const block = await tx.block.findUnique({ where: { id: blockId }, select: { id: true } });
  if (!block) throw fieldError("blockId", "Khối thi đua không tồn tại.");
}

async function enabledAccountsIn(tx: Tx, where: { unitId?: string; clusterId?: string }) {
  return tx.user.count({ where: { ...where, disabled: false } });
}

// ---------------------------------------------------------------------------------------------
// Blocks

const blockInput = z.object({ code: codeField("Mã khối"), name: requiredText("Tên khối", 200) });

export const createBlock = defineCommand({
  name: "block.create",
  permission: "block.manage",
  input: blockInput,
  target: async () => ({}),
  async run(tx, input) {
    const block = await tx.block.create({ data: { code: input.code, name: input.name } });
    return {
      data: { id: block.id },
      message: `Đã tạo khối “${block.name}”.`,
      audit: { entityType: "Block", entityId: block.id, after: blockSnapshot(block) },
    };
  },
  uniqueFields: codeUnique,
});

export const updateBlock = defineCommand({
  name: "block.update",
  permission: "block.manage",
  input: blockInput.extend({ id: idField("Khối") }),
  async target(tx, input) {
    await lockRow(tx, "Block", input.id);
    return {};
  },
  async run(tx, input) {
    const before = await tx.block.findUniqueOrThrow({ where: { id: input.id } });
    const after = await tx.block.update({ where: { id: input.id }, data: { code: input.code, name: input.name } });
    return {
      data: { id: after.id },
      message: "Đã lưu thay đổi.",
      audit: { entityType: "Block", entityId: after.id, before: blockSnapshot(before), after: blockSnapshot(after) },
    };
  },
  uniqueFields: codeUnique,
});

// ---------------------------------------------------------------------------------------------
// Clusters

const clusterFields = {
  code: codeField("Mã cụm"),
  name: requiredText("Tên cụm", 200),
  blockId: idField("Khối thi đua"),
};

/** A cluster may stop only when nothing active is left in it. */
async function assertClusterCanStop(tx: Tx, clusterId: string) {
  const [units, accounts] = await Promise.all([
    tx.unit.count({ where: { clusterId, parentId: null, active: true } }),
    enabledAccountsIn(tx, { clusterId }),
  ]);
  if (units > 0 || accounts > 0) {
    const parts = [units > 0 ? `${units} đơn vị đang hoạt động` : null, accounts > 0 ? `${accounts} tài khoản đang sử dụng` : null].filter(Boolean);
    throw fieldError("active", `Không thể ngừng hoạt động cụm khi còn ${parts.join(" và ")}. Hãy ngừng hoạt động các đơn vị và khóa các tài khoản trước.`);
  }
}

export const createCluster = defineCommand({
  name: "cluster.create",
  permission: "cluster.manage",
  input: z.object(clusterFields),
  target: async () => ({}),
  async run(tx, input) {
    await requireBlock(tx, input.blockId);
    const cluster = await tx.cluster.create({ data: { code: input.code, name: input.name, blockId: input.blockId } });
    return {
      data: { id: cluster.id },
      message: `Đã tạo cụm “${cluster.name}”.`,
      audit: { entityType: "Cluster", entityId: cluster.id, after: clusterSnapshot(cluster) },
    };
  },
  uniqueFields: codeUnique,
});

export const updateCluster = defineCommand({
  name: "cluster.update",
  permission: "cluster.manage",
  input: z.object({ id: idField("Cụm"), ...clusterFields, active: optionalFlag }),
  async target(tx, input) {
    await lockRow(tx, "Cluster", input.id);
    return { clusterId: input.id };
  },
  async run(tx, input) {
    const before = await tx.cluster.findUniqueOrThrow({ where: { id: input.id } });
    await requireBlock(tx, input.blockId);
    const active = input.active ?? before.active;
    if (before.active && !active) await assertClusterCanStop(tx, input.id);
    const after = await tx.cluster.update({
      where: { id: input.id },
      data: { code: input.code, name: input.name, blockId: input.blockId, active },
    });
    return {
      data: { id: after.id },
      message: "Đã lưu thay đổi.",
      audit: { entityType: "Cluster", entityId: after.id, before: clusterSnapshot(before), after: clusterSnapshot(after) },
    };
  },
  uniqueFields: codeUnique,
});

export const setClusterActive = defineCommand({
  name: "cluster.setActive",
  permission: "cluster.manage",
  input: z.object({ id: idField("Cụm"), active: requiredFlag("Trạng thái") }),
  async target(tx, input) {
    await lockRow(tx, "Cluster", input.id);
    return { clusterId: input.id };
  },
  async run(tx, input) {
    const before = await tx.cluster.findUniqueOrThrow({ where: { id: input.id } });
    if (before.active && !input.active) await assertClusterCanStop(tx, input.id);
    const after = await tx.cluster.update({ where: { id: input.id }, data: { active: input.active } });
    return {
      data: { id: after.id },
      message: after.active ? `Đã kích hoạt lại cụm “${after.name}”.` : `Đã ngừng hoạt động cụm “${after.name}”.`,
      audit: { entityType: "Cluster", entityId: after.id, before: clusterSnapshot(before), after: clusterSnapshot(after) },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Units

const unitFields = {
  code: codeField("Mã đơn vị"),
  name: requiredText("Tên đơn vị", 200),
  clusterId: idField("Cụm thi đua"),
  parentId: optionalIdField("Đơn vị cấp trên"),
};

async function requireActiveCluster(tx: Tx, clusterId: string, field = "clusterId") {
  const cluster = await tx.cluster.findUnique({ where: { id: clusterId }, select: { active: true } });
  if (!cluster) throw fieldError(field, "Cụm thi đua không tồn tại.");
  if (!cluster.active) throw fieldError(field, "Cụm thi đua đã ngừng hoạt động.");
}

/** The parent of a sub-unit: an active member unit of the same cluster, never the unit itself. */
async function checkParent(tx: Tx, parentId: string, clusterId: string, selfId?: string) {
  if (parentId === selfId) throw fieldError("parentId", "Đơn vị không thể trực thuộc chính nó.");
  await lockRow(tx, "Unit", parentId).catch(() => {
    throw fieldError("parentId", "Đơn vị cấp trên không tồn tại.");
  });
  const parent = await tx.unit.findUniqueOrThrow({ where: { id: parentId }, select: { clusterId: true, parentId: true, active: true } });
  if (parent.parentId !== null) throw fieldError("parentId", "Đơn vị cấp trên phải là đơn vị thành viên của cụm, không phải một đơn vị trực thuộc.");
  if (parent.clusterId !== clusterId) throw fieldError("parentId", "Đơn vị cấp trên phải thuộc cùng cụm thi đua.");
  if (!parent.active) throw fieldError("parentId", "Đơn vị cấp trên đã ngừng hoạt động.");
}

/** What depends on a unit being a member unit / a sub-unit of a given parent. */
async function unitDependants(tx: Tx, unitId: string) {
  const [subUnits, accounts, officers, subOfficers] = await Promise.all([
    tx.unit.count({ where: { parentId: unitId } }),
    tx.user.count({ where: { unitId } }),
    tx.officer.count({ where: { unitId } }),
    tx.officer.count({ where: { subUnitId: unitId } }),
  ]);
  return subUnits + accounts + officers + subOfficers;
}

/** Deactivating a member unit takes its sub-units with it; accounts must be disabled first. */
async function stopUnit(tx: Tx, unitId: string): Promise<string[]> {
  const accounts = await enabledAccountsIn(tx, { unitId });
  if (accounts > 0) {
    throw fieldError("active", `Không thể ngừng hoạt động đơn vị khi còn ${accounts} tài khoản đang sử dụng. Hãy khóa các tài khoản này trước.`);
  }
  const subUnits = await tx.unit.findMany({ where: { parentId: unitId, active: true }, select: { id: true } });
  if (subUnits.length) await tx.unit.updateMany({ where: { parentId: unitId, active: true }, data: { active: false } });
  return subUnits.map((s) => s.id);
}

/** Re-activating: the cluster (and the parent, for a sub-unit) must be active. */
async function assertUnitCanStart(tx: Tx, unit: { clusterId: string; parentId: string | null }) {
  await requireActiveCluster(tx, unit.clusterId, "active");
  if (unit.parentId) {
    const parent = await tx.unit.findUniqueOrThrow({ where: { id: unit.parentId }, select: { active: true } });
    if (!parent.active) throw fieldError("active", "Không thể kích hoạt đơn vị trực thuộc khi đơn vị cấp trên đã ngừng hoạt động.");
  }
}

export const createUnit = defineCommand({
  name: "unit.create",
  permission: "unit.manage",
  input: z.object(unitFields),
  // Filed under the cluster (and member unit) it is created in; both are checked in run.
  target: async (_tx, input) => ({ clusterId: input.clusterId, unitId: input.parentId }),
  async run(tx, input) {
    await requireActiveCluster(tx, input.clusterId);
    if (input.parentId) await checkParent(tx, input.parentId, input.clusterId);
    const unit = await tx.unit.create({
      data: {
        code: input.code,
        name: input.name,
        sortKey: textSortKey(input.name),
        clusterId: input.clusterId,
        parentId: input.parentId,
      },
    });
    return {
      data: { id: unit.id },
      message: unit.parentId ? `Đã tạo đơn vị trực thuộc “${unit.name}”.` : `Đã tạo đơn vị “${unit.name}”.`,
      audit: { entityType: "Unit", entityId: unit.id, after: unitSnapshot(unit) },
    };
  },
  uniqueFields: codeUnique,
});

export const updateUnit = defineCommand({
  name: "unit.update",
  permission: "unit.manage",
  input: z.object({ id: idField("Đơn vị"), ...unitFields, active: optionalFlag }),
  async target(tx, input) {
    await lockRow(tx, "Unit", input.id);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: input.id }, select: { clusterId: true, parentId: true } });
    return { clusterId: unit.clusterId, unitId: unit.parentId ?? input.id };
  },
  async run(tx, input) {
    const before = await tx.unit.findUniqueOrThrow({ where: { id: input.id } });
    const active = input.active ?? before.active;
    const clusterChanged = input.clusterId !== before.clusterId;
    const parentChanged = input.parentId !== before.parentId;

    if (clusterChanged) await requireActiveCluster(tx, input.clusterId);
    if (parentChanged && (await unitDependants(tx, input.id)) > 0) {
      throw fieldError(
        "parentId",
        "Không thể đổi đơn vị cấp trên khi đơn vị đã có cán bộ, tài khoản hoặc đơn vị trực thuộc.",
      );
    }
    if (input.parentId) await checkParent(tx, input.parentId, input.clusterId, input.id);

    let stoppedSubUnits: string[] = [];
    if (before.active && !active && !input.parentId) stoppedSubUnits = await stopUnit(tx, input.id);
    if (!before.active && active) await assertUnitCanStart(tx, { clusterId: input.clusterId, parentId: input.parentId });

    const after = await tx.unit.update({
      where: { id: input.id },
      data: {
        code: input.code,
        name: input.name,
        sortKey: textSortKey(input.name),
        clusterId: input.clusterId,
        parentId: input.parentId,
        active,
      },
    });
    let moved: { subUnits: number; accounts: number } | undefined;
    if (clusterChanged && !input.parentId) {
      // A member unit moves with its sub-units and its accounts (their cluster follows the unit).
      const subUnits = await tx.unit.updateMany({ where: { parentId: input.id }, data: { clusterId: input.clusterId } });
      const accounts = await tx.user.updateMany({ where: { unitId: input.id }, data: { clusterId: input.clusterId } });
      moved = { subUnits: subUnits.count, accounts: accounts.count };
    }
    return {
      data: { id: after.id },
      message: "Đã lưu thay đổi.",
      audit: {
        entityType: "Unit",
        entityId: after.id,
        before: unitSnapshot(before),
        after: { ...unitSnapshot(after), ...(stoppedSubUnits.length ? { deactivatedSubUnitIds: stoppedSubUnits } : {}), ...(moved ? { moved } : {}) },
      },
    };
  },
  uniqueFields: codeUnique,
});

export const setUnitActive = defineCommand({
  name: "unit.setActive",
  permission: "unit.manage",
  input: z.object({ id: idField("Đơn vị"), active: requiredFlag("Trạng thái") }),
  async target(tx, input) {
    await lockRow(tx, "Unit", input.id);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: input.id }, select: { clusterId: true, parentId: true } });
    return { clusterId: unit.clusterId, unitId: unit.parentId ?? input.id };
  },
  async run(tx, input) {
    const before = await tx.unit.findUniqueOrThrow({ where: { id: input.id } });
    let stoppedSubUnits: string[] = [];
    if (before.active && !input.active && !before.parentId) stoppedSubUnits = await stopUnit(tx, input.id);
    if (!before.active && input.active) await assertUnitCanStart(tx, before);
    const after = await tx.unit.update({ where: { id: input.id }, data: { active: input.active } });
    const extra = stoppedSubUnits.length ? ` cùng ${stoppedSubUnits.length} đơn vị trực thuộc` : "";
    return {
      data: { id: after.id },
      message: after.active ? `Đã kích hoạt lại đơn vị “${after.name}”.` : `Đã ngừng hoạt động đơn vị “${after.name}”${extra}.`,
      audit: {
        entityType: "Unit",
        entityId: after.id,
        before: unitSnapshot(before),
        after: { ...unitSnapshot(after), ...(stoppedSubUnits.length ? { deactivatedSubUnitIds: stoppedSubUnits } : {}) },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// User accounts

type Scope = { clusterId: string | null; unitId: string | null };

/**
 * The scope an account of this role gets: admin → none; secretariat → a cluster; unit officer/head →
 * a member unit, the cluster derived from it. Fields that do not apply to the role are ignored.
 * The scope must be active unless `allowInactive` (a disabled account kept where it was).
 */
async function resolveScope(tx: Tx, role: Role, input: Scope, allowInactive = false): Promise<Scope> {
  if (role === "ADMIN") return { clusterId: null, unitId: null };
  if (role === "SECRETARIAT") {
    if (!input.clusterId) throw fieldError("clusterId", "Thư ký cụm phải thuộc một cụm thi đua.");
    const cluster = await tx.cluster.findUnique({ where: { id: input.clusterId }, select: { active: true } });
    if (!cluster) throw fieldError("clusterId", "Cụm thi đua không tồn tại.");
    if (!cluster.active && !allowInactive) throw fieldError("clusterId", "Cụm thi đua đã ngừng hoạt động.");
    return { clusterId: input.clusterId, unitId: null };
  }
  if (!input.unitId) throw fieldError("unitId", "Tài khoản của đơn vị phải thuộc một đơn vị.");
  await lockRow(tx, "Unit", input.unitId).catch(() => {
    throw fieldError("unitId", "Đơn vị không tồn tại.");
  });
  const unit = await tx.unit.findUniqueOrThrow({
    where: { id: input.unitId },
    select: { clusterId: true, parentId: true, active: true, cluster: { select: { active: true } } },
  });
  if (unit.parentId) throw fieldError("unitId", "Hãy chọn đơn vị thành viên của cụm, không chọn đơn vị trực thuộc.");
  if ((!unit.active || !unit.cluster.active) && !allowInactive) throw fieldError("unitId", "Đơn vị đã ngừng hoạt động.");
  return { clusterId: unit.clusterId, unitId: input.unitId };
}

/** Where an account's audit entries are filed (its cluster and unit), read from the database. */
async function userTarget(tx: Tx, userId: string) {
  await lockRow(tx, "User", userId);
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { clusterId: true, unitId: true } });
  return { clusterId: user.clusterId, unitId: user.unitId };
}

const SELF_DISABLE = "Bạn không thể tự khóa tài khoản của chính mình.";
const SELF_DEMOTE = "Bạn không thể tự thay đổi vai trò Quản trị của chính mình.";

export const createUser = defineCommand({
  name: "user.create",
  permission: "user.manage",
  input: z
    .object({
      username: usernameField,
      displayName: requiredText("Họ tên hiển thị", 120),
      role: roleField,
      clusterId: optionalIdField("Cụm thi đua"),
      unitId: optionalIdField("Đơn vị"),
      password: passwordField,
      confirmPassword: confirmField,
    })
    .refine((d) => d.password === d.confirmPassword, { path: ["confirmPassword"], message: PASSWORD_MISMATCH }),
  async target(tx, input) {
    // Filed under the unit's cluster (read from the database) or the secretariat's cluster.
    if (input.role === "UNIT_OFFICER" || input.role === "UNIT_HEAD") {
      const unit = input.unitId ? await tx.unit.findUnique({ where: { id: input.unitId }, select: { clusterId: true } }) : null;
      return unit ? { clusterId: unit.clusterId, unitId: input.unitId } : {};
    }
    return input.role === "SECRETARIAT" && input.clusterId ? { clusterId: input.clusterId } : {};
  },
  async run(tx, input) {
    const scope = await resolveScope(tx, input.role, input);
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        clusterId: scope.clusterId,
        unitId: scope.unitId,
        passwordHash: await hashPassword(input.password),
      },
      select: USER_AUDIT_SELECT,
    });
    return {
      data: { id: user.id },
      message: `Đã tạo tài khoản “${user.username}”.`,
      audit: { entityType: "User", entityId: user.id, after: userSnapshot(user) },
    };
  },
  uniqueFields: { username: { field: "username", message: "Tên đăng nhập đã tồn tại." } },
});

export const updateUser = defineCommand({
  name: "user.update",
  permission: "user.manage",
  input: z.object({
    id: idField("Tài khoản"),
    displayName: requiredText("Họ tên hiển thị", 120),
    role: roleField,
    clusterId: optionalIdField("Cụm thi đua"),
    unitId: optionalIdField("Đơn vị"),
    disabled: optionalFlag,
  }),
  target: (tx, input) => userTarget(tx, input.id),
  async run(tx, input, actor) {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: USER_AUDIT_SELECT });
    const disabled = input.disabled ?? before.disabled;
    if (input.id === actor.userId) {
      if (input.role !== "ADMIN") throw fieldError("role", SELF_DEMOTE);
      if (disabled) throw fieldError("disabled", SELF_DISABLE);
    }
    // An enabled account, or one whose scope changes, needs an active scope.
    const sameScope = input.role === before.role && (input.role === "SECRETARIAT" ? input.clusterId === before.clusterId : input.unitId === before.unitId);
    const scope = await resolveScope(tx, input.role, input, disabled && sameScope);
    const after = await tx.user.update({
      where: { id: input.id },
      data: { displayName: input.displayName, role: input.role, clusterId: scope.clusterId, unitId: scope.unitId, disabled },
      select: USER_AUDIT_SELECT,
    });
    // A new role or scope, or a disabled account: the sessions signed in under the old one end.
    const rescoped = after.role !== before.role || after.clusterId !== before.clusterId || after.unitId !== before.unitId;
    if (rescoped || after.disabled) await endSessionsOf(tx, after.id);
    return {
      data: { id: after.id },
      message: "Đã lưu thay đổi.",
      audit: { entityType: "User", entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) },
    };
  },
});

export const setUserDisabled = defineCommand({
  name: "user.setDisabled",
  permission: "user.manage",
  input: z.object({ id: idField("Tài khoản"), disabled: requiredFlag("Trạng thái") }),
  target: (tx, input) => userTarget(tx, input.id),
  async run(tx, input, actor) {
    if (input.id === actor.userId && input.disabled) throw fieldError("disabled", SELF_DISABLE);
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: USER_AUDIT_SELECT });
    if (before.disabled && !input.disabled) {
      // Re-enabling needs the account's scope to be active again.
      const role = before.role as Role;
      try {
        await resolveScope(tx, role, before);
      } catch (error) {
        if (error instanceof UserError) throw fieldError("disabled", `Không thể mở khóa: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
        throw error;
      }
    }
    const after = await tx.user.update({ where: { id: input.id }, data: { disabled: input.disabled }, select: USER_AUDIT_SELECT });
    if (after.disabled) await endSessionsOf(tx, after.id);
    return {
      data: { id: after.id },
      message: after.disabled ? `Đã khóa tài khoản “${after.username}”.` : `Đã mở khóa tài khoản “${after.username}”.`,
      audit: { entityType: "User", entityId: after.id, before: userSnapshot(before), after: userSnapshot(after) },
    };
  },
});

export const resetUserPassword = defineCommand({
  name: "user.resetPassword",
  permission: "user.manage",
  input: z
    .object({ id: idField("Tài khoản"), password: passwordField, confirmPassword: confirmField })
    .refine((d) => d.password === d.confirmPassword, { path: ["confirmPassword"], message: PASSWORD_MISMATCH }),
  target: (tx, input) => userTarget(tx, input.id),
  async run(tx, input) {
    const user = await tx.user.update({
      where: { id: input.id },
      data: { passwordHash: await hashPassword(input.password) },
      select: USER_AUDIT_SELECT,
    });
    // A fresh password also lifts the locks from earlier failed logins, and ends the sessions opened
    // with the old one (on every instance: each request checks its session row).
    await liftAccountThrottles(tx, user.username);
    await endSessionsOf(tx, user.id);
    return {
      data: { id: user.id },
      message: `Đã đặt lại mật khẩu cho tài khoản “${user.username}”.`,
      // Only the fact of the reset is recorded, never the password or its hash.
      audit: { entityType: "User", entityId: user.id, after: { username: user.username, passwordReset: true } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Title catalogue (seeded: edited, never created or deleted here)

export const updateTitle = defineCommand({
  name: "title.update",
  permission: "title.manage",
  input: z.object({
    id: idField("Danh hiệu"),
    name: requiredText("Tên danh hiệu", 200),
    shortName: requiredText("Tên viết tắt", 40),
    prerequisites: multilineText("Điều kiện", 2000),
    active: checkbox,
  }),
  async target(tx, input) {
    await lockRow(tx, "TitleDefinition", input.id);
    return {};
  },
  async run(tx, input) {
    const before = await tx.titleDefinition.findUniqueOrThrow({ where: { id: input.id } });
    const after = await tx.titleDefinition.update({
      where: { id: input.id },
      data: { name: input.name, shortName: input.shortName, prerequisites: input.prerequisites, active: input.active },
    });
    return {
      data: { id: after.id },
      message: "Đã lưu thay đổi.",
      audit: { entityType: "TitleDefinition", entityId: after.id, before: titleSnapshot(before), after: titleSnapshot(after) },
    };
  },
});
