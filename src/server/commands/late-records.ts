// Late records of a closed year (docs/domain.md §4 step 8, "Late records"): an initiative or a
// discipline record dated in a closed year, entered afterwards by the secretariat (or an admin) through
// the audited amendment, with the decision it rests on and a reason. The record passes the same checks
// as a direct entry (the same zod fields; the officer's unit and cluster read from the database; its
// dates inside that year) and is kept with a LateRecord row, so the officer's history marks it as
// recorded late. The closed year's results are not re-evaluated by it (LATE_RECORD_NOT_REEVALUATED).
import { z } from "zod";
import { DISCIPLINE_FORMS, DISCIPLINE_STATUSES, INITIATIVE_LEVELS } from "@/domain/eligibility";
import { LATE_RECORD_ONLY_CLOSED, lateDecisionDateError, lateDisciplineDatesError } from "@/domain/late-records";
import type { Actor, Target } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { idField, reasonText } from "@/domain/validation";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { lockCluster } from "@/server/store/locks";
import { amendingDocumentAudit, amendingDocumentFields } from "./amendments";
import { commandFamily, INVALID_INPUT, NotFoundError, UserError } from "./command";
import { checkPeriod, disciplineFields, DISCIPLINE_AUDIT } from "./results/disciplines";
import { INITIATIVE_LEVEL_CODES, requiredPlain } from "./results/initiatives";
import { officerScope, optionalPlain, toDate } from "./results/shared";

/** The amendment's own fields: the closed year, the decision it rests on, the reason. */
const amendmentFields = {
  officerId: idField("Cán bộ"),
  yearId: idField("Năm thi đua"),
  ...amendingDocumentFields,
  reason: reasonText("Lý do ghi bổ sung", "Vui lòng nêu lý do ghi bổ sung."),
};

export const lateInitiativeInput = z.object({
  ...amendmentFields,
  level: z.enum(INITIATIVE_LEVEL_CODES, { error: "Vui lòng chọn cấp sáng kiến." }),
  title: requiredPlain("Tên sáng kiến", 300),
  decisionNo: optionalPlain("Số quyết định công nhận", 60),
});

export const lateDisciplineInput = z.object({ ...amendmentFields, ...disciplineFields }).superRefine(checkPeriod);

type Amendment = z.infer<z.ZodObject<typeof amendmentFields>>;

/**
 * The closed year the record is for, in the officer's cluster (else not found); an open year is
 * refused (its records are entered directly). Takes the same exclusive lock as closing a year and the
 * other amendments. Checks the amending decision's date.
 */
async function closedYearFor(tx: Tx, input: Amendment, target: Target) {
  await lockCluster(tx, target.clusterId!, "exclusive");
  const year = await tx.emulationYear.findUnique({ where: { id: input.yearId }, select: { id: true, year: true, phase: true, clusterId: true } });
  if (!year || year.clusterId !== target.clusterId) throw new NotFoundError();
  if (year.phase !== "CLOSED") throw new UserError(LATE_RECORD_ONLY_CLOSED);
  const today = vietnamToday(appNow());
  const dateError = lateDecisionDateError(year.year, input.amendDate, today);
  // The reason goes next to its field; the form's message says only that a field needs attention.
  if (dateError) throw new UserError(INVALID_INPUT, { amendDate: [dateError] });
  return { ...year, today };
}

async function lateRecordRow(tx: Tx, yearId: string, input: Amendment, actor: Actor, record: { initiativeId: string } | { disciplineId: string }) {
  const late = await tx.lateRecord.create({
    data: { emulationYearId: yearId, ...record, decisionNo: input.amendNo, decisionDate: toDate(input.amendDate)!, decisionSigner: input.amendSigner, reason: input.reason, recordedByName: actor.displayName },
    select: { id: true },
  });
  return { lateRecordId: late.id, ...amendingDocumentAudit(input, actor) };
}

/** A late record: the secretariat's amendment (year.amend) on the officer's member unit read from the database, in its closed year. */
const lateRecordCommand = commandFamily({
  permission: "year.amend",
  target: (tx, input: Amendment) => officerScope(tx, input.officerId),
  load: (tx, input, target) => closedYearFor(tx, input, target),
});

export const recordLateInitiative = lateRecordCommand({
  name: "year.amendLateInitiative",
  label: "Ghi bổ sung sáng kiến của năm đã khóa sổ",
  input: lateInitiativeInput,
  async run(tx, input, year, actor) {
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.initiative.create({
      data: { officerId: input.officerId, year: year.year, level: input.level, title: input.title, decisionNo: input.decisionNo },
      select: { id: true, officerId: true, year: true, level: true, title: true, decisionNo: true },
    });
    const amendment = await lateRecordRow(tx, year.id, input, actor, { initiativeId: created.id });
    return {
      data: { id: created.id },
      message: `Đã ghi bổ sung sáng kiến ${INITIATIVE_LEVELS[input.level].toLowerCase()} năm ${year.year} (đã khóa sổ) của ${officer.fullName}.`,
      audit: { entityType: "Initiative", entityId: created.id, after: { ...created, amendment } },
    };
  },
});

export const recordLateDiscipline = lateRecordCommand({
  name: "year.amendLateDiscipline",
  label: "Ghi bổ sung kỷ luật của năm đã khóa sổ",
  input: lateDisciplineInput,
  async run(tx, input, year, actor) {
    const datesError = lateDisciplineDatesError(year.year, input.fromDate, input.toDate, year.today);
    if (datesError) throw new UserError(INVALID_INPUT, { [datesError.field]: [datesError.message] });
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.discipline.create({
      data: { officerId: input.officerId, form: input.form, status: input.status, fromDate: toDate(input.fromDate)!, toDate: toDate(input.toDate), note: input.note },
      select: DISCIPLINE_AUDIT,
    });
    const amendment = await lateRecordRow(tx, year.id, input, actor, { disciplineId: created.id });
    return {
      data: { id: created.id },
      message: `Đã ghi bổ sung ${DISCIPLINE_FORMS[input.form].toLowerCase()} (${DISCIPLINE_STATUSES[input.status].toLowerCase()}) năm ${year.year} (đã khóa sổ) đối với ${officer.fullName}.`,
      audit: { entityType: "Discipline", entityId: created.id, after: { ...created, amendment } },
    };
  },
});
