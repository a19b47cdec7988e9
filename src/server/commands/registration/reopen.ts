import { z } from "zod";
import { checkReopenUntil, endOfVietnamDay } from "@/domain/registration-window";
import { idField, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { UserError } from "../command";
import { yearIdField, vietnameseDate, lockUnitYear, unitYearAudit, unitYearCommand, type UnitScope, type UnitYear } from "./shared";
import { namedUnit } from "@/server/store/unit-scopes";

export const reopenUntilField = vietnameseDate("Mở lại đến ngày");
export const reopenReasonField = requiredText("Lý do mở lại", 500);

/**
 * Reopens a locked unit-year's registration until the end of `untilIso` (Vietnam): back to draft, with
 * the reason. The day is checked first (checkReopenUntil: today or later, at most a year ahead, not in
 * a closed year). Returns what the audit entry records.
 */
async function reopenLocked(tx: Tx, unitYear: UnitYear, untilIso: string, reason: string) {
  const { phase } = unitYear.year;
  const refusal = checkReopenUntil(untilIso, phase, appNow());
  if (refusal) throw new UserError(refusal, phase === "CLOSED" ? undefined : { until: [refusal] });
  const reg = unitYear.registration;
  const reopenedUntil = endOfVietnamDay(untilIso);
  await tx.unitRegistration.update({
    where: { id: reg.id },
    data: { status: "DRAFT", submittedAt: null, reopenedUntil, reopenReason: reason },
  });
  return {
    before: { status: reg.existed ? reg.status : null, submittedAt: reg.submittedAt?.toISOString() ?? null, reopenedUntil: reg.reopenedUntil?.toISOString() ?? null },
    after: { status: "DRAFT", reopenedUntil: reopenedUntil.toISOString(), reopenReason: reason },
  };
}

/** The same for a unit named by the caller (the bulk reopen): its unit-year locked first (lockUnitYear). */
export async function reopenUnitYear(tx: Tx, scope: UnitScope, emulationYearId: string, untilIso: string, reason: string) {
  const unitYear = await lockUnitYear(tx, scope, emulationYearId);
  return { unitYear, ...(await reopenLocked(tx, unitYear, untilIso, reason)) };
}

export const reopenUnitRegistrationInput = z.object({
  unitId: idField("Đơn vị"),
  emulationYearId: yearIdField,
  until: reopenUntilField,
  reason: reopenReasonField,
});

export const reopenUnitRegistration = unitYearCommand("registration.reopen", namedUnit)({
  name: "registration.reopen",
  label: "Mở lại đăng ký thi đua",
  phases: "yearSetup",
  input: reopenUnitRegistrationInput,
  async run(tx, input, { scope, unitYear }) {
    const { before, after } = await reopenLocked(tx, unitYear, input.until, input.reason);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: scope.unitId }, select: { name: true } });
    return {
      message: `Đã mở lại đăng ký thi đua năm ${unitYear.year.year} cho ${unit.name} đến hết ngày ${formatDate(input.until)}.`,
      audit: unitYearAudit(unitYear, before, after),
    };
  },
});
