import { z } from "zod";
import { codeField, idField, optionalIdField, requiredText } from "@/domain/validation";
import { textSortKey } from "@/domain/vietnamese";
import type { Tx } from "@/server/db";
import { defineCommand, commandFamily } from "../command";
import { fieldError, lockRow, enabledAccountsIn, codeUnique, optionalFlag, requiredFlag, createdRow, savedRow } from "./shared";

const unitSnapshot = (u: { code: string; name: string; clusterId: string; parentId: string | null; active: boolean }) => ({
  code: u.code,
  name: u.name,
  clusterId: u.clusterId,
  parentId: u.parentId,
  active: u.active,
});

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

/** The stored columns for a unit form's values, with the sort key kept in step with the name. */
const unitColumns = (input: { code: string; name: string; clusterId: string; parentId: string | null }) => ({
  code: input.code,
  name: input.name,
  sortKey: textSortKey(input.name),
  clusterId: input.clusterId,
  parentId: input.parentId,
});

export const createUnit = defineCommand({
  name: "unit.create",
  label: "Thêm đơn vị",
  permission: "unit.manage",
  input: z.object(unitFields),
  // Filed under the cluster (and member unit) it is created in; both are checked in run.
  target: async (_tx, input) => ({ clusterId: input.clusterId, unitId: input.parentId }),
  async run(tx, input) {
    await requireActiveCluster(tx, input.clusterId);
    if (input.parentId) await checkParent(tx, input.parentId, input.clusterId);
    const unit = await tx.unit.create({
      data: unitColumns(input),
    });
    const message = unit.parentId ? `Đã tạo đơn vị trực thuộc “${unit.name}”.` : `Đã tạo đơn vị “${unit.name}”.`;
    return createdRow("Unit", unit.id, message, unitSnapshot(unit));
  },
  uniqueFields: codeUnique,
});

/** Locks the unit and answers its scope: its cluster, and the member unit it is or belongs to. */
async function lockedUnitScope(tx: Tx, id: string) {
  await lockRow(tx, "Unit", id);
  const unit = await tx.unit.findUniqueOrThrow({ where: { id }, select: { clusterId: true, parentId: true } });
  return { clusterId: unit.clusterId, unitId: unit.parentId ?? id };
}

/** A stored unit, locked, filed under its scope (lockedUnitScope), as it was before the command. */
const storedUnit = commandFamily({
  permission: "unit.manage",
  target: (tx, input: { id: string }) => lockedUnitScope(tx, input.id),
  load: (tx, input) => tx.unit.findUniqueOrThrow({ where: { id: input.id } }),
});

export const updateUnit = storedUnit({
  name: "unit.update",
  label: "Sửa đơn vị",
  input: z.object({ id: idField("Đơn vị"), ...unitFields, active: optionalFlag }),
  async run(tx, input, before) {
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
      data: { ...unitColumns(input), active },
    });
    let moved: { subUnits: number; accounts: number } | undefined;
    if (clusterChanged && !input.parentId) {
      // A member unit moves with its sub-units and its accounts (their cluster follows the unit).
      const subUnits = await tx.unit.updateMany({ where: { parentId: input.id }, data: { clusterId: input.clusterId } });
      const accounts = await tx.user.updateMany({ where: { unitId: input.id }, data: { clusterId: input.clusterId } });
      moved = { subUnits: subUnits.count, accounts: accounts.count };
    }
    return savedRow("Unit", after.id, unitSnapshot(before), {
      ...unitSnapshot(after),
      ...(stoppedSubUnits.length ? { deactivatedSubUnitIds: stoppedSubUnits } : {}),
      ...(moved ? { moved } : {}),
    });
  },
  uniqueFields: codeUnique,
});

export const setUnitActive = storedUnit({
  name: "unit.setActive",
  label: "Bật/tắt đơn vị",
  input: z.object({ id: idField("Đơn vị"), active: requiredFlag("Trạng thái") }),
  async run(tx, input, before) {
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
