import { z } from "zod";
import { countQuotaTitles, INDIVIDUAL_TITLES, type QuotaCheck } from "@/domain/eligibility";
import type { Actor, Permission, Target } from "@/domain/permissions";
import { registrationWindow, type RegistrationStatusValue } from "@/domain/registration-window";
import { idField, isStorableText } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import { parseVietnameseDate } from "@/lib/format";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { ownUnit } from "@/server/store/unit-scopes";
import { commandFamily, NotFoundError, UserError } from "../command";

const ENTITY = "UnitRegistration";
const INDIVIDUAL = new Set<string>(INDIVIDUAL_TITLES);

export type UnitScope = { unitId: string; clusterId: string };

export function scopeOf(target: Target): UnitScope {
  if (!target.unitId || !target.clusterId) throw new NotFoundError();
  return { unitId: target.unitId, clusterId: target.clusterId };
}

export type LockedRegistration = {
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

export type UnitYear = {
  year: { id: string; year: number; phase: YearPhase; settings: ReturnType<typeof parseYearSettings> };
  registration: LockedRegistration;
};

/**
 * The year (read FOR SHARE: its phase cannot change under us) and the unit's registration row, created
 * if missing and locked FOR UPDATE for the rest of the transaction. The year must be of the unit's
 * cluster (a year id from another cluster is "not found").
 */
export async function lockUnitYear(tx: Tx, scope: UnitScope, emulationYearId: string): Promise<UnitYear> {
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
export function assertWritable(unitYear: UnitYear, now: Date) {
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
export async function lockWritableUnitYear(tx: Tx, target: Target, emulationYearId: string): Promise<{ scope: UnitScope; unitYear: UnitYear }> {
  const scope = scopeOf(target);
  const unitYear = await lockUnitYear(tx, scope, emulationYearId);
  assertWritable(unitYear, appNow());
  await assertUnitActive(tx, scope.unitId);
  return { scope, unitYear };
}

/** Commands on one unit's registration of a year: the unit found by `unit`, its unit-year locked (lockUnitYear). */
export const unitYearCommand = <K>(permission: Permission, unit: (tx: Tx, input: K, actor: Actor) => Promise<Target>) =>
  commandFamily({
    permission,
    target: (tx, input: K & { emulationYearId: string }, actor) => unit(tx, input, actor),
    load: async (tx, input, target) => {
      const scope = scopeOf(target);
      return { scope, unitYear: await lockUnitYear(tx, scope, input.emulationYearId) };
    },
  });

/** The unit officer's writes of their own unit's registration, inside the writable window (lockWritableUnitYear). */
export const unitRegistrationCommand = commandFamily({
  permission: "registration.edit",
  target: (tx, input: { emulationYearId: string }, actor) => ownUnit(tx, input, actor),
  load: (tx, input, target) => lockWritableUnitYear(tx, target, input.emulationYearId),
});

/** The audit entry of a unit-year's registration: `year` first on both sides, then the command's fields. */
export function unitYearAudit(unitYear: UnitYear, before: Record<string, unknown>, after: Record<string, unknown>) {
  return {
    entityType: ENTITY,
    entityId: unitYear.registration.id,
    before: { year: unitYear.year.year, ...before },
    after: { year: unitYear.year.year, ...after },
  };
}

/** Marks the registration as changed now (the page's "last updated"). */
export async function touch(tx: Tx, registrationId: string) {
  await tx.unitRegistration.update({ where: { id: registrationId }, data: { updatedAt: new Date() } });
}

export const yearIdField = idField("Năm thi đua");

/** A title code from a form ("" = none): `base` carries the command's own "required" message. */
export const titleCodeField = (base = z.string()) =>
  base.trim().max(32, "Danh hiệu không hợp lệ.").refine(isStorableText, "Danh hiệu không hợp lệ.");

export type ApplyResult = { added: number; changed: number; removed: number; unchanged: number; quota: QuotaCheck };

/** Active individual titles the engine knows, by code. */
export async function activeIndividualTitles(tx: Tx): Promise<Set<string>> {
  const titles = await tx.titleDefinition.findMany({ where: { kind: "INDIVIDUAL", active: true }, select: { code: true } });
  return new Set(titles.map((t) => t.code).filter((c) => INDIVIDUAL.has(c)));
}

/** Counts of the unit's registrations of active officers, leaving out `except` officers. */
export async function unitCountsExcept(tx: Tx, emulationYearId: string, unitId: string, except: readonly string[]) {
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

export const vietnameseDate = (label: string) =>
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
