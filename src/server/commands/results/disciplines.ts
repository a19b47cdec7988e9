import { z } from "zod";
import { DISCIPLINE_FORMS, DISCIPLINE_STATUSES } from "@/domain/eligibility";
import { type Target } from "@/domain/permissions";
import { idField, optionalDate, requiredDate } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { defineCommand } from "../command";
import { optionalPlain, assertCalendarYearsOpen, toDate, officerHistoryCommand } from "./shared";

const FORM_CODES = Object.keys(DISCIPLINE_FORMS) as [keyof typeof DISCIPLINE_FORMS, ...(keyof typeof DISCIPLINE_FORMS)[]];
const STATUS_CODES = Object.keys(DISCIPLINE_STATUSES) as [keyof typeof DISCIPLINE_STATUSES, ...(keyof typeof DISCIPLINE_STATUSES)[]];

export const disciplineFields = {
  form: z.enum(FORM_CODES, { error: "Vui lòng chọn hình thức kỷ luật." }),
  status: z.enum(STATUS_CODES, { error: "Vui lòng chọn trạng thái." }),
  fromDate: requiredDate("Ngày bắt đầu"),
  toDate: optionalDate("Ngày kết thúc"),
  note: optionalPlain("Ghi chú", 500),
};

export const checkPeriod = (v: { fromDate: string; toDate: string | null }, ctx: z.RefinementCtx) => {
  if (v.toDate && v.fromDate && v.toDate < v.fromDate) {
    ctx.addIssue({ code: "custom", path: ["toDate"], message: "Ngày kết thúc không được trước ngày bắt đầu." });
  }
};

export const addDisciplineInput = z.object({ officerId: idField("Cán bộ"), ...disciplineFields }).superRefine(checkPeriod);
export const updateDisciplineInput = z.object({ id: idField("Bản ghi kỷ luật"), ...disciplineFields }).superRefine(checkPeriod);

export const DISCIPLINE_AUDIT = { id: true, officerId: true, form: true, status: true, fromDate: true, toDate: true, note: true } as const;

export const addDiscipline = officerHistoryCommand({
  name: "discipline.add",
  label: "Thêm kỷ luật",
  input: addDisciplineInput,
  async run(tx, input, target) {
    // A record dated in a closed year belongs to that year's closed books (corrections are amendments).
    await assertCalendarYearsOpen(tx, target.clusterId!, [Number(input.fromDate.slice(0, 4))], "fromDate");
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.discipline.create({
      data: { officerId: input.officerId, form: input.form, status: input.status, fromDate: toDate(input.fromDate)!, toDate: toDate(input.toDate), note: input.note },
      select: DISCIPLINE_AUDIT,
    });
    return {
      data: { id: created.id },
      message: `Đã ghi nhận ${DISCIPLINE_FORMS[input.form].toLowerCase()} (${DISCIPLINE_STATUSES[input.status].toLowerCase()}) đối với ${officer.fullName}.`,
      audit: { entityType: "Discipline", entityId: created.id, after: created },
    };
  },
});

async function disciplineScope(tx: Tx, id: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT o."unitId"::text AS "unitId", u."clusterId"::text AS "clusterId"
    FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId" JOIN "Unit" u ON u.id = o."unitId"
    WHERE d.id = ${id}::uuid
    FOR UPDATE OF d`;
  return rows[0] ?? {};
}

export const updateDiscipline = defineCommand({
  name: "discipline.update",
  label: "Sửa kỷ luật",
  phases: "records",
  permission: "history.manage",
  input: updateDisciplineInput,
  target: (tx, input) => disciplineScope(tx, input.id),
  async run(tx, input, _actor, target) {
    const before = await tx.discipline.findUniqueOrThrow({ where: { id: input.id }, select: DISCIPLINE_AUDIT });
    // Neither the stored record nor the corrected one may be dated in a closed year.
    // The year it was in and the year it moves to: one lock, one lookup.
    await assertCalendarYearsOpen(tx, target.clusterId!, [before.fromDate.getUTCFullYear(), Number(input.fromDate.slice(0, 4))], "fromDate");
    const after = await tx.discipline.update({
      where: { id: input.id },
      data: { form: input.form, status: input.status, fromDate: toDate(input.fromDate)!, toDate: toDate(input.toDate), note: input.note },
      select: DISCIPLINE_AUDIT,
    });
    const changed = (Object.keys(DISCIPLINE_AUDIT) as (keyof typeof DISCIPLINE_AUDIT)[]).some((k) => String(before[k]) !== String(after[k]));
    return {
      data: { id: after.id },
      message: changed ? "Đã cập nhật bản ghi kỷ luật." : "Không có thay đổi nào.",
      audit: { entityType: "Discipline", entityId: after.id, before, after },
    };
  },
});
