// Officers (cán bộ, chiến sĩ) of a member unit: add, edit, mark as no longer serving and back.
// Only the unit's own unit officer may do this (permission "officer.manage"). The unit always comes from
// the database — the acting user's unit for a new officer, the stored row for an existing one — so a
// tampered form can neither place an officer in another unit nor touch another unit's officer.
import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { RANKS } from "@/domain/ranks";
import { codeField, idField, optionalIdField, requiredText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { officerColumns } from "@/server/store/officer-columns";
import { defineCommand, INVALID_INPUT, NotFoundError, UserError, commandFamily } from "./command";
import { ownUnitScope } from "@/server/store/unit-scopes";

// Codes are unique across the Ministry. The refusal says only that the code cannot be used, never
// that (or where) it exists: the same words for a code of this unit and one of another cluster.
export const CODE_TAKEN = "Không dùng được mã cán bộ này; hãy chọn mã khác.";
export const codeUnusableMessage = (code: string) => `Không dùng được mã cán bộ ${code}; hãy dùng mã khác.`;
export const SUB_UNIT_INVALID = "Phòng/Đội không thuộc đơn vị hoặc đã ngừng hoạt động.";

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** Họ và tên: NFC, runs of whitespace collapsed, at most 120 characters, Latin letters (with diacritics). */
export const fullNameField = z
  .string({ error: "Họ và tên là bắt buộc." })
  .transform((s) => collapse(s.normalize("NFC")))
  .pipe(
    z
      .string()
      .min(1, "Họ và tên là bắt buộc.")
      .max(120, "Họ và tên tối đa 120 ký tự.")
      .regex(/^[\p{Script=Latin}\p{M} '’.()-]*$/u, "Họ và tên chỉ gồm chữ cái, dấu cách và các ký tự ' . - ( )")
      .regex(/^$|\p{L}/u, "Họ và tên phải có chữ cái."),
  );

export const rankField = z.enum(RANKS, {
  error: (issue) => (issue.input === "" || issue.input === undefined ? "Cấp bậc là bắt buộc." : "Cấp bậc không hợp lệ."),
});

const officerFields = {
  code: codeField("Mã cán bộ"),
  fullName: fullNameField,
  rank: rankField,
  position: requiredText("Chức vụ", 120).transform(collapse),
  subUnitId: optionalIdField("Phòng/Đội"),
};

export const createOfficerInput = z.object(officerFields);
export const updateOfficerInput = z.object({ id: idField("Mã bản ghi cán bộ"), ...officerFields });
export const setOfficerActiveInput = z.object({
  id: idField("Mã bản ghi cán bộ"),
  active: z.enum(["true", "false"], { error: "Trạng thái không hợp lệ." }).transform((v) => v === "true"),
});


// What the audit log keeps of an officer (searchName and sortKey follow from fullName).
const AUDIT_SELECT = {
  id: true,
  code: true,
  fullName: true,
  rank: true,
  position: true,
  unitId: true,
  subUnitId: true,
  active: true,
} as const;

/** An officer as the audit log keeps it (the "before" of a change). */
const auditedOfficer = (tx: Tx, id: string) => tx.officer.findUniqueOrThrow({ where: { id }, select: AUDIT_SELECT });

const uniqueFields = { code: { field: "code", message: CODE_TAKEN } };

/** The unit a checked target points at (can() has already compared it with the actor's unit). */
function scopedUnitId(target: Target): string {
  if (!target.unitId) throw new NotFoundError();
  return target.unitId;
}

/**
 * The scope of an existing officer as stored, with the row locked for the rest of the transaction so
 * the audit's "before" is exactly what the change replaces. Unknown id → empty scope → not found.
 */
async function officerScope(tx: Tx, id: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT o."unitId"::text AS "unitId", u."clusterId"::text AS "clusterId"
    FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId"
    WHERE o.id = ${id}::uuid
    FOR UPDATE OF o`;
  return rows[0] ?? {};
}

/** The unit officer's commands on one stored officer: its unit as scope (the row locked), the row as the audit's "before". */
const officerCommand = commandFamily({
  permission: "officer.manage",
  target: (tx, input: { id: string }) => officerScope(tx, input.id),
  load: (tx, input) => auditedOfficer(tx, input.id),
});

/** Codes are unique across the Ministry; checked here for a friendly field error (the unique index backs it up). */
async function assertCodeFree(tx: Tx, code: string, exceptOfficerId?: string) {
  const taken = await tx.officer.findUnique({ where: { code }, select: { id: true } });
  if (taken && taken.id !== exceptOfficerId) throw new UserError(CODE_TAKEN, { code: [CODE_TAKEN] });
}

/** A sub-unit must belong to the officer's unit and, when newly chosen, be active. */
async function assertSubUnit(tx: Tx, unitId: string, subUnitId: string | null, allowInactive: boolean) {
  if (!subUnitId) return;
  const subUnit = await tx.unit.findFirst({
    where: { id: subUnitId, parentId: unitId, ...(allowInactive ? {} : { active: true }) },
    select: { id: true },
  });
  if (!subUnit) throw new UserError(INVALID_INPUT, { subUnitId: [SUB_UNIT_INVALID] });
}

export const createOfficer = defineCommand({
  name: "officer.create",
  label: "Thêm cán bộ",
  permission: "officer.manage",
  input: createOfficerInput,
  // The officer joins the acting user's own member unit; the form has no say in it.
  target: (tx, _input, actor) => ownUnitScope(tx, actor),
  async run(tx, input, _actor, target) {
    const unitId = scopedUnitId(target);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { active: true } });
    if (!unit.active) throw new UserError("Đơn vị đã ngừng hoạt động; không thể thêm cán bộ.");
    await assertCodeFree(tx, input.code);
    await assertSubUnit(tx, unitId, input.subUnitId, false);
    const officer = await tx.officer.create({ data: { unitId, ...officerColumns(input) }, select: AUDIT_SELECT });
    return {
      data: { id: officer.id },
      message: `Đã thêm cán bộ ${officer.fullName}.`,
      audit: { entityType: "Officer", entityId: officer.id, after: officer },
    };
  },
  uniqueFields,
});

export const updateOfficer = officerCommand({
  name: "officer.update",
  label: "Sửa thông tin cán bộ",
  input: updateOfficerInput,
  async run(tx, input, before) {
    if (input.code !== before.code) await assertCodeFree(tx, input.code, input.id);
    // Keeping a sub-unit that has since closed is allowed; moving someone into a closed one is not.
    await assertSubUnit(tx, before.unitId, input.subUnitId, input.subUnitId === before.subUnitId);
    const after = await tx.officer.update({ where: { id: input.id }, data: officerColumns(input), select: AUDIT_SELECT });
    const changed = (Object.keys(AUDIT_SELECT) as (keyof typeof AUDIT_SELECT)[]).some((k) => before[k] !== after[k]);
    return {
      data: { id: after.id },
      message: changed ? `Đã lưu thông tin cán bộ ${after.fullName}.` : "Không có thay đổi nào.",
      audit: { entityType: "Officer", entityId: after.id, before, after },
    };
  },
  uniqueFields,
});

export const setOfficerActive = officerCommand({
  name: "officer.setActive",
  label: "Đổi trạng thái cán bộ",
  input: setOfficerActiveInput,
  async run(tx, input, before) {
    if (before.active === input.active) {
      throw new UserError(input.active ? "Cán bộ đang công tác; không cần khôi phục." : "Cán bộ đã được đánh dấu không còn công tác.");
    }
    const after = await tx.officer.update({ where: { id: input.id }, data: { active: input.active }, select: AUDIT_SELECT });
    return {
      data: { id: after.id },
      message: input.active
        ? `Đã khôi phục cán bộ ${after.fullName} về trạng thái đang công tác.`
        : `Đã đánh dấu cán bộ ${after.fullName} không còn công tác.`,
      audit: { entityType: "Officer", entityId: after.id, before, after },
    };
  },
});
