// The phase guard of executeCommand (src/server/commands/command.ts): a year-scoped command names the
// action it belongs to (`phases` on its defineCommand); before it runs, the year it writes in is read
// with the overrides in force, and src/domain/year-phase-rules.ts decides. The year is the one its
// target read from the database (target.yearId), or else the one its input names (yearId or
// emulationYearId) when that year belongs to the target's cluster; otherwise the command's own checks
// answer (an unknown year is "not found" there). A closed year is left to the closed-year checks.
import { phaseVerdict, PHASE_ACTIONS, type PhaseActionKey } from "@/domain/year-phase-rules";
import type { Target } from "@/domain/permissions";
import type { YearPhase } from "@/domain/year-phases";
import { isUuid } from "@/domain/validation";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { UserError } from "@/server/errors";

/** The year a command writes in: its target's, else its input's yearId / emulationYearId. */
export function yearIdOf(target: Target, input: unknown): string | null {
  if (target.yearId) return target.yearId;
  const i = (input ?? {}) as { yearId?: unknown; emulationYearId?: unknown };
  const id = typeof i.yearId === "string" ? i.yearId : typeof i.emulationYearId === "string" ? i.emulationYearId : null;
  return id && isUuid(id) ? id : null;
}

type YearRow = { year: number; phase: YearPhase; clusterId: string; overrides: { action: string; expiresAt: string | null; revokedAt: string | null }[] | null };

/**
 * Refuses (UserError, the refusal naming the phase and who can change it) a command whose action is
 * not done in the year's phase and not lifted by an override (or, for a unit's registration, by its
 * reopen). One query; actions done in every phase cost none.
 */
export async function assertPhaseAllows(tx: Tx, action: PhaseActionKey, target: Target, input: unknown): Promise<void> {
  const a = PHASE_ACTIONS[action];
  if (a.lift === "none") return;
  const yearId = yearIdOf(target, input);
  if (!yearId) throw new Error(`phase guard: no year for action ${action} (the target names none, nor does the input)`);
  const rows = await tx.$queryRaw<YearRow[]>`
    SELECT y.year, y.phase::text AS phase, y."clusterId"::text AS "clusterId",
           (SELECT json_agg(json_build_object('action', o.action, 'expiresAt', o."expiresAt", 'revokedAt', o."revokedAt"))
              FROM "PhaseOverride" o
             WHERE o."emulationYearId" = y.id AND o.action = ${action} AND o."revokedAt" IS NULL) AS overrides
    FROM "EmulationYear" y WHERE y.id = ${yearId}::uuid`;
  const year = rows[0];
  // Another cluster's year (or none): the command's own lookup answers "not found", nothing leaks here.
  if (!year || year.clusterId !== target.clusterId) return;
  const reopenedUntil = a.lift === "reopen" && target.unitId ? await unitReopenedUntil(tx, yearId, target.unitId) : null;
  const verdict = phaseVerdict({
    action,
    phase: year.phase,
    year: Number(year.year),
    overrides: (year.overrides ?? []).map((o) => ({ action: o.action, expiresAt: o.expiresAt ? new Date(o.expiresAt) : null, revokedAt: o.revokedAt ? new Date(o.revokedAt) : null })),
    reopenedUntil,
    now: appNow(),
  });
  if (!verdict.allowed) throw new UserError(verdict.message);
}

async function unitReopenedUntil(tx: Tx, yearId: string, unitId: string): Promise<Date | null> {
  const reg = await tx.unitRegistration.findUnique({
    where: { emulationYearId_unitId: { emulationYearId: yearId, unitId } },
    select: { reopenedUntil: true },
  });
  return reg?.reopenedUntil ?? null;
}
