// Commands of title registration (DOMAIN.md §4 step 2): a unit's officers' target titles (a batch from
// the table, or every officer matching a filter), the unit's own target title, submitting, the
// secretariat's reopen, and the signed agreement.
//
// Scope always comes from the database: the unit officer's own member unit (never a unit id from the
// form), the stored unit of a registration, the stored cluster of a year. Every write of one unit-year
// first locks that unit's UnitRegistration row (creating it if needed), so two saves of the same unit
// cannot both pass the quota check; the year row is read FOR SHARE, so the year cannot be closed or
// change phase between the check and the write.
//
// Writable window (src/domain/registration-window.ts): a CLOSED year refuses everything; a SUBMITTED
// registration is read-only for the unit until reopened; otherwise the REGISTRATION phase up to the
// deadline (inclusive, Vietnam time), or while the secretariat's reopen runs.
import { createHash } from "node:crypto";
import { z } from "zod";
import {
  countQuotaTitles,
  checkQuota,
  INDIVIDUAL_TITLES,
  COLLECTIVE_TITLES,
  titleLabel,
  validateRegistrations,
  type IndividualTitle,
  type QuotaCheck,
  type TitleProposal,
} from "@/domain/eligibility";
import type { Actor, Target } from "@/domain/permissions";
import {
  agreementFileName,
  checkAgreementDate,
  checkAgreementFile,
  checkReopenUntil,
  endOfVietnamDay,
  registrationWindow,
  AGREEMENT_MAX_BYTES,
  AGREEMENT_FILE_SIZE_ERROR,
  type RegistrationStatusValue,
} from "@/domain/registration-window";
import { idField, isStorableText, requiredText } from "@/domain/validation";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { formatDate, parseVietnameseDate } from "@/lib/format";
import type { Tx } from "@/server/db";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { cleanFilters, registrationOfficerWhere } from "@/server/store/officer-filters";
import { defineCommand, NotFoundError, UserError } from "./command";

const ENTITY = "UnitRegistration";
const INDIVIDUAL = new Set<string>(INDIVIDUAL_TITLES);
const COLLECTIVE = new Set<string>(COLLECTIVE_TITLES);

/** Most rows one save may carry (the table sends one page of 50; an import may send more). */
export const MAX_BATCH_ROWS = 5000;

export const OFFICER_NOT_IN_UNIT =
  "Danh sách có cán bộ không thuộc đơn vị của bạn hoặc không tồn tại; không có thay đổi nào được lưu.";
export const NO_TARGET_TITLE = "Chưa chọn danh hiệu đăng ký của đơn vị; hãy chọn và lưu trước khi gửi.";

// ---------------------------------------------------------------------------------------------
// Shared steps

type UnitScope = { unitId: string; clusterId: string };

/** A member unit named by the form (secretariat commands): its scope as stored. */
async function memberUnitTarget(tx: Tx, unitId: string): Promise<Target> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, clusterId: true, parentId: true } });
  if (!unit || unit.parentId) return {};
  return { unitId: unit.id, clusterId: unit.clusterId };
}

/** The acting unit officer's own member unit, from the database (a sub-unit officer has none). */
async function ownUnitTarget(tx: Tx, actor: Actor): Promise<Target> {
  if (!actor.unitId) return {};
  return memberUnitTarget(tx, actor.unitId);
}

function scopeOf(target: Target): UnitScope {
  if (!target.unitId || !target.clusterId) throw new NotFoundError();
  return { unitId: target.unitId, clusterId: target.clusterId };
}

type LockedRegistration = {
  id: string;
  status: RegistrationStatusValue;
  submittedAt: Date | null;
  reopenedUntil: Date | null;
  reopenReason: string | null;
  targetTitleCode: string | null;
  agreementSignedOn: Date | null;
  agreementSigner: string | null;
  agreementFileName: string | null;
  agreementFileType: string | null;
  /** Whether the row existed before this command (a unit that had not started has none). */
  existed: boolean;
};

