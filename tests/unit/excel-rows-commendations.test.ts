// The commendation register's sheet (src/domain/excel-rows/commendations.ts): rows read with the
// workbook's machinery, every problem by row and column, never a throw.
import { describe, expect, it } from "vitest";
import { parseCommendationSheet } from "@/domain/excel-rows";

const HEADER = ["Năm", "Đối tượng", "Mã đơn vị", "Mã cán bộ", "Họ và tên", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định", "Người ký"];
const sheet = (...rows: unknown[][]) => [{ name: "Khen thưởng", rows: [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells })) }];

describe("parseCommendationSheet", () => {
  it("reads collective and individual rows (form by label or code, dates as text or Excel dates)", () => {
    const out = parseCommendationSheet(
      sheet(
        [2021, "Tập thể", "ktnv", null, null, "Giấy khen", "5/QĐ", "20/12/2021", "Cục trưởng"],
        ["2021", "ca nhan", null, "KTNV-1", "Nguyễn Văn An", "BANG_KHEN_BO", "6/QĐ-BCA", new Date(Date.UTC(2021, 11, 21)), "Bộ trưởng"],
      ),
      "2022-01-10",
    );
    expect(out.errors).toEqual([]);
    expect(out.rows).toEqual([
      { row: 2, year: 2021, subjectKind: "UNIT", unitCode: "KTNV", officerCode: null, fullName: null, formCode: "GIAY_KHEN", decisionNo: "5/QĐ", decisionDate: "2021-12-20", decisionSigner: "Cục trưởng" },
      { row: 3, year: 2021, subjectKind: "OFFICER", unitCode: null, officerCode: "KTNV-1", fullName: "Nguyễn Văn An", formCode: "BANG_KHEN_BO", decisionNo: "6/QĐ-BCA", decisionDate: "2021-12-21", decisionSigner: "Bộ trưởng" },
    ]);
  });

  it("names every problem by row and column: missing subject, unknown form, a date outside the year, a duplicate, a formula", () => {
    const out = parseCommendationSheet(
      sheet(
        [2021, "Cá nhân", null, null, null, "Giấy khen", "1/QĐ", "20/12/2021", "A"],
        [2021, "Tập thể", "KTNV", null, null, "Huy hiệu", "2/QĐ", "20/12/2021", "A"],
        [2021, "Tập thể", "KTNV", null, null, "Giấy khen", "3/QĐ", "20/12/2020", "A"],
        [2021, "Tập thể", "KTNV", null, null, "Giấy khen", "4/QĐ", "20/12/2021", "A"],
        [2021, "Tập thể", "KTNV", null, null, "Giấy khen", "4/QĐ", "20/12/2021", "A"],
        [2021, "Tập thể", "KTNV", null, null, "Giấy khen", "=1+1", "20/12/2021", "A"],
      ),
      "2022-01-10",
    );
    expect(out.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Mã cán bộ"],
      [3, "Hình thức khen thưởng"],
      [4, "Ngày quyết định"],
      [6, "Số quyết định"],
      [7, "Số quyết định"],
    ]);
    expect(out.rows.map((r) => r.row)).toEqual([5]);
  });

  it("a workbook without the sheet, or without a required column, is refused as a whole", () => {
    expect(parseCommendationSheet([{ name: "Khác", rows: [] }], "2022-01-10").errors[0]!.message).toContain("không có trang tính “Khen thưởng”");
    const noForm = parseCommendationSheet([{ name: "Khen thưởng", rows: [{ row: 1, cells: HEADER.filter((h) => h !== "Hình thức khen thưởng") }, { row: 2, cells: [2021] }] }], "2022-01-10");
    expect(noForm.errors[0]).toMatchObject({ row: 1, column: "Hình thức khen thưởng" });
  });
});
