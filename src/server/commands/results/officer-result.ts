import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { INDIVIDUAL_TITLES, awardedTitleFailure } from "@/domain/eligibility";
import { can } from "@/domain/permissions";
import { idField } from "@/domain/validation";
import { parseYearSettings } from "@/domain/year-settings";
import { awardedQuotaExcess } from "@/server/store/awarded-quota";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { OFFICER_RESULT_AUDIT, officerResultAuditPayload } from "@/server/store/result-audit";
import { UserError } from "../command";
import { RATING_CODES, optionalEnum, decisionFields, requireDecision, checkDecisionDate, assertTitleActive, toDate, isoOf, resultsCommand, namedOfficer } from "./shared";

export const recordOfficerResultInput = z
  .object({
    yearId: idField("Năm thi đua"),
    officerId: idField("Cán bộ"),
    rating: z.enum(RATING_CODES, { error: "Vui lòng chọn xếp loại." }),
    awardedTitleCode: optionalEnum(INDIVIDUAL_TITLES, "Danh hiệu không hợp lệ."),
    ...decisionFields,
  })
  .superRefine((v, ctx) => requireDecision(v, v.awardedTitleCode, ctx, "awardedTitleCode"));

export const recordOfficerResult = resultsCommand("results.enter", namedOfficer)({
  name: "result.record",
  label: "Ghi kết quả cá nhân",
  input: recordOfficerResultInput,
  auditPayload: officerResultAuditPayload,
  async run(tx, input, { year, target }, actor) {
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { id: true, fullName: true } });
    checkDecisionDate(input.decisionDate, year.year, new Date());
    if (input.awardedTitleCode) {
      await assertTitleActive(tx, input.awardedTitleCode, "INDIVIDUAL", "awardedTitleCode");
      const history = (await loadOfficerHistories(tx, [officer.id], year.year)).get(officer.id)!;
      const failure = awardedTitleFailure(
        history,
        { year: year.year, rating: input.rating, title: input.awardedTitleCode, decisionDate: input.decisionDate },
        parseYearSettings(year.settings),
        await rulesForYear(year.year, tx),
      );
      if (failure) {
        const message = `${officer.fullName} ${failure}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
      // The CSTĐCS quota holds on awarded titles as on registrations (docs/domain.md §4 step 7).
      const excess = await awardedQuotaExcess(tx, target.unitId!, year.year, parseYearSettings(year.settings), [{ officerId: officer.id, titleCode: input.awardedTitleCode }]);
      if (excess) {
        const message = `Vượt chỉ tiêu Chiến sĩ thi đua cơ sở của đơn vị trên các danh hiệu được công nhận năm ${year.year}: ${excess.message}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
    }
    const verified = can(actor, "results.verify", target);
    const before = await tx.officerYearResult.findUnique({ where: { officerId_year: { officerId: officer.id, year: year.year } }, select: OFFICER_RESULT_AUDIT });
    const values = {
      rating: input.rating,
      awardedTitleCode: input.awardedTitleCode,
      decisionNo: input.decisionNo,
      decisionDate: toDate(input.decisionDate),
      decisionSigner: input.decisionSigner,
    };
    const changed =
      !before ||
      before.rating !== values.rating ||
      before.awardedTitleCode !== values.awardedTitleCode ||
      before.decisionNo !== values.decisionNo ||
      isoOf(before.decisionDate) !== input.decisionDate ||
      before.decisionSigner !== values.decisionSigner;
    if (!changed && (before!.verified || !verified)) {
      return { data: { id: before!.id }, message: "Không có thay đổi nào.", audit: { entityType: "OfficerYearResult", entityId: before!.id, before, after: before } };
    }
    const after = await tx.officerYearResult.upsert({
      where: { officerId_year: { officerId: officer.id, year: year.year } },
      create: { officerId: officer.id, year: year.year, ...values, verified },
      update: { ...values, verified },
      select: OFFICER_RESULT_AUDIT,
    });
    return {
      data: { id: after.id },
      message: verified
        ? `Đã ghi nhận và xác nhận kết quả năm ${year.year} của ${officer.fullName}.`
        : `Đã ghi nhận kết quả năm ${year.year} của ${officer.fullName}; chờ Thư ký cụm xác nhận.`,
      audit: { entityType: "OfficerYearResult", entityId: after.id, before, after },
    };
  },
});