type UnitYear = {
  year: { id: string; year: number; phase: YearPhase; settings: ReturnType<typeof parseYearSettings> };
  registration: LockedRegistration;
};

/**
 * The year (read FOR SHARE: its phase cannot change under us) and the unit's registration row, created
 * if missing and locked FOR UPDATE for the rest of the transaction. The year must be of the unit's
 * cluster (a year id from another cluster is "not found").
 */
async function lockUnitYear(tx: Tx, scope: UnitScope, emulationYearId: string): Promise<UnitYear> {
  const years = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase; settings: unknown; clusterId: string }[]>`
    SELECT id::text AS id, year, phase::text AS phase, settings, "clusterId"::text AS "clusterId"
    FROM "EmulationYear" WHERE id = ${emulationYearId}::uuid FOR SHARE`;
  const year = years[0];
  if (!year || year.clusterId !== scope.clusterId) throw new NotFoundError();
  const inserted = await tx.$executeRaw`
    INSERT INTO "UnitRegistration" (id, "emulationYearId", "unitId", status, "createdAt", "updatedAt")
    VALUES (gen_random_uuid(), ${emulationYearId}::uuid, ${scope.unitId}::uuid, 'DRAFT', now(), now())
    ON CONFLICT ("emulationYearId", "unitId") DO NOTHING`;
  const rows = await tx.$queryRaw<Omit<LockedRegistration, "existed">[]>`
    SELECT id::text AS id, status::text AS status, "submittedAt", "reopenedUntil", "reopenReason", "targetTitleCode",
           "agreementSignedOn", "agreementSigner", "agreementFileName", "agreementFileType"
    FROM "UnitRegistration"
    WHERE "emulationYearId" = ${emulationYearId}::uuid AND "unitId" = ${scope.unitId}::uuid
    FOR UPDATE`;
  return {
    year: { id: year.id, year: Number(year.year), phase: year.phase, settings: parseYearSettings(year.settings) },
    registration: { ...rows[0]!, existed: inserted === 0 },
  };
}

/** Refuses unless the unit may write its registration now (see the header). */
function assertWritable(unitYear: UnitYear, now: Date) {
  const window = registrationWindow({
    phase: unitYear.year.phase,
    deadline: unitYear.year.settings.registrationDeadline,
    // A row created by this very command is a unit that had not started.
    status: unitYear.registration.existed ? unitYear.registration.status : null,
    reopenedUntil: unitYear.registration.reopenedUntil,
    now,
  });
  if (!window.writable) throw new UserError(window.message);
}

async function assertUnitActive(tx: Tx, unitId: string) {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { active: true } });
  if (!unit?.active) throw new UserError("Đơn vị đã ngừng hoạt động; không thể đăng ký thi đua.");
}

/**
 * The preamble of every unit officer's write but the agreement: the unit-year locked, inside the
 * writable window, and the unit still active, checked in this order (the window's message wins).
 */
async function lockWritableUnitYear(tx: Tx, target: Target, emulationYearId: string): Promise<{ scope: UnitScope; unitYear: UnitYear }> {
  const scope = scopeOf(target);
  const unitYear = await lockUnitYear(tx, scope, emulationYearId);
  assertWritable(unitYear, new Date());
  await assertUnitActive(tx, scope.unitId);
  return { scope, unitYear };
}

/** The audit entry of a unit-year's registration: `year` first on both sides, then the command's fields. */
function unitYearAudit(unitYear: UnitYear, before: Record<string, unknown>, after: Record<string, unknown>) {
  return {
    entityType: ENTITY,
    entityId: unitYear.registration.id,
    before: { year: unitYear.year.year, ...before },
    after: { year: unitYear.year.year, ...after },
  };
}

/** Marks the registration as changed now (the page's "last updated"). */
async function touch(tx: Tx, registrationId: string) {
  await tx.unitRegistration.update({ where: { id: registrationId }, data: { updatedAt: new Date() } });
}

