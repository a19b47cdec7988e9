// Per cluster-year settings (docs/domain.md: every "default" rule is a setting with that default).
import { z } from "zod";
import type { EligibilitySettings } from "@/domain/eligibility";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Ngày không hợp lệ");

export const PASS_THRESHOLDS = {
  MORE_THAN_HALF: "Trên 50% số phiếu",
  AT_LEAST_TWO_THIRDS: "Từ 2/3 số phiếu trở lên",
} as const;

export const CSTDCS_BASES = {
  INITIATIVE: "Có sáng kiến",
  INITIATIVE_OR_EXCELLENT: "Có sáng kiến hoặc Hoàn thành xuất sắc nhiệm vụ",
} as const;

export const TIE_BREAKS = {
  FIRST_SECTION: "Điểm mục thứ nhất cao hơn xếp trên",
  SECTIONS_IN_ORDER: "Lần lượt so điểm từng mục (I, II, III…), mục nào cao hơn xếp trên",
  FEWER_PENALTIES: "Bị trừ ít điểm hơn xếp trên; nếu vẫn bằng, điểm mục thứ nhất cao hơn xếp trên",
  NONE: "Không phân định: các đơn vị bằng điểm đồng hạng",
} as const;

export const yearSettingsSchema = z.object({
  // Individual titles
  cstdcsQuotaPercent: z.number().min(0, "Không được âm").max(100, "Tối đa 100%").default(15),
  cstdcsBasis: z.enum(Object.keys(CSTDCS_BASES) as [keyof typeof CSTDCS_BASES]).default("INITIATIVE"),
  // Collective titles
  advancedUnitMinCstPercent: z.number().min(0).max(100).default(50),
  determinedUnitMinGoodPercent: z.number().min(0).max(100).default(70),
  ministryFlagsPerCluster: z.number().int().min(0).max(10).default(1),
  extraMinistryFlags: z.number().int().min(0).max(10).default(0),
  // Sub-units (issue 17 item 2): at most this share of a member unit's active sub-units Đơn vị Quyết thắng.
  subUnitDeterminedQuotaPercent: z.number().min(0).max(100).default(50),
  // Conference ballots
  passThreshold: z.enum(Object.keys(PASS_THRESHOLDS) as [keyof typeof PASS_THRESHOLDS]).default("MORE_THAN_HALF"),
  // null: every member unit must be present.
  quorumUnits: z.number().int().min(1).max(50).nullable().default(null),
  allowSelfVote: z.boolean().default(false),
  outgoingChairMayBeReelected: z.boolean().default(false),
  // Reports and scoring
  rankingTieBreak: z.enum(Object.keys(TIE_BREAKS) as [keyof typeof TIE_BREAKS]).default("FIRST_SECTION"),
  crossScorersPerReport: z.number().int().min(1).max(9).default(2),
  // A cross-score this far (% of the criterion's max) from the self-score is highlighted.
  scoreDifferencePercent: z.number().int().min(1).max(100).default(20),
  // Deadlines (yyyy-mm-dd, shown as dd/mm/yyyy)
  registrationDeadline: isoDate.nullable().default(null),
  midyearReportDeadline: isoDate.nullable().default(null),
  reportDeadline: isoDate.nullable().default(null),
  conferenceDate: isoDate.nullable().default(null),
  // Reminders (issue 16): working days before each deadline on which the units that have not done the
  // thing are reminded; empty = no reminders. Cross-scoring sheets and ballots count to conferenceDate.
  reminderOffsets: z.array(z.number().int().min(1).max(30)).max(5).default([5, 1]),
  // Public disclosure of the proposal dossier (issue 14): working days the member units may object.
  disclosureWorkingDays: z.number().int().min(1).max(30).default(5),
});

export type YearSettings = z.infer<typeof yearSettingsSchema>;

/** Settings with every default filled in; each unknown or broken stored value falls back on its own. */
export function parseYearSettings(stored: unknown): YearSettings {
  const parsed = yearSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const source = stored && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(yearSettingsSchema.shape)) {
    const value = field.safeParse(source[key]);
    out[key] = value.success ? value.data : field.parse(undefined);
  }
  return out as YearSettings;
}

export const DEFAULT_YEAR_SETTINGS: YearSettings = yearSettingsSchema.parse({});

/** What the eligibility engine reads of a year's settings. */
export const eligibilitySettingsOf = (s: YearSettings): EligibilitySettings => ({
  cstdcsQuotaPercent: s.cstdcsQuotaPercent,
  cstdcsBasis: s.cstdcsBasis,
  advancedUnitMinCstPercent: s.advancedUnitMinCstPercent,
  determinedUnitMinGoodPercent: s.determinedUnitMinGoodPercent,
  ministryFlagsPerCluster: s.ministryFlagsPerCluster,
  extraMinistryFlags: s.extraMinistryFlags,
});
