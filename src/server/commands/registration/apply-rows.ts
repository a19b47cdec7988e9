import { countQuotaTitles, checkQuota, titleLabel, validateRegistrations, type IndividualTitle, type TitleProposal } from "@/domain/eligibility";
import { rulesForYear } from "@/server/store/title-rules";
import type { Tx } from "@/server/db";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { registrationRefusals } from "@/server/store/registration-refusals";
import { UserError } from "../command";
import { type UnitScope, type UnitYear, type ApplyResult, activeIndividualTitles, unitCountsExcept } from "./shared";

export const OFFICER_NOT_IN_UNIT =
  "Danh sách có cán bộ không thuộc đơn vị của bạn hoặc không tồn tại; không có thay đổi nào được lưu.";

/**
 * `was`: the title the page showed as saved ("" = none) when the user changed it. When given and the
 * stored title differs (someone saved it meanwhile, in another tab or on another app instance), the
 * batch is refused instead of silently overwriting that save.
 */
export type RegistrationRowInput = { officerId: string; titleCode: string; was?: string };

const countTitles = (titles: Iterable<string | null>) => {
  const { cstCount, cstdcsCount } = countQuotaTitles([...titles].map((titleCode) => ({ titleCode })));
  return { cst: cstCount, cstdcs: cstdcsCount };
};

export const OVERRIDE_HINT = "Thư ký cụm có thể cho phép đăng ký với lý do bằng văn bản.";

/** A refused batch: the message also goes to the `rows` field, where the table shows it. */
const batchRefused = (message: string) => new UserError(message, { rows: [message] });

/**
 * Applies a batch of { officerId, titleCode | "" } to the unit's registrations, all or nothing:
 * refused (nothing written) when a title is unknown or not an active individual title, an officer is
 * not an active officer of the unit, an officer appears twice, or the CSTĐCS quota would be exceeded;
 * and when a past record already decides a title (rule 6), unless `skipRefused`, which leaves those
 * officers as they were and names them in `skipped`.
 */
