// Vietnamese names for what the audit log records: each command's own label (defineCommand's `label`),
// and the seeds'. An action or entity type missing here is shown by its code, so the viewer never breaks.
import { COMMAND_LABELS } from "@/server/commands/registry";

export const ACTION_LABELS: Record<string, string> = {
  ...COMMAND_LABELS,
  // Written by the seed scripts, not by a command.
  "seed.demo": "Khởi tạo dữ liệu mẫu",
  "seed.history": "Khởi tạo lịch sử thi đua mẫu",
  "seed.registrations": "Khởi tạo đăng ký thi đua mẫu",
};

export const ENTITY_LABELS: Record<string, string> = {
  Block: "Khối thi đua",
  Cluster: "Cụm thi đua",
  Unit: "Đơn vị",
  User: "Tài khoản",
  TitleDefinition: "Danh hiệu thi đua",
  Officer: "Cán bộ",
  ExcelImport: "Nhập từ Excel",
  Initiative: "Sáng kiến",
  Discipline: "Kỷ luật",
  EmulationYear: "Năm thi đua",
  UnitRegistration: "Đăng ký của đơn vị",
  OfficerYearResult: "Kết quả cá nhân",
  UnitYearResult: "Kết quả tập thể",
  SubUnitTitle: "Danh hiệu đơn vị trực thuộc",
  CriteriaTable: "Bảng tiêu chí",
  CriteriaSection: "Mục tiêu chí",
  Criterion: "Tiêu chí",
  KeyFigureDefinition: "Chỉ số chính",
  UnitReport: "Báo cáo tổng kết",
  EvidenceFile: "Tài liệu kiểm chứng",
  ScoringRound: "Đợt chấm điểm",
  CrossAssignment: "Phân công chấm chéo",
  VoteRound: "Vòng bỏ phiếu",
  PhaseOverride: "Cho phép làm ngoài giai đoạn",
  System: "Hệ thống",
};

export const actionLabel = (code: string) => ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => ENTITY_LABELS[code] ?? code;
