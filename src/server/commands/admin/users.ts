import { z } from "zod";
import { ROLES, type Role } from "@/domain/permissions";
import { idField, optionalIdField, requiredText } from "@/domain/validation";
import { hashPassword } from "@/server/auth/password";
import { endSessionsOf } from "@/server/auth/sessions";
import { liftAccountThrottles } from "@/server/auth/throttle";
import type { Tx } from "@/server/db";
import { checkNewPassword, confirmPasswordField, newPasswordField, PASSWORD_MISMATCH, passwordsMatch } from "../account";
import { defineCommand, UserError, commandFamily } from "../command";
import { fieldError, lockRow, optionalFlag, requiredFlag, createdRow, savedRow } from "./shared";

const usernameField = z
  .string({ error: "Tên đăng nhập là bắt buộc." })
  .trim()
  .toLowerCase()
  .min(1, "Tên đăng nhập là bắt buộc.")
  .min(3, "Tên đăng nhập phải có từ 3 đến 64 ký tự.")
  .max(64, "Tên đăng nhập phải có từ 3 đến 64 ký tự.")
  .regex(/^[a-z0-9._-]{3,64}$/, "Tên đăng nhập chỉ gồm chữ thường không dấu, số và các ký tự . _ -");

const roleField = z.enum(ROLES, { error: "Vai trò không hợp lệ." });

/** What the audit log keeps of an account: never the password hash. */
const USER_AUDIT_SELECT = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  clusterId: true,
  unitId: true,
  disabled: true,
  mustChangePassword: true,
} as const;
type UserAuditRow = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  clusterId: string | null;
  unitId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
};
const userSnapshot = (u: UserAuditRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  clusterId: u.clusterId,
  unitId: u.unitId,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

type Scope = { clusterId: string | null; unitId: string | null };

/**
 * The scope an account of this role gets: admin → none; secretariat → a cluster; unit officer/head →
 * a member unit, the cluster derived from it. Fields that do not apply to the role are ignored.
 * The scope must be active unless `allowInactive` (a disabled account kept where it was).
 */
async function resolveScope(tx: Tx, role: Role, input: Scope, allowInactive = false): Promise<Scope> {
  // The admin and the Ministry office see every cluster: no scope.
  if (role === "ADMIN" || role === "MINISTRY") return { clusterId: null, unitId: null };
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

/** The admin's commands on one stored account: locked, filed under the account's cluster and unit. */
const storedUser = commandFamily({
  permission: "user.manage",
  target: (tx, input: { id: string }) => userTarget(tx, input.id),
});

const SELF_DISABLE = "Bạn không thể tự khóa tài khoản của chính mình.";
const SELF_DEMOTE = "Bạn không thể tự thay đổi vai trò Quản trị của chính mình.";

export const createUser = defineCommand({
  name: "user.create",
  label: "Tạo tài khoản",
  permission: "user.manage",
  input: z
    .object({
      username: usernameField,
      displayName: requiredText("Họ tên hiển thị", 120),
      role: roleField,
      clusterId: optionalIdField("Cụm thi đua"),
      unitId: optionalIdField("Đơn vị"),
      password: newPasswordField,
      confirmPassword: confirmPasswordField,
    })
    .refine(passwordsMatch, PASSWORD_MISMATCH),
  async target(tx, input) {
    // Filed under the unit's cluster (read from the database) or the secretariat's cluster.
    if (input.role === "UNIT_OFFICER" || input.role === "UNIT_HEAD") {
      const unit = input.unitId ? await tx.unit.findUnique({ where: { id: input.unitId }, select: { clusterId: true } }) : null;
      return unit ? { clusterId: unit.clusterId, unitId: input.unitId } : {};
    }
    return input.role === "SECRETARIAT" && input.clusterId ? { clusterId: input.clusterId } : {};
  },
  async run(tx, input) {
    checkNewPassword(input.password, input.username);
    const scope = await resolveScope(tx, input.role, input);
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        clusterId: scope.clusterId,
        unitId: scope.unitId,
        passwordHash: await hashPassword(input.password),
        // The admin knows this password: its user must set their own at the first sign-in.
        mustChangePassword: true,
      },
      select: USER_AUDIT_SELECT,
    });
    return createdRow("User", user.id, `Đã tạo tài khoản “${user.username}”.`, userSnapshot(user));
  },
  uniqueFields: { username: { field: "username", message: "Tên đăng nhập đã tồn tại." } },
});

export const updateUser = storedUser({
  name: "user.update",
  label: "Sửa tài khoản",
  input: z.object({
    id: idField("Tài khoản"),
    displayName: requiredText("Họ tên hiển thị", 120),
    role: roleField,
    clusterId: optionalIdField("Cụm thi đua"),
    unitId: optionalIdField("Đơn vị"),
    disabled: optionalFlag,
  }),
  async run(tx, input, _target, actor) {
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
    return savedRow("User", after.id, userSnapshot(before), userSnapshot(after));
  },
});

export const setUserDisabled = storedUser({
  name: "user.setDisabled",
  label: "Khóa/mở khóa tài khoản",
  input: z.object({ id: idField("Tài khoản"), disabled: requiredFlag("Trạng thái") }),
  async run(tx, input, _target, actor) {
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

export const resetUserPassword = storedUser({
  name: "user.resetPassword",
  label: "Đặt lại mật khẩu",
  input: z.object({ id: idField("Tài khoản"), password: newPasswordField, confirmPassword: confirmPasswordField }).refine(passwordsMatch, PASSWORD_MISMATCH),
  async run(tx, input) {
    const { username } = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: { username: true } });
    checkNewPassword(input.password, username);
    // The admin knows the new password: its user must set their own at the next sign-in.
    const user = await tx.user.update({
      where: { id: input.id },
      data: { passwordHash: await hashPassword(input.password), mustChangePassword: true },
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
      audit: { entityType: "User", entityId: user.id, after: { username: user.username, passwordReset: true, mustChangePassword: true } },
    };
  },
});