export async function applyRegistrations(
  tx: Tx,
  scope: UnitScope,
  unitYear: UnitYear,
  rows: readonly RegistrationRowInput[],
  options: { skipRefused?: boolean } = {},
): Promise<ApplyResult & { skipped: string[]; audit: { before: Record<string, string | null>; after: Record<string, string | null> } }> {
  const { year } = unitYear;
  // 1. Titles.
  const titles = await activeIndividualTitles(tx);
  const unknown = [...new Set(rows.map((r) => r.titleCode).filter((c) => c !== "" && !titles.has(c)))];
  if (unknown.length) {
    throw batchRefused(`Danh hiệu không hợp lệ hoặc không phải danh hiệu cá nhân đang áp dụng: ${unknown.map((c) => `"${c}"`).join(", ")}; không có thay đổi nào được lưu.`);
  }

  // 2. Officers: every one an active officer of this unit. Nothing is said about other units' officers.
  const ids = [...new Set(rows.map((r) => r.officerId))];
  const officers = await tx.officer.findMany({ where: { id: { in: ids } }, select: { id: true, unitId: true, active: true, fullName: true, code: true } });
  const byId = new Map(officers.map((o) => [o.id, o]));
  if (ids.some((id) => byId.get(id)?.unitId !== scope.unitId)) throw batchRefused(OFFICER_NOT_IN_UNIT);
  const inactive = officers.filter((o) => !o.active);
  if (inactive.length) {
    throw batchRefused(`Cán bộ không còn công tác, không thể đăng ký: ${inactive.map((o) => `${o.fullName} (${o.code})`).join(", ")}; không có thay đổi nào được lưu.`);
  }

  // 3. One row per officer; two titles for one officer-year is refused with the engine's reasons.
  if (ids.length !== rows.length) {
    const byOfficer = new Map<string, string[]>();
    for (const r of rows) byOfficer.set(r.officerId, [...(byOfficer.get(r.officerId) ?? []), r.titleCode]);
    const messages: string[] = [];
    const proposals: TitleProposal[] = [];
    for (const [officerId, list] of byOfficer) {
      if (list.length < 2) continue;
      const o = byId.get(officerId)!;
      const name = `${o.fullName} (${o.code})`;
      if (list.includes("")) {
        const kept = [...new Set(list.filter(Boolean))].map((c) => titleLabel(c as IndividualTitle));
        messages.push(`Cán bộ ${name} có ${list.length} dòng trong danh sách${kept.length ? ` (vừa đăng ký ${kept.join(", ")}, vừa bỏ đăng ký)` : ""}; mỗi cán bộ chỉ một dòng.`);
      } else {
        for (const title of list) proposals.push({ subjectId: officerId, subjectName: name, year: year.year, title: title as IndividualTitle });
      }
    }
    messages.push(...validateRegistrations(proposals).issues.map((i) => i.message));
    const message = `Danh sách đăng ký bị trùng; không có thay đổi nào được lưu. ${messages.join(" ")}`;
    throw new UserError(message, { rows: messages });
  }

  // The registrations as saved, and rows someone else changed since the page was read.
  const settings = eligibilitySettingsOf(year.settings);
  const existing = await tx.officerRegistration.findMany({
    where: { emulationYearId: year.id, officerId: { in: ids } },
    select: { officerId: true, titleCode: true, unitId: true },
  });
  const before = new Map(existing.map((r) => [r.officerId, r.titleCode]));
  // A row changed by someone else since the page was read, to something else than this batch's title.
  const stale = rows.filter((r) => r.was !== undefined && (before.get(r.officerId) ?? "") !== r.was && (before.get(r.officerId) ?? "") !== r.titleCode);
  if (stale.length) {
    const now = (id: string) => (before.has(id) ? (titleLabel(before.get(id) as IndividualTitle) ?? before.get(id)) : "chưa đăng ký");
    throw batchRefused(`Đăng ký của ${stale.map((r) => `${byId.get(r.officerId)!.fullName} (${byId.get(r.officerId)!.code}; nay: ${now(r.officerId)})`).join(", ")} vừa được lưu ở nơi khác sau khi trang được mở; không có thay đổi nào được lưu. Vui lòng tải lại trang rồi sửa lại.`);
  }

  // 4. A title that a condition already decided refuses (discipline of the year, a missing past
  // prerequisite year), unless the secretariat lifted it; a title already saved is not re-judged. With
  // `skipRefused` (a bulk set over a whole filter) those officers are left as they are and listed.
  const changing = rows.filter((r) => r.titleCode !== "" && before.get(r.officerId) !== r.titleCode);
  const refused = await registrationRefusals(
    tx,
    { id: year.id, year: year.year, settings },
    changing.map((r) => ({ officerId: r.officerId, officerName: `${byId.get(r.officerId)!.fullName} (${byId.get(r.officerId)!.code})`, title: r.titleCode as IndividualTitle })),
  );
  const skipped = options.skipRefused ? refused : new Map<string, string>();
  const applied = rows.filter((r) => !skipped.has(r.officerId));

  // 5. The quota on the unit as it would be after the batch (checked before the refusals of 4).
  const rest = await unitCountsExcept(tx, year.id, scope.unitId, ids);
  const batchBefore = countTitles(existing.filter((r) => r.unitId === scope.unitId).map((r) => r.titleCode));
  const batchAfter = countTitles(rows.map((r) => (skipped.has(r.officerId) ? (before.get(r.officerId) ?? null) : r.titleCode || null)));
  const rules = await rulesForYear(year.year, tx);
  const quotaBefore = checkQuota({ cstCount: rest.cst + batchBefore.cst, cstdcsCount: rest.cstdcs + batchBefore.cstdcs }, settings, rules);
  const quota = checkQuota({ cstCount: rest.cst + batchAfter.cst, cstdcsCount: rest.cstdcs + batchAfter.cstdcs }, settings, rules);
  // Over the quota is refused, unless the unit was already over (e.g. officers left) and the batch does
  // not make it worse: a unit must be able to fix an excess one page at a time.
  if (quota.verdict === "OVER" && !(quotaBefore.verdict === "OVER" && quota.remaining >= quotaBefore.remaining)) {
    throw batchRefused(`Vượt chỉ tiêu Chiến sĩ thi đua cơ sở: ${quota.message} Không có thay đổi nào được lưu.`);
  }
  if (refused.size && !options.skipRefused) {
    const messages = [...refused.values()];
    throw new UserError(`Không có thay đổi nào được lưu. ${messages.join(" ")} ${OVERRIDE_HINT}`, { rows: messages });
  }
  const sets = changing.filter((r) => !skipped.has(r.officerId));
  const removeIds = applied.filter((r) => r.titleCode === "" && before.has(r.officerId)).map((r) => r.officerId);

  // 6. Write: removals, then one upsert for every title set.
  if (removeIds.length) await tx.officerRegistration.deleteMany({ where: { emulationYearId: year.id, officerId: { in: removeIds } } });
  if (sets.length) {
    await tx.$executeRaw`
      INSERT INTO "OfficerRegistration" (id, "emulationYearId", "unitId", "officerId", "titleCode", "updatedAt")
      SELECT gen_random_uuid(), ${year.id}::uuid, ${scope.unitId}::uuid, x."officerId", x."titleCode", now()
      FROM unnest(${sets.map((r) => r.officerId)}::uuid[], ${sets.map((r) => r.titleCode)}::varchar[]) AS x("officerId", "titleCode")
      ON CONFLICT ("emulationYearId", "officerId")
      DO UPDATE SET "titleCode" = EXCLUDED."titleCode", "unitId" = EXCLUDED."unitId", "updatedAt" = now()`;
  }
  const auditBefore: Record<string, string | null> = {};
  const auditAfter: Record<string, string | null> = {};
  for (const id of removeIds) {
    auditBefore[id] = before.get(id)!;
    auditAfter[id] = null;
  }
  for (const r of sets) {
    auditBefore[r.officerId] = before.get(r.officerId) ?? null;
    auditAfter[r.officerId] = r.titleCode;
  }
  const added = sets.filter((r) => !before.has(r.officerId)).length;
  return {
    added,
    changed: sets.length - added,
    removed: removeIds.length,
    unchanged: applied.length - sets.length - removeIds.length,
    skipped: [...skipped.values()],
    quota,
    audit: { before: auditBefore, after: auditAfter },
  };
}

export function savedMessage(r: ApplyResult, what: string): string {
  if (r.added + r.changed + r.removed === 0) return "Không có thay đổi nào.";
  const parts = [r.added && `thêm ${r.added}`, r.changed && `sửa ${r.changed}`, r.removed && `bỏ ${r.removed}`].filter(Boolean);
  return `${what} (${parts.join(", ")}). ${r.quota.message}`;
}