const yearIdField = idField("Năm thi đua");

/** A title code from a form ("" = none): `base` carries the command's own "required" message. */
const titleCodeField = (base = z.string()) =>
  base.trim().max(32, "Danh hiệu không hợp lệ.").refine(isStorableText, "Danh hiệu không hợp lệ.");

// ---------------------------------------------------------------------------------------------
// Officers' target titles

/**
 * `was`: the title the page showed as saved ("" = none) when the user changed it. When given and the
 * stored title differs (someone saved it meanwhile, in another tab or on another app instance), the
 * batch is refused instead of silently overwriting that save.
 */
export type RegistrationRowInput = { officerId: string; titleCode: string; was?: string };

/** A JSON text (from the table form) or an array (from code and tests). */
const jsonArray = (value: unknown) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const rowsField = z.preprocess(
  jsonArray,
  z
    .array(
      z.object({
        officerId: z.uuid("Mã cán bộ không hợp lệ."),
        titleCode: titleCodeField(),
        was: titleCodeField().optional(),
      }),
      { error: "Danh sách đăng ký không hợp lệ." },
    )
    .min(1, "Không có thay đổi nào để lưu.")
    .max(MAX_BATCH_ROWS, `Mỗi lần lưu tối đa ${MAX_BATCH_ROWS} cán bộ.`),
);

export const saveOfficerRegistrationsInput = z.object({ emulationYearId: yearIdField, rows: rowsField });

type ApplyResult = { added: number; changed: number; removed: number; unchanged: number; quota: QuotaCheck };

/** Active individual titles the engine knows, by code. */
async function activeIndividualTitles(tx: Tx): Promise<Set<string>> {
  const titles = await tx.titleDefinition.findMany({ where: { kind: "INDIVIDUAL", active: true }, select: { code: true } });
  return new Set(titles.map((t) => t.code).filter((c) => INDIVIDUAL.has(c)));
}

/** Counts of the unit's registrations of active officers, leaving out `except` officers. */
async function unitCountsExcept(tx: Tx, emulationYearId: string, unitId: string, except: readonly string[]) {
  const groups = await tx.officerRegistration.groupBy({
    by: ["titleCode"],
    where: {
      emulationYearId,
      unitId,
      officer: { unitId, active: true },
      ...(except.length ? { officerId: { notIn: [...except] } } : {}),
    },
    _count: { _all: true },
  });
  const { cstCount, cstdcsCount } = countQuotaTitles(groups.map((g) => ({ titleCode: g.titleCode, n: g._count._all })));
  return { cst: cstCount, cstdcs: cstdcsCount };
}

const countTitles = (titles: Iterable<string | null>) => {
  const { cstCount, cstdcsCount } = countQuotaTitles([...titles].map((titleCode) => ({ titleCode })));
  return { cst: cstCount, cstdcs: cstdcsCount };
};

/** A refused batch: the message also goes to the `rows` field, where the table shows it. */
const batchRefused = (message: string) => new UserError(message, { rows: [message] });

/**
 * Applies a batch of { officerId, titleCode | "" } to the unit's registrations, all or nothing:
 * refused (nothing written) when a title is unknown or not an active individual title, an officer is
 * not an active officer of the unit, an officer appears twice, or the CSTĐCS quota would be exceeded.
 */
