// The title catalogue of docs/domain.md §3, as seeded; admins can edit names and prerequisites afterwards.
export type TitleSeed = {
  code: string;
  name: string;
  shortName: string;
  kind: "INDIVIDUAL" | "COLLECTIVE";
  level: number;
  prerequisites: string;
};

export const TITLE_CATALOGUE: TitleSeed[] = [
  { code: "CST", name: "Chiến sĩ tiên tiến", shortName: "CST", kind: "INDIVIDUAL", level: 1,
    prerequisites: "Xếp loại \"Hoàn thành tốt nhiệm vụ\" trở lên; không đang bị xem xét kỷ luật hoặc đang chịu kỷ luật." },
  { code: "CSTDCS", name: "Chiến sĩ thi đua cơ sở", shortName: "CSTĐCS", kind: "INDIVIDUAL", level: 2,
    prerequisites: "Đạt Chiến sĩ tiên tiến trong cùng năm và có sáng kiến (hoặc Hoàn thành xuất sắc nhiệm vụ, theo quy chế cụm); không quá 15% số Chiến sĩ tiên tiến của đơn vị (làm tròn xuống)." },
  { code: "CSTD_CAND", name: "Chiến sĩ thi đua Công an nhân dân", shortName: "CSTĐ CAND", kind: "INDIVIDUAL", level: 3,
    prerequisites: "03 lần liên tục đạt Chiến sĩ thi đua cơ sở tính đến năm xét và có sáng kiến cấp Bộ." },
  { code: "CSTD_TQ", name: "Chiến sĩ thi đua toàn quốc", shortName: "CSTĐ toàn quốc", kind: "INDIVIDUAL", level: 4,
    prerequisites: "02 lần liên tục đạt Chiến sĩ thi đua Công an nhân dân và có sáng kiến được áp dụng trên toàn quốc." },
  { code: "DV_TIEN_TIEN", name: "Đơn vị tiên tiến", shortName: "ĐVTT", kind: "COLLECTIVE", level: 1,
    prerequisites: "Trên 50% cán bộ, chiến sĩ đạt Chiến sĩ tiên tiến; không có cá nhân bị kỷ luật từ cảnh cáo trở lên." },
  { code: "DV_QUYET_THANG", name: "Đơn vị Quyết thắng", shortName: "ĐVQT", kind: "COLLECTIVE", level: 2,
    prerequisites: "Đạt Đơn vị tiên tiến; 100% cán bộ, chiến sĩ hoàn thành nhiệm vụ, ít nhất 70% hoàn thành tốt nhiệm vụ trở lên; có ít nhất một Chiến sĩ thi đua cơ sở; không có cá nhân bị kỷ luật từ cảnh cáo trở lên." },
  { code: "CO_BCA", name: "Cờ thi đua của Bộ Công an", shortName: "Cờ Bộ CA", kind: "COLLECTIVE", level: 3,
    prerequisites: "Đạt Đơn vị Quyết thắng và được Cụm suy tôn là đơn vị dẫn đầu; mặc định tối đa 1 cờ mỗi cụm mỗi năm, cộng số cờ Bộ phân bổ thêm." },
  { code: "CO_CP", name: "Cờ thi đua của Chính phủ", shortName: "Cờ Chính phủ", kind: "COLLECTIVE", level: 4,
    prerequisites: "Đạt tiêu chuẩn Cờ thi đua của Bộ Công an và dẫn đầu Cụm; tối đa 1 cờ mỗi cụm mỗi năm." },
];

export const TASK_RATINGS = {
  EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
  GOOD: "Hoàn thành tốt nhiệm vụ",
  COMPLETE: "Hoàn thành nhiệm vụ",
  INCOMPLETE: "Không hoàn thành nhiệm vụ",
} as const;
