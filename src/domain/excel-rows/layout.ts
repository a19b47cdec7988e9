// The template's layout: its sheets, their columns and where the data starts.
import { RANKS } from "../ranks";
import { TASK_RATINGS } from "../title-catalogue";

export type SheetKey = "officers" | "registrations" | "results";
export type ColumnKey =
  | "code"
  | "fullName"
  | "rank"
  | "position"
  | "subUnit"
  | "title"
  | "rating"
  | "awardedTitle"
  | "decisionNo"
  | "decisionDate"
  | "decisionSigner"
  // The commendation register's sheet (commendations.ts).
  | "year"
  | "subjectKind"
  | "unitCode"
  | "form";

export type ColumnDef = {
  key: ColumnKey;
  header: string;
  /** Other headers accepted for the column (diacritics and case ignored). */
  aliases?: readonly string[];
  required: boolean;
  /** Width in characters, for the template. */
  width: number;
  /** What to type, for the template's instructions sheet. */
  hint: string;
};

export type SheetDef<K extends string = SheetKey> = { key: K; name: string; aliases: readonly string[]; description: string; columns: readonly ColumnDef[] };

export const CODE: ColumnDef = {
  key: "code",
  header: "Mã cán bộ",
  aliases: ["Mã CB", "Mã số cán bộ"],
  required: true,
  width: 16,
  hint: "Bắt buộc. Chữ không dấu, số và các ký tự . _ - (tối đa 32 ký tự); cán bộ được nhận diện theo mã này.",
};
const NAME_REQUIRED: ColumnDef = {
  key: "fullName",
  header: "Họ và tên",
  aliases: ["Họ tên"],
  required: true,
  width: 28,
  hint: "Bắt buộc. Họ và tên đầy đủ, có dấu (tối đa 120 ký tự).",
};
export const NAME_CHECK: ColumnDef = {
  ...NAME_REQUIRED,
  required: false,
  hint: "Không bắt buộc; nếu có, phải khớp họ tên của cán bộ có mã ở cột Mã cán bộ (để tránh nhập nhầm người).",
};

export const OFFICER_SHEET: SheetDef = {
  key: "officers",
  name: "Cán bộ",
  aliases: ["Danh sách cán bộ", "Cán bộ, chiến sĩ", "CBCS"],
  description: "Danh sách cán bộ, chiến sĩ của đơn vị: thêm mới hoặc cập nhật theo Mã cán bộ.",
  columns: [
    CODE,
    NAME_REQUIRED,
    { key: "rank", header: "Cấp bậc", aliases: ["Cấp bậc hàm"], required: true, width: 14, hint: `Bắt buộc. Một trong: ${RANKS.join(", ")}.` },
    { key: "position", header: "Chức vụ", required: true, width: 24, hint: "Bắt buộc (tối đa 120 ký tự)." },
    {
      key: "subUnit",
      header: "Phòng/Đội",
      aliases: ["Phòng", "Đội", "Phòng, Đội", "Đơn vị trực thuộc"],
      required: false,
      width: 32,
      hint: "Không bắt buộc. Tên hoặc mã phòng/đội của đơn vị (như trong danh mục).",
    },
  ],
};

export const REGISTRATION_SHEET: SheetDef = {
  key: "registrations",
  name: "Đăng ký danh hiệu",
  aliases: ["Đăng ký", "Đăng ký thi đua", "Đăng ký danh hiệu thi đua"],
  description: "Danh hiệu thi đua cá nhân mỗi cán bộ đăng ký cho năm thi đua đã chọn khi nhập tệp (mỗi cán bộ một dòng).",
  columns: [
    CODE,
    NAME_CHECK,
    {
      key: "title",
      header: "Danh hiệu đăng ký",
      aliases: ["Danh hiệu", "Danh hiệu thi đua"],
      required: true,
      width: 34,
      hint: "Bắt buộc. Mã, tên viết tắt hoặc tên đầy đủ của danh hiệu cá nhân: CST, CSTĐCS, CSTĐ CAND, CSTĐ toàn quốc.",
    },
  ],
};

export const RESULT_SHEET: SheetDef = {
  key: "results",
  name: "Kết quả",
  aliases: ["Kết quả thi đua", "Kết quả khen thưởng"],
  description: "Kết quả của năm thi đua đã chọn: xếp loại, danh hiệu được công nhận và quyết định (mỗi cán bộ một dòng).",
  columns: [
    CODE,
    NAME_CHECK,
    {
      key: "rating",
      header: "Xếp loại",
      aliases: ["Xếp loại nhiệm vụ", "Xếp loại hoàn thành nhiệm vụ"],
      required: true,
      width: 30,
      hint: `Bắt buộc. Một trong: ${Object.values(TASK_RATINGS).join("; ")} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV).`,
    },
    {
      key: "awardedTitle",
      header: "Danh hiệu được công nhận",
      aliases: ["Danh hiệu công nhận", "Danh hiệu"],
      required: false,
      width: 34,
      hint: "Không bắt buộc. Danh hiệu cá nhân được công nhận theo quyết định; để trống nếu không được công nhận danh hiệu.",
    },
    { key: "decisionNo", header: "Số quyết định", aliases: ["Số QĐ", "Quyết định số"], required: false, width: 20, hint: "Bắt buộc khi có danh hiệu được công nhận (tối đa 60 ký tự)." },
    {
      key: "decisionDate",
      header: "Ngày quyết định",
      aliases: ["Ngày", "Ngày QĐ", "Ngày ký"],
      required: false,
      width: 16,
      hint: "Bắt buộc khi có danh hiệu được công nhận. Dạng dd/mm/yyyy (ví dụ 15/12/2021) hoặc ô kiểu ngày của Excel.",
    },
    { key: "decisionSigner", header: "Người ký", aliases: ["Cấp ký", "Người ký quyết định"], required: false, width: 28, hint: "Bắt buộc khi có danh hiệu được công nhận (tối đa 120 ký tự)." },
  ],
};

export const SHEET_DEFS: readonly SheetDef[] = [OFFICER_SHEET, REGISTRATION_SHEET, RESULT_SHEET];

/** At most this many data rows per sheet (a unit has at most a few thousand officers). */
export const MAX_ROWS_PER_SHEET = 10_000;
/** Rows start under the header row. */
export const HEADER_ROW = 1;

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
