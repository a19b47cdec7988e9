import { TIE_BREAK_KEYS, type TieBreak } from "@/domain/scoring";
import { prisma } from "@/server/db";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";

export type RoundState = "OPEN" | "CLOSED" | "FINALISED";

export const tieBreakOf = (stored: string | null | undefined, fallback: TieBreak): TieBreak =>
  stored && (TIE_BREAK_KEYS as readonly string[]).includes(stored) ? (stored as TieBreak) : fallback;

export async function loadYear(yearId: string) {
  if (!isUuid(yearId)) notFound();
  return prisma.emulationYear.findUnique({
    where: { id: yearId },
    select: { id: true, year: true, phase: true, clusterId: true, settings: true, cluster: { select: { name: true } } },
  });
}

/** Submitted cross-scores of a round: reportId → criterionId → [{ scorer, half, note }]. */
export async function crossScoresOf(roundId: string, opts: { submittedOnly: boolean; reportId?: string }) {
  const rows = await prisma.crossScore.findMany({
    where: { assignment: { roundId, ...(opts.reportId ? { reportId: opts.reportId } : {}), ...(opts.submittedOnly ? { submittedAt: { not: null } } : {}) } },
    select: { criterionId: true, scoreHalf: true, note: true, assignment: { select: { reportId: true, scorerUnitId: true } } },
  });
  const out = new Map<string, Map<string, { scorerUnitId: string; half: number; note: string | null }[]>>();
  for (const r of rows) {
    const m = out.get(r.assignment.reportId) ?? new Map();
    m.set(r.criterionId, [...(m.get(r.criterionId) ?? []), { scorerUnitId: r.assignment.scorerUnitId, half: r.scoreHalf, note: r.note }]);
    out.set(r.assignment.reportId, m);
  }
  return out;
}
