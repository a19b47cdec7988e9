// How a unit's rank moved since the year before. Pure: no framework, no database.
//
// The ranking itself is src/domain/scoring/ranking.ts (rankUnits, with the year's tie-break rule): the
// dashboard reads the fixed ranking of a finalised scoring round (UnitReport.finalRank) and ranks a year
// in progress with that same function.

// ---------------------------------------------------------------------------------------------
// Change since last year

export type RankChange =
  | { kind: "UP" | "DOWN"; by: number }
  | { kind: "SAME" }
  /** Ranked this year, not ranked last year. */
  | { kind: "NEW" }
  /** Not ranked this year. */
  | { kind: "NONE" };

/** How a unit's rank moved: from `previous` (last year's rank) to `current`. Rank 1 is best. */
export function rankChange(current: number | null | undefined, previous: number | null | undefined): RankChange {
  if (current == null) return { kind: "NONE" };
  if (previous == null) return { kind: "NEW" };
  const by = previous - current;
  if (by > 0) return { kind: "UP", by };
  if (by < 0) return { kind: "DOWN", by: -by };
  return { kind: "SAME" };
}

/** Short text for the table and Excel: "▲ 2", "▼ 1", "=", "Mới", "". */
export function rankChangeSymbol(change: RankChange): string {
  switch (change.kind) {
    case "UP":
      return `▲ ${change.by}`;
    case "DOWN":
      return `▼ ${change.by}`;
    case "SAME":
      return "=";
    case "NEW":
      return "Mới";
    case "NONE":
      return "";
  }
}

/** Full Vietnamese sentence for screen readers and print: "Tăng 2 bậc so với năm 2021". */
export function rankChangeLabel(change: RankChange, previousYear: number): string {
  switch (change.kind) {
    case "UP":
      return `Tăng ${change.by} bậc so với năm ${previousYear}`;
    case "DOWN":
      return `Giảm ${change.by} bậc so với năm ${previousYear}`;
    case "SAME":
      return `Giữ nguyên thứ hạng năm ${previousYear}`;
    case "NEW":
      return `Năm ${previousYear} chưa được xếp hạng`;
    case "NONE":
      return "Chưa được xếp hạng";
  }
}
