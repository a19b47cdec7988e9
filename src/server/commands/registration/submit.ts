import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { checkQuota } from "@/domain/eligibility";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { UserError } from "../command";
import { yearIdField, unitCountsExcept, unitYearAudit, unitRegistrationCommand } from "./shared";

export const NO_TARGET_TITLE = "Chưa chọn danh hiệu đăng ký của đơn vị; hãy chọn và lưu trước khi gửi.";

export const submitUnitRegistrationInput = z.object({ emulationYearId: yearIdField });

export const submitUnitRegistration = unitRegistrationCommand({
  name: "registration.submit",
  label: "Gửi đăng ký thi đua",
  input: submitUnitRegistrationInput,
  async run(tx, input, { scope, unitYear }) {
    const reg = unitYear.registration;
    if (!reg.targetTitleCode) throw new UserError(NO_TARGET_TITLE, { titleCode: [NO_TARGET_TITLE] });
    const counts = await unitCountsExcept(tx, unitYear.year.id, scope.unitId, []);
    if (counts.cst === 0) throw new UserError("Đơn vị chưa đăng ký danh hiệu cho cán bộ nào; không thể gửi.");
    const quota = checkQuota(
      { cstCount: counts.cst, cstdcsCount: counts.cstdcs },
      eligibilitySettingsOf(unitYear.year.settings),
      await rulesForYear(unitYear.year.year, tx),
    );
    if (quota.verdict === "OVER") throw new UserError(`Không thể gửi: vượt chỉ tiêu Chiến sĩ thi đua cơ sở. ${quota.message}`);
    const officers = await tx.officer.count({ where: { unitId: scope.unitId, active: true } });
    const submittedAt = new Date();
    await tx.unitRegistration.update({
      where: { id: reg.id },
      data: { status: "SUBMITTED", submittedAt, reopenedUntil: null },
    });
    return {
      message: `Đã gửi đăng ký thi đua năm ${unitYear.year.year} của đơn vị: ${counts.cst}/${officers} cán bộ đăng ký danh hiệu. ${quota.message}`,
      audit: unitYearAudit(
        unitYear,
        { status: reg.existed ? reg.status : null, reopenedUntil: reg.reopenedUntil },
        {
          status: "SUBMITTED",
          submittedAt: submittedAt.toISOString(),
          targetTitleCode: reg.targetTitleCode,
          registered: counts.cst,
          officers,
          cstdcs: counts.cstdcs,
        },
      ),
    };
  },
});
