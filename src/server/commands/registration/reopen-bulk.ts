// The secretariat reopens the registration of several member units, or all of them, at once: one
// new deadline and one reason for all (docs/domain.md §4 step 2). One audit entry for the whole act,
// listing every unit with its state before and after: it is one decision, taken once, with one reason
// and one date, and it is done or refused as a whole (one unit that cannot be reopened refuses it all);
// the year's log shows it as what it was rather than as N separate reopens.
import { z } from "zod";
import { checkbox, isUuid } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { yearScope } from "@/server/store/years";
import { defineCommand, UserError } from "../command";
import { reopenReasonField, reopenUnitYear, reopenUntilField } from "./reopen";
import { yearIdField } from "./shared";

export const NO_UNIT_CHOSEN = "Vui lòng chọn ít nhất một đơn vị, hoặc “Tất cả đơn vị”.";

/** Ticked member units: checkboxes named unit_<id>. A malformed id is refused. */
function tickedUnitIds(raw: Record<string, unknown>, ctx: z.RefinementCtx): string[] {
  const ids = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("unit_") || (value !== "on" && value !== "true")) continue;
    const id = key.slice(5);
    if (isUuid(id)) ids.add(id.toLowerCase());
    else ctx.addIssue({ code: "custom", path: ["units"], message: "Danh sách đơn vị không hợp lệ." });
  }
  return [...ids];
}

export const reopenRegistrationsInput = z
  .looseObject({ emulationYearId: yearIdField, all: checkbox, until: reopenUntilField, reason: reopenReasonField })
  .transform((o, ctx) => ({ emulationYearId: o.emulationYearId, all: o.all, unitIds: tickedUnitIds(o, ctx), until: o.until, reason: o.reason }));

export const reopenRegistrations = defineCommand({
  name: "registration.reopen.bulk",
  label: "Mở lại đăng ký thi đua cho nhiều đơn vị",
  permission: "registration.reopen",
  phases: "yearSetup",
  input: reopenRegistrationsInput,
  target: (tx, input) => yearScope(tx, input.emulationYearId),
  async run(tx, input, _actor, target) {
    const clusterId = target.clusterId!;
    // Active member units of the year's cluster, in the cluster's order; a ticked unit outside them is "not found".
    const members = await tx.unit.findMany({
      where: { clusterId, parentId: null, active: true },
      select: { id: true, name: true },
      orderBy: { sortKey: "asc" },
    });
    const chosen = input.all ? members : members.filter((m) => input.unitIds.includes(m.id));
    if (!input.all && chosen.length !== input.unitIds.length) throw new UserError("Đơn vị được chọn không thuộc cụm thi đua hoặc đã ngừng hoạt động.", { units: ["Đơn vị không hợp lệ."] });
    if (chosen.length === 0) throw new UserError(NO_UNIT_CHOSEN, { units: [NO_UNIT_CHOSEN] });

    const units = [];
    let year = 0;
    for (const unit of chosen) {
      const done = await reopenUnitYear(tx, { unitId: unit.id, clusterId }, input.emulationYearId, input.until, input.reason);
      year = done.unitYear.year.year;
      units.push({ unitId: unit.id, unitName: unit.name, registrationId: done.unitYear.registration.id, before: done.before });
    }
    const whom = input.all ? `tất cả ${chosen.length} đơn vị` : chosen.length === 1 ? chosen[0]!.name : `${chosen.length} đơn vị`;
    return {
      message: `Đã mở lại đăng ký thi đua năm ${year} cho ${whom} đến hết ngày ${formatDate(input.until)}.`,
      audit: {
        entityType: "EmulationYear",
        entityId: input.emulationYearId,
        before: { year, units: units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, ...u.before })) },
        after: {
          year,
          all: input.all,
          until: input.until,
          reopenReason: input.reason,
          units: units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, registrationId: u.registrationId, status: "DRAFT" })),
        },
      },
    };
  },
});
