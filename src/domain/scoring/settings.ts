// The scoring settings of a cluster-year: the part of the year's settings (src/domain/year-settings.ts)
// that reports, cross-scoring and the ranking read.
import { YEAR_SETTING_LABELS } from "../year-rules";
import { parseYearSettings, TIE_BREAKS, type YearSettings } from "../year-settings";

export { TIE_BREAKS };
export type TieBreak = keyof typeof TIE_BREAKS;
export const TIE_BREAK_KEYS = Object.keys(TIE_BREAKS) as [TieBreak, ...TieBreak[]];

export type ScoringSettings = Pick<YearSettings, "rankingTieBreak" | "crossScorersPerReport" | "scoreDifferencePercent" | "midyearReportDeadline">;

export const SCORING_SETTING_LABELS: Record<keyof ScoringSettings, string> = {
  rankingTieBreak: YEAR_SETTING_LABELS.rankingTieBreak,
  crossScorersPerReport: YEAR_SETTING_LABELS.crossScorersPerReport,
  scoreDifferencePercent: YEAR_SETTING_LABELS.scoreDifferencePercent,
  midyearReportDeadline: YEAR_SETTING_LABELS.midyearReportDeadline,
};

/** The scoring settings in a year's stored settings JSON (defaults where missing or invalid). */
export function scoringSettingsOf(stored: unknown): ScoringSettings {
  const { rankingTieBreak, crossScorersPerReport, scoreDifferencePercent, midyearReportDeadline } = parseYearSettings(stored);
  return { rankingTieBreak, crossScorersPerReport, scoreDifferencePercent, midyearReportDeadline };
}

export const DEFAULT_SCORING_SETTINGS: ScoringSettings = scoringSettingsOf({});