async function applyRegistrations(tx: Tx, scope: UnitScope, unitYear: UnitYear, rows: readonly RegistrationRowInput[]): Promise<ApplyResult & { audit: { before: Record<string, string | null>; after: Record<string, string | null> } }> {
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

  // 4. The quota on the unit as it would be after the batch.
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
  const rest = await unitCountsExcept(tx, year.id, scope.unitId, ids);
  const batchBefore = countTitles(existing.filter((r) => r.unitId === scope.unitId).map((r) => r.titleCode));
  const batchAfter = countTitles(rows.map((r) => r.titleCode || null));
  const quotaBefore = checkQuota({ cstCount: rest.cst + batchBefore.cst, cstdcsCount: rest.cstdcs + batchBefore.cstdcs }, settings);
  const quota = checkQuota({ cstCount: rest.cst + batchAfter.cst, cstdcsCount: rest.cstdcs + batchAfter.cstdcs }, settings);
  // Over the quota is refused, unless the unit was already over (e.g. officers left) and the batch does
  // not make it worse: a unit must be able to fix an excess one page at a time.
  if (quota.verdict === "OVER" && !(quotaBefore.verdict === "OVER" && quota.remaining >= quotaBefore.remaining)) {
    throw batchRefused(`Vượt chỉ tiêu Chiến sĩ thi đua cơ sở: ${quota.message} Không có thay đổi nào được lưu.`);
  }

  // 5. Write: removals, then one upsert for every title set.
  const removeIds = rows.filter((r) => r.titleCode === "" && before.has(r.officerId)).map((r) => r.officerId);
  const sets = rows.filter((r) => r.titleCode !== "" && before.get(r.officerId) !== r.titleCode);
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
    unchanged: rows.length - sets.length - removeIds.length,
    quota,
    audit: { before: auditBefore, after: auditAfter },
  };
}

function savedMessage(r: ApplyResult, what: string): string {
  if (r.added + r.changed + r.removed === 0) return "Không có thay đổi nào.";
  const parts = [r.added && `thêm ${r.added}`, r.changed && `sửa ${r.changed}`, r.removed && `bỏ ${r.removed}`].filter(Boolean);
  return `${what} (${parts.join(", ")}). ${r.quota.message}`;
}

export const saveOfficerRegistrations = defineCommand({
  name: "registration.officers.save",
  permission: "registration.edit",
  input: saveOfficerRegistrationsInput,
  target: (tx, _input, actor) => ownUnitTarget(tx, actor),
  async run(tx, input, _actor, target) {
    const { scope, unitYear } = await lockWritableUnitYear(tx, target, input.emulationYearId);
    const result = await applyRegistrations(tx, scope, unitYear, input.rows);
    await touch(tx, unitYear.registration.id);
    const changed = result.added + result.changed + result.removed;
    return {
      data: { added: result.added, changed: result.changed, removed: result.removed },
      message: savedMessage(result, `Đã lưu đăng ký của ${changed} cán bộ`),
      audit: unitYearAudit(
        unitYear,
        { registrations: result.audit.before },
        { registrations: result.audit.after, quota: result.quota.message },
      ),
    };
  },
});

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

