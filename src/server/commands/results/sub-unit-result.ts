// A sub-unit's collective title awarded for the year (docs/domain.md §3 "Sub-units", §4 step 7),
// recorded by the secretariat like a member unit's: the decision (number, date, signer), the title
// ELIGIBLE at the RESULTS stage on the decision day over the sub-unit's officers, and the member unit's
// quota of Đơn vị Quyết thắng kept on the awarded titles. Refused with the reason, nothing written: a
// member unit named as the sub-unit, a title a sub-unit cannot have (the flags), a title not met.
import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { COLLECTIVE_TITLES, evaluateSubUnit, subUnitQuotaAfter, subUnitResultFor } from "@/domain/eligibility";
import { idField } from "@/domain/validation";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import type { Target } from "@/domain/permissions";
import type { Tx } from "@/server/db";
import { EMPTY_SUMMARY, subUnitQuotaCounts, subUnitSummaries } from "@/server/store/sub-units";
import { UserError } from "../command";
import { subUnitTitleOf } from "../registration/sub-unit-target";
import { checkDecisionDate, decisionFields, optionalEnum, requireDecision, resultsCommand, toDate } from "./shared";

export const recordSubUnitResultInput = z
  .object({
    yearId: idField("Năm thi đua"),
    subUnitId: idField("Đơn vị trực thuộc"),
    awardedTitleCode: optionalEnum(COLLECTIVE_TITLES, "Danh hiệu không hợp lệ."),
    ...decisionFields,
  })
  .superRefine((v, ctx) => requireDecision(v, v.awardedTitleCode, ctx, "awardedTitleCode"));

/**
 * The scope of the unit the form names, as stored: a sub-unit's member unit (its parent); a member unit
 * is its own scope, so that the secretariat of its cluster is told why it cannot be used here.
 */
async function subUnitScope(tx: Tx, input: { subUnitId: string }): Promise<Target> {
  const unit = await tx.unit.findUnique({ where: { id: input.subUnitId }, select: { id: true, clusterId: true, parentId: true } });
  if (!unit) return {};
  return { unitId: unit.parentId ?? unit.id, clusterId: unit.clusterId };
}

export const MEMBER_UNIT_NOT_SUB_UNIT = "Đơn vị được chọn là đơn vị thành viên của Cụm, không phải đơn vị trực thuộc; danh hiệu của đơn vị thành viên ghi ở mục “Danh hiệu tập thể của đơn vị”.";

export const recordSubUnitResult = resultsCommand("results.verify", subUnitScope)({
  name: "result.subUnit",
  label: "Ghi kết quả danh hiệu của đơn vị trực thuộc",
  input: recordSubUnitResultInput,
  async run(tx, input, { year, target }) {
    const unitId = target.unitId!;
    const sub = await tx.unit.findUniqueOrThrow({ where: { id: input.subUnitId }, select: { id: true, name: true, parentId: true } });
    if (sub.parentId !== unitId) throw new UserError(MEMBER_UNIT_NOT_SUB_UNIT, { subUnitId: [MEMBER_UNIT_NOT_SUB_UNIT] });
    checkDecisionDate(input.decisionDate, year.year, new Date());
    const settings = parseYearSettings(year.settings);
    const existing = await tx.subUnitTitle.findUnique({
      where: { emulationYearId_subUnitId: { emulationYearId: year.id, subUnitId: sub.id } },
      select: { id: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    });
    const code = input.awardedTitleCode;
    if (code) {
      const title = await subUnitTitleOf(tx, code, "awardedTitleCode");
      const summaries = await subUnitSummaries(tx, unitId, year.year, { stage: "RESULTS" });
      const stage = input.decisionDate ? { stage: "RESULTS" as const, asOf: input.decisionDate } : { stage: "RESULTS" as const };
      const result = subUnitResultFor(evaluateSubUnit({ subUnitId: sub.id, members: summaries.get(sub.id) ?? EMPTY_SUMMARY }, year.year, eligibilitySettingsOf(settings), stage, await rulesForYear(year.year, tx)), title.code);
      if (result.status !== "ELIGIBLE") {
        const why = result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ");
        const message = `${sub.name} chưa đủ điều kiện công nhận danh hiệu này. ${why}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
      const counts = await subUnitQuotaCounts(tx, unitId, year.id, "awarded", sub.id);
      const quota = subUnitQuotaAfter({ ...counts, previous: existing?.awardedTitleCode ?? null, next: code }, settings, "đã công nhận");
      if (!quota.ok) {
        const message = `Vượt chỉ tiêu của đơn vị: ${quota.check.message}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
    }
    const values = { awardedTitleCode: code, decisionNo: input.decisionNo, decisionDate: toDate(input.decisionDate), decisionSigner: input.decisionSigner };
    const after = await tx.subUnitTitle.upsert({
      where: { emulationYearId_subUnitId: { emulationYearId: year.id, subUnitId: sub.id } },
      create: { emulationYearId: year.id, subUnitId: sub.id, unitId, ...values },
      update: values,
      select: { id: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    });
    const { id: _before, ...beforeValues } = existing ?? { id: null, awardedTitleCode: null, decisionNo: null, decisionDate: null, decisionSigner: null };
    const { id, ...afterValues } = after;
    return {
      data: { id },
      message: code ? `Đã ghi nhận danh hiệu năm ${year.year} của ${sub.name}.` : `Đã bỏ danh hiệu năm ${year.year} của ${sub.name}.`,
      audit: {
        entityType: "SubUnitTitle",
        entityId: id,
        before: { year: year.year, subUnitId: sub.id, subUnit: sub.name, ...beforeValues },
        after: { year: year.year, subUnitId: sub.id, subUnit: sub.name, ...afterValues },
      },
    };
  },
});
