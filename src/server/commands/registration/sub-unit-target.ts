// A sub-unit's target collective title (docs/domain.md §3 "Sub-units", §4 step 2): registered by the
// member unit's officer as part of the unit's registration (same permission, window and lock as the
// unit's own target). Refused with the reason, nothing written: a unit that is not one of the actor's
// unit's sub-units (another unit's, a member unit, an unknown id), an inactive sub-unit, a title a
// sub-unit cannot have (the flags), a discipline that already blocks the title, or the unit's quota
// of Đơn vị Quyết thắng exceeded.
import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { evaluateSubUnit, REGISTRATION, subUnitQuotaAfter, subUnitResultFor, subUnitTitleRefusal, type SubUnitTitle } from "@/domain/eligibility";
import { idField } from "@/domain/validation";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { EMPTY_SUMMARY, subUnitQuotaCounts, subUnitSummaries } from "@/server/store/sub-units";
import type { Tx } from "@/server/db";
import { UserError } from "../command";
import { titleCodeField, unitRegistrationCommand, yearIdField } from "./shared";

export const setSubUnitTargetInput = z.object({
  emulationYearId: yearIdField,
  subUnitId: idField("Đơn vị trực thuộc"),
  titleCode: titleCodeField(z.string({ error: "Vui lòng chọn danh hiệu của đơn vị trực thuộc." })),
});

export const NOT_OUR_SUB_UNIT = "Đơn vị được chọn không phải là đơn vị trực thuộc (phòng, đội, đồn) của đơn vị đồng chí; chỉ đăng ký danh hiệu cho đơn vị trực thuộc của đơn vị mình.";

/** The sub-unit, if it is one of `unitId`'s; else the refusal (same words for another unit's, a member unit, an unknown id). */
export async function ownSubUnit(tx: Tx, unitId: string, subUnitId: string) {
  const sub = await tx.unit.findUnique({ where: { id: subUnitId }, select: { id: true, name: true, parentId: true, active: true } });
  if (!sub || sub.parentId !== unitId) throw new UserError(NOT_OUR_SUB_UNIT, { subUnitId: [NOT_OUR_SUB_UNIT] });
  return sub;
}

/** A collective title a sub-unit may have and the catalogue keeps active; else the refusal on `field`. */
export async function subUnitTitleOf(tx: Tx, code: string, field: string): Promise<{ code: SubUnitTitle; name: string }> {
  const refusal = subUnitTitleRefusal(code);
  if (refusal) throw new UserError(refusal, { [field]: [refusal] });
  const title = await tx.titleDefinition.findUnique({ where: { code }, select: { kind: true, active: true, name: true } });
  if (!title || title.kind !== "COLLECTIVE" || !title.active) {
    const message = "Danh hiệu không hợp lệ hoặc không phải danh hiệu tập thể đang áp dụng.";
    throw new UserError(message, { [field]: [message] });
  }
  return { code: code as SubUnitTitle, name: title.name };
}

export const setSubUnitTarget = unitRegistrationCommand({
  name: "registration.subUnit.target",
  label: "Đăng ký danh hiệu của đơn vị trực thuộc",
  input: setSubUnitTargetInput,
  async run(tx, input, { scope, unitYear }) {
    const sub = await ownSubUnit(tx, scope.unitId, input.subUnitId);
    const year = unitYear.year;
    const existing = await tx.subUnitTitle.findUnique({
      where: { emulationYearId_subUnitId: { emulationYearId: year.id, subUnitId: sub.id } },
      select: { id: true, targetTitleCode: true },
    });
    const before = existing?.targetTitleCode ?? null;
    const code = input.titleCode || null;
    let name: string | null = null;
    if (code && code !== before) {
      if (!sub.active) throw new UserError(`${sub.name} đã ngừng hoạt động; không thể đăng ký danh hiệu.`, { subUnitId: [`${sub.name} đã ngừng hoạt động.`] });
      const title = await subUnitTitleOf(tx, code, "titleCode");
      name = title.name;
      // A condition already decided (a member's discipline of "Cảnh cáo" or above this year) refuses it;
      // what depends on the year's outcome stays a warning on the page (as for officers, §4 step 2).
      const summaries = await subUnitSummaries(tx, scope.unitId, year.year, { stage: "REGISTRATION", emulationYearId: year.id });
      const settings = eligibilitySettingsOf(year.settings);
      const result = subUnitResultFor(evaluateSubUnit({ subUnitId: sub.id, members: summaries.get(sub.id) ?? EMPTY_SUMMARY }, year.year, settings, REGISTRATION, await rulesForYear(year.year, tx)), title.code);
      if (result.status === "BLOCKED") {
        const why = result.reasons.filter((r) => r.blocking).map((r) => r.message).join(" ");
        const message = `${sub.name} không thể đăng ký danh hiệu này năm ${year.year}. ${why}`;
        throw new UserError(message, { titleCode: [message] });
      }
      const counts = await subUnitQuotaCounts(tx, scope.unitId, year.id, "target", sub.id);
      const quota = subUnitQuotaAfter({ ...counts, previous: before, next: code }, year.settings);
      if (!quota.ok) {
        const message = `Vượt chỉ tiêu của đơn vị: ${quota.check.message}`;
        throw new UserError(message, { titleCode: [message] });
      }
    }
    const row = await tx.subUnitTitle.upsert({
      where: { emulationYearId_subUnitId: { emulationYearId: year.id, subUnitId: sub.id } },
      create: { emulationYearId: year.id, subUnitId: sub.id, unitId: scope.unitId, targetTitleCode: code },
      update: { targetTitleCode: code },
      select: { id: true },
    });
    return {
      data: { id: row.id },
      message: before === code ? "Không có thay đổi nào." : name ? `Đã lưu danh hiệu đăng ký của ${sub.name}: ${name}.` : `Đã bỏ danh hiệu đăng ký của ${sub.name}.`,
      audit: {
        entityType: "SubUnitTitle",
        entityId: row.id,
        before: { year: year.year, subUnitId: sub.id, subUnit: sub.name, targetTitleCode: before },
        after: { year: year.year, subUnitId: sub.id, subUnit: sub.name, targetTitleCode: code },
      },
    };
  },
});
