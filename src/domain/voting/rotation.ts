// Chair rotation (docs/domain.md §4 step 6): the candidate list for next year's chair election.
import { compareVi } from "../vietnamese";

export type RotationMember = { id: string; name: string; active: boolean };
/** One year of the cluster and the unit that chaired it. */
export type ChairYear = { year: number; chairUnitId: string | null };

export type RotationCandidate = {
  unitId: string;
  name: string;
  /** The latest year before `forYear` the unit chaired, or null if it never did. */
  lastChairedYear: number | null;
  /** forYear − lastChairedYear ("3 năm"), or null when never chaired. */
  yearsSinceLastChaired: number | null;
};

export type Rotation = {
  forYear: number;
  candidates: RotationCandidate[];
  /** The chair of the latest year before `forYear` (the outgoing chair), if any. */
  outgoingChair: { unitId: string; name: string; year: number } | null;
  /** True when the outgoing chair is left out of the list (the default rule). */
  outgoingExcluded: boolean;
};

/**
 * Who may be elected chair for `forYear`: the active member units, without the outgoing chair unless
 * `outgoingChairMayBeReelected` (the setting of the year whose conference elects); ordered by
 * "longest since last chaired": never-chaired first, then the earliest last-chaired year; ties in
 * Vietnamese alphabetical order of the name.
 */
export function chairRotation(
  forYear: number,
  members: readonly RotationMember[],
  history: readonly ChairYear[],
  opts: { outgoingChairMayBeReelected: boolean },
): Rotation {
  const earlier = history.filter((h) => h.year < forYear);
  const latest = earlier.reduce<ChairYear | null>((best, h) => (!best || h.year > best.year ? h : best), null);
  const lastChaired = new Map<string, number>();
  for (const h of earlier) {
    if (h.chairUnitId && h.year > (lastChaired.get(h.chairUnitId) ?? -Infinity)) lastChaired.set(h.chairUnitId, h.year);
  }
  const outgoingMember = latest?.chairUnitId ? members.find((m) => m.id === latest.chairUnitId) : undefined;
  const outgoingChair = latest?.chairUnitId
    ? { unitId: latest.chairUnitId, name: outgoingMember?.name ?? "", year: latest.year }
    : null;
  const outgoingExcluded = outgoingChair !== null && !opts.outgoingChairMayBeReelected;
  const candidates = members
    .filter((m) => m.active && !(outgoingExcluded && m.id === outgoingChair!.unitId))
    .map((m) => {
      const last = lastChaired.get(m.id) ?? null;
      return { unitId: m.id, name: m.name, lastChairedYear: last, yearsSinceLastChaired: last === null ? null : forYear - last };
    })
    .sort(
      (a, b) =>
        (a.lastChairedYear ?? -Infinity) - (b.lastChairedYear ?? -Infinity) ||
        compareVi(a.name, b.name) ||
        (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
    );
  return { forYear, candidates, outgoingChair, outgoingExcluded };
}

/** "Chưa từng làm Cụm trưởng" / "3 năm (lần gần nhất: 2019)". */
export function yearsSinceLabel(c: Pick<RotationCandidate, "lastChairedYear" | "yearsSinceLastChaired">): string {
  if (c.lastChairedYear === null) return "Chưa từng làm Cụm trưởng";
  return `${c.yearsSinceLastChaired} năm (lần gần nhất: năm ${c.lastChairedYear})`;
}
