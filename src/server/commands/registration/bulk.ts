import { z } from "zod";
import { titleLabel, type IndividualTitle } from "@/domain/eligibility";
import { isStorableText } from "@/domain/validation";
import { cleanFilters, registrationMatchSql, registrationOfficersSql } from "@/server/store/officer-filters";
import { UserError } from "../command";
import { yearIdField, titleCodeField, activeIndividualTitles, touch, unitYearAudit, unitRegistrationCommand } from "./shared";
import { applyRegistrations, OVERRIDE_HINT, savedMessage } from "./apply-rows";

// Every officer matching the page's filters (all pages), set to one title or unregistered.
export const bulkSetOfficerRegistrationsInput = z.object({
  emulationYearId: yearIdField,
  titleCode: titleCodeField(z.string({ error: "Vui lòng chọn danh hiệu." })),
  q: z.string().max(100).refine(isStorableText).optional(),
  sub: z.string().max(64).refine(isStorableText).optional(),
  target: z.string().max(32).refine(isStorableText).optional(),
  /** How many officers the page said match: if the set changed meanwhile, nothing is done. */
  expectedCount: z.coerce.number({ error: "Số cán bộ không hợp lệ." }).int().min(0),
});

export const bulkSetOfficerRegistrations = unitRegistrationCommand({
  name: "registration.officers.bulk",
  label: "Đăng ký hàng loạt cho cán bộ",
  input: bulkSetOfficerRegistrationsInput,
  async run(tx, input, { scope, unitYear }) {
    const subUnits = await tx.unit.findMany({ where: { parentId: scope.unitId }, select: { id: true } });
    const titles = await activeIndividualTitles(tx);
    const filters = cleanFilters(input, subUnits, [...titles]);
    const matching = await tx.$queryRaw<{ id: string }[]>`
      SELECT o.id::text AS id FROM ${registrationOfficersSql(scope.unitId, unitYear.year.id)} AND ${registrationMatchSql(scope.unitId, filters)}`;
    if (matching.length === 0) throw new UserError("Không có cán bộ nào phù hợp bộ lọc.");
    if (matching.length !== input.expectedCount) {
      throw new UserError(
        `Danh sách cán bộ phù hợp bộ lọc vừa thay đổi (nay có ${matching.length}, trang đang hiển thị ${input.expectedCount}); vui lòng tải lại trang và thử lại.`,
      );
    }
    const result = await applyRegistrations(
      tx,
      scope,
      unitYear,
      matching.map((o) => ({ officerId: o.id, titleCode: input.titleCode })),
      { skipRefused: true },
    );
    await touch(tx, unitYear.registration.id);
    const applied = matching.length - result.skipped.length;
    const what = input.titleCode
      ? `Đã đăng ký ${titleLabel(input.titleCode as IndividualTitle)} cho ${applied} cán bộ phù hợp bộ lọc`
      : `Đã bỏ đăng ký của ${applied} cán bộ phù hợp bộ lọc`;
    // Officers a past record already refuses are left as they were and named, not a reason to refuse the rest.
    const skipped = result.skipped.length ? ` Không đăng ký ${result.skipped.length} cán bộ: ${result.skipped.join(" ")} ${OVERRIDE_HINT}` : "";
    return {
      data: { matched: matching.length, added: result.added, changed: result.changed, removed: result.removed, skipped: result.skipped.length },
      message: savedMessage(result, what) + skipped,
      audit: unitYearAudit(
        unitYear,
        { registrations: result.audit.before },
        { filters, titleCode: input.titleCode || null, registrations: result.audit.after, skipped: result.skipped, quota: result.quota.message },
      ),
    };
  },
});