export const bulkSetOfficerRegistrations = defineCommand({
  name: "registration.officers.bulk",
  permission: "registration.edit",
  input: bulkSetOfficerRegistrationsInput,
  target: (tx, _input, actor) => ownUnitTarget(tx, actor),
  async run(tx, input, _actor, target) {
    const { scope, unitYear } = await lockWritableUnitYear(tx, target, input.emulationYearId);
    const subUnits = await tx.unit.findMany({ where: { parentId: scope.unitId }, select: { id: true } });
    const titles = await activeIndividualTitles(tx);
    const filters = cleanFilters(input, subUnits, [...titles]);
    const matching = await tx.officer.findMany({
      where: registrationOfficerWhere(scope.unitId, unitYear.year.id, filters),
      select: { id: true },
    });
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
    );
    await touch(tx, unitYear.registration.id);
    const what = input.titleCode
      ? `Đã đăng ký ${titleLabel(input.titleCode as IndividualTitle)} cho ${matching.length} cán bộ phù hợp bộ lọc`
      : `Đã bỏ đăng ký của ${matching.length} cán bộ phù hợp bộ lọc`;
    return {
      data: { matched: matching.length, added: result.added, changed: result.changed, removed: result.removed },
      message: savedMessage(result, what),
      audit: unitYearAudit(
        unitYear,
        { registrations: result.audit.before },
        { filters, titleCode: input.titleCode || null, registrations: result.audit.after, quota: result.quota.message },
      ),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// The unit's own target title

export const setUnitTargetInput = z.object({
  emulationYearId: yearIdField,
  titleCode: titleCodeField(z.string({ error: "Vui lòng chọn danh hiệu của đơn vị." })),
});

export const setUnitTarget = defineCommand({
  name: "registration.unit.target",
  permission: "registration.edit",
  input: setUnitTargetInput,
  target: (tx, _input, actor) => ownUnitTarget(tx, actor),
  async run(tx, input, _actor, target) {
    const { unitYear } = await lockWritableUnitYear(tx, target, input.emulationYearId);
    const code = input.titleCode || null;
    let name: string | null = null;
    if (code) {
      const title = await tx.titleDefinition.findUnique({ where: { code }, select: { kind: true, active: true, name: true } });
      if (!title || title.kind !== "COLLECTIVE" || !title.active || !COLLECTIVE.has(code)) {
        const message = "Danh hiệu không hợp lệ hoặc không phải danh hiệu tập thể đang áp dụng.";
        throw new UserError(message, { titleCode: [message] });
      }
      name = title.name;
    }
    const before = unitYear.registration.targetTitleCode;
    await tx.unitRegistration.update({ where: { id: unitYear.registration.id }, data: { targetTitleCode: code } });
    return {
      message: before === code ? "Không có thay đổi nào." : name ? `Đã lưu danh hiệu đăng ký của đơn vị: ${name}.` : "Đã bỏ danh hiệu đăng ký của đơn vị.",
      audit: unitYearAudit(unitYear, { targetTitleCode: before }, { targetTitleCode: code }),
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Submit

export const submitUnitRegistrationInput = z.object({ emulationYearId: yearIdField });

export const submitUnitRegistration = defineCommand({
  name: "registration.submit",
  permission: "registration.edit",
  input: submitUnitRegistrationInput,
  target: (tx, _input, actor) => ownUnitTarget(tx, actor),
  async run(tx, input, _actor, target) {
    const { scope, unitYear } = await lockWritableUnitYear(tx, target, input.emulationYearId);
    const reg = unitYear.registration;
    if (!reg.targetTitleCode) throw new UserError(NO_TARGET_TITLE, { titleCode: [NO_TARGET_TITLE] });
    const counts = await unitCountsExcept(tx, unitYear.year.id, scope.unitId, []);
    if (counts.cst === 0) throw new UserError("Đơn vị chưa đăng ký danh hiệu cho cán bộ nào; không thể gửi.");
    const quota = checkQuota({ cstCount: counts.cst, cstdcsCount: counts.cstdcs }, eligibilitySettingsOf(unitYear.year.settings));
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

// ---------------------------------------------------------------------------------------------
// Reopen (secretariat)

const vietnameseDate = (label: string) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .trim()
    .min(1, `${label} là bắt buộc.`)
    .transform((text, ctx) => {
      const iso = parseVietnameseDate(text);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: `${label}: "${text}" không phải là ngày hợp lệ (nhập theo dạng dd/mm/yyyy).` });
        return z.NEVER;
      }
      return iso;
    });

export const reopenUnitRegistrationInput = z.object({
  unitId: idField("Đơn vị"),
  emulationYearId: yearIdField,
  until: vietnameseDate("Mở lại đến ngày"),
  reason: requiredText("Lý do mở lại", 500),
});

export const reopenUnitRegistration = defineCommand({
  name: "registration.reopen",
  permission: "registration.reopen",
  input: reopenUnitRegistrationInput,
  target: (tx, input) => memberUnitTarget(tx, input.unitId),
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

// ---------------------------------------------------------------------------------------------
// The signed agreement

/** What a multipart form field holding a file looks like (Node's File, or the framework's own). */
type UploadedFile = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as UploadedFile).arrayBuffer === "function" &&
  typeof (value as UploadedFile).size === "number" &&
  typeof (value as UploadedFile).name === "string";

/** A File from the form; an empty file input (no name, no bytes) is "no new file". */
const fileField = z
  .unknown()
  .optional()
  .transform((value, ctx): UploadedFile | null => {
    if (value === undefined || value === null || value === "") return null;
    if (!isUploadedFile(value)) {
      ctx.addIssue({ code: "custom", message: "Tệp giao ước không hợp lệ." });
      return z.NEVER;
    }
    if (value.size === 0 && value.name === "") return null;
    if (value.size > AGREEMENT_MAX_BYTES) {
      ctx.addIssue({ code: "custom", message: AGREEMENT_FILE_SIZE_ERROR });
      return z.NEVER;
    }
    return value;
  });

const agreementFields = {
  emulationYearId: yearIdField,
  signedOn: vietnameseDate("Ngày ký giao ước"),
  signer: requiredText("Người ký", 120),
  file: fileField,
};

export const recordAgreementInput = z.object(agreementFields);
export const recordAgreementForUnitInput = z.object({ ...agreementFields, unitId: idField("Đơn vị") });

async function storeAgreement(tx: Tx, unitYear: UnitYear, input: z.infer<typeof recordAgreementInput>) {
  const dateError = checkAgreementDate(input.signedOn, unitYear.year.year, new Date());
  if (dateError) throw new UserError(dateError, { signedOn: [dateError] });
  let file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer>; sha256: string; size: number } | null = null;
  if (input.file) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const checked = checkAgreementFile({ size: bytes.length, head: bytes.subarray(0, 16) });
    if (!checked.ok) throw new UserError(checked.message, { file: [checked.message] });
    file = {
      name: agreementFileName(input.file.name, checked.kind),
      type: checked.kind.contentType,
      bytes,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  }
  const reg = unitYear.registration;
  const signedOn = new Date(`${input.signedOn}T00:00:00Z`);
  await tx.unitRegistration.update({
    where: { id: reg.id },
    data: {
      agreementSignedOn: signedOn,
      agreementSigner: input.signer,
      ...(file ? { agreementFileName: file.name, agreementFileType: file.type, agreementFile: file.bytes } : {}),
    },
  });
  return {
    message: `Đã lưu giao ước thi đua ký ngày ${formatDate(input.signedOn)}${file ? ` kèm tệp ${file.name}` : ""}.`,
    audit: unitYearAudit(
      unitYear,
      { signedOn: reg.agreementSignedOn?.toISOString().slice(0, 10) ?? null, signer: reg.agreementSigner, fileName: reg.agreementFileName },
      {
        signedOn: input.signedOn,
        signer: input.signer,
        fileName: file?.name ?? reg.agreementFileName,
        ...(file ? { file: { type: file.type, size: file.size, sha256: file.sha256 } } : {}),
      },
    ),
  };
}

/** The unit officer records their unit's agreement, within the registration window. */
export const recordAgreement = defineCommand({
  name: "registration.agreement",
  permission: "registration.edit",
  input: recordAgreementInput,
  target: (tx, _input, actor) => ownUnitTarget(tx, actor),
  async run(tx, input, _actor, target) {
    const scope = scopeOf(target);
    const unitYear = await lockUnitYear(tx, scope, input.emulationYearId);
    assertWritable(unitYear, new Date());
    return storeAgreement(tx, unitYear, input);
  },
});

/** The secretariat records any unit's agreement of its cluster (setting up the year); refused in a closed year. */
export const recordAgreementForUnit = defineCommand({
  name: "registration.agreement.secretariat",
  permission: "year.manage",
  input: recordAgreementForUnitInput,
  target: (tx, input) => memberUnitTarget(tx, input.unitId),
  async run(tx, input, _actor, target) {
    const scope = scopeOf(target);
    const unitYear = await lockUnitYear(tx, scope, input.emulationYearId);
    if (unitYear.year.phase === "CLOSED") throw new UserError(YEAR_CLOSED_MESSAGE);
    return storeAgreement(tx, unitYear, input);
  },
});
