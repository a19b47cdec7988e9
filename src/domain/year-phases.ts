// The phases of a cluster's emulation year (docs/domain.md §4), in order, with their Vietnamese names.
export const YEAR_PHASES = ["SETUP", "REGISTRATION", "MIDYEAR", "REPORTING", "SCORING", "CONFERENCE", "RESULTS", "CLOSED"] as const;
export type YearPhase = (typeof YEAR_PHASES)[number];

export const PHASE_LABELS: Record<YearPhase, string> = {
  SETUP: "Thiết lập",
  REGISTRATION: "Đăng ký thi đua",
  MIDYEAR: "Sơ kết 6 tháng",
  REPORTING: "Báo cáo tổng kết",
  SCORING: "Chấm điểm",
  CONFERENCE: "Hội nghị tổng kết",
  RESULTS: "Kết quả khen thưởng",
  CLOSED: "Đã khóa sổ",
};

/** A closed year is read-only: every write path checks this. */
export const isYearWritable = (phase: YearPhase) => phase !== "CLOSED";
