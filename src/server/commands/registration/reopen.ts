import { z } from "zod";
import { checkReopenUntil, endOfVietnamDay } from "@/domain/registration-window";
import { idField, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { defineCommand, UserError } from "../command";
import { yearIdField, vietnameseDate, scopeOf, lockUnitYear, unitYearAudit, type UnitScope, type UnitYear } from "./shared";
import { memberUnitScope } from "@/server/store/unit-scopes";

export const reopenUntilField = vietnameseDate("Mở lại đến ngày");
export const reopenReasonField = requiredText("Lý do mở lại", 500);

/** The day is checked against the year (src/domain/registration-window.ts checkReopenUntil): the refusal, on the `until` field. */
export function assertReopenUntil(unitYear: UnitYear, untilIso: string) {
  const { phase, settings } = unitYear.year;
  const refusal = checkReopenUntil(untilIso, phase, appNow(), settings.reportDeadline);
  if (refusal) throw new UserError(refusal, phase === "CLOSED" ? undefined : { until: [refusal] });
}

/**
 * Reopens one unit's registration until the end of `untilIso` (Vietnam): back to draft, with the
 * reason. The unit-year is locked first (lockUnitYear); returns what the audit entry records.
 */
export async function reopenUnitYear(tx: Tx, scope: UnitScope, emulationYearId: string, untilIso: string, reason: string) {
  const unitYear = await lockUnitYear(tx, scope, emulationYearId);
  assertReopenUntil(unitYear, untilIso);
  const reg = unitYear.registration;
  const reopenedUntil = endOfVietnamDay(untilIso);
  await tx.unitRegistration.update({
    where: { id: reg.id },
    data: { status: "DRAFT", submittedAt: null, reopenedUntil, reopenReason: reason },
  });
  return {
    unitYear,
    before: { status: reg.existed ? reg.status : null, submittedAt: reg.submittedAt?.toISOString() ?? null, reopenedUntil: reg.reopenedUntil?.toISOString() ?? null },
    after: { status: "DRAFT", reopenedUntil: reopenedUntil.toISOString(), reopenReason: reason },
  };
}

export const reopenUnitRegistrationInput = z.object({
  unitId: idField("Đơn vị"),
  emulationYearId: yearIdField,
  until: reopenUntilField,
  reason: reopenReasonField,
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
    const { unitYear, before, after } = await reopenUnitYear(tx, scope, input.emulationYearId, input.until, input.reason);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: scope.unitId }, select: { name: true } });
    return {
      message: `Đã mở lại đăng ký thi đua năm ${unitYear.year.year} cho ${unit.name} đến hết ngày ${formatDate(input.until)}.`,
      audit: unitYearAudit(unitYear, before, after),
    };
  },
});
