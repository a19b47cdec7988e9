// Scoring settings of a cluster-year (DOMAIN.md: every "default" is a per-cluster, per-year setting).
// Until src/domain/year-settings.ts carries these keys, they are read from the year's stored settings
// JSON when present and otherwise take the defaults below; each key falls back on its own.
import { z } from "zod";

export const TIE_BREAKS = {
  FIRST_SECTION: "Điểm mục thứ nhất cao hơn xếp trên",
  SECTIONS_IN_ORDER: "Lần lượt so điểm từng mục (I, II, III…), mục nào cao hơn xếp trên",
  FEWER_PENALTIES: "Bị trừ ít điểm hơn xếp trên; nếu vẫn bằng, điểm mục thứ nhất cao hơn xếp trên",
  NONE: "Không phân định: các đơn vị bằng điểm đồng hạng",
} as const;
export type TieBreak = keyof typeof TIE_BREAKS;
export const TIE_BREAK_KEYS = Object.keys(TIE_BREAKS) as [TieBreak, ...TieBreak[]];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));

export const scoringSettingsSchema = z.object({
  /** How equal final totals are ordered (default: the higher score in the first section). */
  rankingTieBreak: z.enum(TIE_BREAK_KEYS).default("FIRST_SECTION"),
  /** Cross-scorers per report (each participating unit scores this many other units). */
  crossScorersPerReport: z.number().int().min(1).max(9).default(2),
  /** A difference of at least this share of a criterion's maximum (and at least 0,5 điểm) is highlighted. */
  scoreDifferencePercent: z.number().int().min(1).max(100).default(20),
  /** Deadline of the mid-year review (yyyy-mm-dd); the year-end deadline is settings.reportDeadline. */
  midyearReportDeadline: isoDate.nullable().default(null),
});

export type ScoringSettings = z.infer<typeof scoringSettingsSchema>;
export const DEFAULT_SCORING_SETTINGS: ScoringSettings = scoringSettingsSchema.parse({});

export const SCORING_SETTING_LABELS: Record<keyof ScoringSettings, string> = {
  rankingTieBreak: "Cách xếp hạng khi bằng tổng điểm",
  crossScorersPerReport: "Số đơn vị chấm chéo mỗi báo cáo",
  scoreDifferencePercent: "Mức chênh lệch điểm cần lưu ý (% điểm tối đa của tiêu chí)",
  midyearReportDeadline: "Hạn nộp báo cáo sơ kết 6 tháng",
};

/** The scoring settings in a year's stored settings JSON; missing or invalid keys take their defaults. */
export function scoringSettingsOf(stored: unknown): ScoringSettings {
  const source = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SCORING_SETTINGS } as Record<string, unknown>;
  for (const key of Object.keys(scoringSettingsSchema.shape) as (keyof ScoringSettings)[]) {
    const parsed = scoringSettingsSchema.shape[key].safeParse(source[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as ScoringSettings;
}
