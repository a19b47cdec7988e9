import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { checkFlagAllocation, COLLECTIVE_TITLES, evaluateUnit, unitResultFor, type CollectiveTitle, type FlagProposal } from "@/domain/eligibility";
import { ADMISSIBILITY_RULES } from "@/domain/awards";
import { idField } from "@/domain/validation";
import { acclaimKey, conferenceFacts } from "@/server/store/dossier-evidence";
import { parseYearSettings } from "@/domain/year-settings";
import { memberSummary } from "@/server/store/unit-members";
import { UNIT_RESULT_AUDIT, unitResultAuditPayload } from "@/server/store/result-audit";
import type { Tx } from "@/server/db";
import { defineCommand, UserError } from "../command";
import { optionalEnum, decisionFields, requireDecision, resultsYear, checkDecisionDate, assertTitleActive, toDate } from "./shared";
import { memberUnitScope } from "@/server/store/unit-scopes";

export const recordUnitResultInput = z
  .object({
    yearId: idField("Năm thi đua"),
    unitId: idField("Đơn vị"),
    awardedTitleCode: optionalEnum(COLLECTIVE_TITLES, "Danh hiệu không hợp lệ."),
    ...decisionFields,
  })
  .superRefine((v, ctx) => requireDecision(v, v.awardedTitleCode, ctx, "awardedTitleCode"));

const FLAGS = new Set<string>(["CO_BCA", "CO_CP"]);

/** Acclaimed for `title` in a closed round of the year, or approved by the Ministry decision numbered `decisionNo`. */
async function flagBacked(tx: Tx, yearId: string, unitId: string, title: string, decisionNo: string | null): Promise<boolean> {
  if ((await conferenceFacts(tx, yearId)).acclaims.has(acclaimKey(unitId, title))) return true;
  if (!decisionNo) return false;
  const approved = await tx.dossierItem.findFirst({
    where: { unitId, titleCode: title, status: "APPROVED", decision: { number: decisionNo }, dossier: { emulationYearId: yearId } },
    select: { id: true },
  });
  return approved !== null;
}

export const recordUnitResult = defineCommand({
  name: "result.unit",
  label: "Ghi kết quả tập thể",
  // The collective title is the cluster's record of the Ministry's decision: the secretariat enters it.
  permission: "results.verify",
  phases: "results",
  input: recordUnitResultInput,
  auditPayload: unitResultAuditPayload,
  target: (tx, input) => memberUnitScope(tx, input.unitId),
  async run(tx, input, _actor, target) {
    const clusterId = target.clusterId!;
    const unitId = target.unitId!;
    // Flags are counted over the whole cluster: one flag decision of the cluster at a time.
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${clusterId}::uuid FOR NO KEY UPDATE`;
    const year = await resultsYear(tx, input.yearId, clusterId);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
    checkDecisionDate(input.decisionDate, year.year, new Date());
    const settings = parseYearSettings(year.settings);
    const title = input.awardedTitleCode as CollectiveTitle | null;
    const rules = await rulesForYear(year.year, tx);
    if (title) {
      await assertTitleActive(tx, title, "COLLECTIVE", "awardedTitleCode");
      // A flag is recorded only for a unit the conference acclaimed for it in a closed round, or on a
      // Ministry decision recorded in the app approving it (docs/domain.md §4 step 7, §9).
      if (FLAGS.has(title) && !(await flagBacked(tx, year.id, unitId, title, input.decisionNo))) {
        const message = `${ADMISSIBILITY_RULES.NOT_ACCLAIMED}: ${unit.name} chưa được hội nghị tổng kết suy tôn danh hiệu này trong một vòng bỏ phiếu đã kết thúc, và Quyết định số ${input.decisionNo} không phải quyết định của Bộ đã ghi nhận trong hồ sơ đề nghị của Cụm phê duyệt danh hiệu này.`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
      const evaluation = evaluateUnit(
        // The acclaim is checked above; the Ministry's decision on a flag records the cluster's lead.
        { unitId, members: await memberSummary(tx, unitId, year.year), acclaimed: true, clusterRank: 1 },
        year.year,
        settings,
        input.decisionDate ? { stage: "RESULTS", asOf: input.decisionDate } : { stage: "RESULTS" },
        rules,
      );
      const result = unitResultFor(evaluation, title);
      if (result.status !== "ELIGIBLE") {
        const why = result.reasons.filter((r) => !r.ok).map((r) => (r.basis ? `${r.message} (Căn cứ: ${r.basis}.)` : r.message)).join(" ");
        const message = `${unit.name} chưa đủ điều kiện công nhận danh hiệu này. ${why}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
      if (FLAGS.has(title)) {
        const others = await tx.unitYearResult.findMany({
          where: { emulationYearId: year.id, unitId: { not: unitId }, awardedTitleCode: { in: [...FLAGS] } },
          select: { unitId: true, awardedTitleCode: true, unit: { select: { name: true } } },
        });
        const proposals: FlagProposal[] = [
          ...others.map((o) => ({ unitId: o.unitId, title: o.awardedTitleCode as "CO_BCA" | "CO_CP", unitName: o.unit.name })),
          { unitId, title: title as "CO_BCA" | "CO_CP", unitName: unit.name },
        ];
        const allocation = checkFlagAllocation(proposals, settings, rules);
        if (!allocation.ok) {
          const message = `Vượt số cờ thi đua của Cụm năm ${year.year}: ${allocation.issues.join(" ")}`;
          throw new UserError(message, { awardedTitleCode: [message] });
        }
      }
    }
    const before = await tx.unitYearResult.findUnique({ where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } }, select: UNIT_RESULT_AUDIT });
    const values = {
      awardedTitleCode: title,
      decisionNo: input.decisionNo,
      decisionDate: toDate(input.decisionDate),
      decisionSigner: input.decisionSigner,
    };
    const after = await tx.unitYearResult.upsert({
      where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } },
      create: { emulationYearId: year.id, unitId, ...values },
      update: values,
      select: UNIT_RESULT_AUDIT,
    });
    return {
      data: { id: after.id },
      message: title ? `Đã ghi nhận danh hiệu năm ${year.year} của ${unit.name}.` : `Đã bỏ danh hiệu năm ${year.year} của ${unit.name}.`,
      audit: { entityType: "UnitYearResult", entityId: after.id, before, after },
    };
  },
});
