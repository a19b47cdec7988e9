import { z } from "zod";
import { checkReopenUntil, endOfVietnamDay } from "@/domain/registration-window";
import { idField, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { defineCommand, UserError } from "../command";
import { yearIdField, vietnameseDate, scopeOf, lockUnitYear, unitYearAudit } from "./shared";
import { memberUnitScope } from "@/server/store/unit-scopes";

export const reopenUnitRegistrationInput = z.object({
  unitId: idField("Đơn vị"),
  emulationYearId: yearIdField,
  until: vietnameseDate("Mở lại đến ngày"),
  reason: requiredText("Lý do mở lại", 500),
});

export const reopenUnitRegistration = defineCommand({
  name: "registration.reopen",
  label: "Mở lại đăng ký thi đua",
  permission: "registration.reopen",
  phases: "yearSetup",
  input: reopenUnitRegistrationInput,
  target: (tx, input) => memberUnitScope(tx, input.unitId),
  async run(tx, input, _actor, target) {
    const scope = scopeOf(target);
    const unitYear = await lockUnitYear(tx, scope, input.emulationYearId);
    const refusal = checkReopenUntil(input.until, unitYear.year.phase, new Date());
    if (refusal) throw new UserError(refusal, unitYear.year.phase === "CLOSED" ? undefined : { until: [refusal] });
    const reg = unitYear.registration;
    const reopenedUntil = endOfVietnamDay(input.until);
    await tx.unitRegistration.update({
      where: { id: reg.id },
      data: { status: "DRAFT", submittedAt: null, reopenedUntil, reopenReason: input.reason },
    });
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: scope.unitId }, select: { name: true } });
    return {
      message: `Đã mở lại đăng ký thi đua năm ${unitYear.year.year} cho ${unit.name} đến hết ngày ${formatDate(input.until)}.`,
      audit: unitYearAudit(
        unitYear,
        {
          status: reg.existed ? reg.status : null,
          submittedAt: reg.submittedAt?.toISOString() ?? null,
          reopenedUntil: reg.reopenedUntil?.toISOString() ?? null,
        },
        { status: "DRAFT", reopenedUntil: reopenedUntil.toISOString(), reopenReason: input.reason },
      ),
    };
  },
});
