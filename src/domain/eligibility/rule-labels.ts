// How a rule version's parameters read in Vietnamese (the catalogue's pages; docs/domain.md §3).
import { INITIATIVE_LEVELS, DISCIPLINE_FORMS } from "./types";
import { TASK_RATINGS } from "../title-catalogue";
import { QUOTA_ROUNDINGS, type RuleParams, type RuleShape } from "./rule-set";

/** What each rule shape is, as the "add a title" form offers it. */
export const RULE_SHAPE_LABELS: Record<RuleShape, string> = {
  CST: "Như Chiến sĩ tiên tiến (xếp loại, không bị kỷ luật)",
  CSTDCS: "Như Chiến sĩ thi đua cơ sở (sáng kiến trong năm, chỉ tiêu)",
  CSTD_CAND: "Như Chiến sĩ thi đua CAND (chuỗi năm CSTĐCS, sáng kiến trong chu kỳ)",
  CSTD_TQ: "Như Chiến sĩ thi đua toàn quốc (hai chu kỳ liên tiếp, sáng kiến)",
  DV_TIEN_TIEN: "Như Đơn vị tiên tiến (tỷ lệ CST, kỷ luật của cán bộ)",
  DV_QUYET_THANG: "Như Đơn vị Quyết thắng (xếp loại, có CSTĐCS)",
  CO_BCA: "Như Cờ thi đua của Bộ Công an (được Cụm suy tôn)",
  CO_CP: "Như Cờ thi đua của Chính phủ (dẫn đầu Cụm)",
};

export const PARAM_LABELS = {
  minRating: "Xếp loại tối thiểu",
  disciplineFrom: "Kỷ luật từ hình thức này trở lên thì không xét",
  initiativeLevel: "Cấp sáng kiến tối thiểu",
  quotaRounding: "Cách làm tròn chỉ tiêu",
  streakYears: "Số năm liên tục đạt CSTĐCS",
  minCstdcsMembers: "Số CSTĐCS tối thiểu của đơn vị",
  maxPerCluster: "Số cờ tối đa mỗi cụm mỗi năm",
} as const;

/** "Xếp loại tối thiểu: Hoàn thành tốt nhiệm vụ; …" — one line per version in the catalogue. */
export function describeRuleParams<S extends RuleShape>(params: RuleParams[S] | Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const label = PARAM_LABELS[key as keyof typeof PARAM_LABELS] ?? key;
    const text =
      key === "minRating"
        ? TASK_RATINGS[value as keyof typeof TASK_RATINGS]
        : key === "disciplineFrom"
          ? DISCIPLINE_FORMS[value as keyof typeof DISCIPLINE_FORMS]
          : key === "initiativeLevel"
            ? INITIATIVE_LEVELS[value as keyof typeof INITIATIVE_LEVELS]
            : key === "quotaRounding"
              ? QUOTA_ROUNDINGS[value as keyof typeof QUOTA_ROUNDINGS]
              : String(value);
    parts.push(`${label}: ${text ?? String(value)}`);
  }
  return parts.length > 0 ? parts.join("; ") : "Không có tham số (quy tắc cố định).";
}
