// Read side of cross-scoring, final scores and the ranking.
//  - The secretariat sees the round, the assignment, every sheet's progress and, once the round is
//    closed, every score side by side.
//  - A scoring unit sees only the reports assigned to it, and while the round is open only its own
//    scores; after the round closes it also sees the average of all submitted scores.
//  - The ranking (final totals, tie-break rule) is for the secretariat, admin and the chair unit's
//    heads; it exists once the round is finalised.
export { type RoundState } from "./shared";
export { scoringOverview } from "./overview";
export { myAssignments, crossSheet } from "./cross-sheets";
export { finalScoresOf } from "./final-scores";
export { type RankingRow, yearRanking } from "./ranking";
export { scoresMatrix } from "./matrix";
