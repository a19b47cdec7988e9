import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTitleIndex,
  codeValue,
  columnLetter,
  dateValue,
  fullNameValue,
  individualTitleValue,
  looksLikeFormula,
  looksLikeScript,
  MAX_ROWS_PER_SHEET,
  OFFICER_SHEET,
  parseRating,
  parseWorkbook,
  rankValue,
  ratingValue,
  readCell,
  REGISTRATION_SHEET,
  RESULT_SHEET,
  RESULTS_PHASES,
  resultsWindowError,
  safeCellText,
  SHEET_DEFS,
  textValue,
  type ImportContext,
  type RawSheet,
  type TitleInfo,
} from "@/domain/excel-rows";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";

const TITLES: TitleInfo[] = TITLE_CATALOGUE.map((t) => ({ code: t.code, name: t.name, shortName: t.shortName, kind: t.kind, active: true }));
const INDEX = buildTitleIndex(TITLES);
const SUB_UNITS = [
  { id: "11111111-1111-4111-8111-111111111111", code: "KTNV-TM", name: "Phòng Tham mưu" },
  { id: "22222222-2222-4222-8222-222222222222", code: "KTNV-P1", name: "Phòng 1" },
];
const CTX: ImportContext = { titles: TITLES, subUnits: SUB_UNITS, year: 2021, today: "2022-06-30" };

const sheet = (name: string, rows: unknown[][]): RawSheet => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const officerHeader = OFFICER_SHEET.columns.map((c) => c.header);
const registrationHeader = REGISTRATION_SHEET.columns.map((c) => c.header);
const resultHeader = RESULT_SHEET.columns.map((c) => c.header);

const ok = <T,>(value: T) => ({ ok: true as const, value });

// ---------------------------------------------------------------------------------------------

describe("readCell", () => {
  it.each<[string, unknown, ReturnType<typeof readCell>]>([
    ["null", null, { kind: "empty" }],
    ["undefined", undefined, { kind: "empty" }],
    ["blank text", "   ", { kind: "empty" }],
    ["text", "Đại úy", { kind: "text", text: "Đại úy" }],
    ["number", 12345, { kind: "number", value: 12345 }],
    ["NaN", Number.NaN, { kind: "invalid" }],
    ["boolean", true, { kind: "bool", value: true }],
    ["date", new Date(Date.UTC(2021, 11, 31)), { kind: "date", iso: "2021-12-31" }],
    ["invalid date", new Date(Number.NaN), { kind: "invalid" }],
    ["formula", { formula: "1+1", result: 2 }, { kind: "formula" }],
    ["shared formula", { sharedFormula: "B2", result: 3 }, { kind: "formula" }],
    ["error", { error: "#N/A" }, { kind: "error", code: "#N/A" }],
    ["rich text", { richText: [{ text: "Nguyễn " }, { text: "Văn An" }] }, { kind: "text", text: "Nguyễn Văn An" }],
    ["broken rich text", { richText: [{ font: {} }] }, { kind: "invalid" }],
    ["hyperlink", { text: "QĐ 912", hyperlink: "http://x" }, { kind: "text", text: "QĐ 912" }],
    ["array", [1, 2], { kind: "invalid" }],
    ["other object", { foo: 1 }, { kind: "invalid" }],
    ["symbol", Symbol("x"), { kind: "invalid" }],
  ])("%s", (_label, value, expected) => {
    expect(readCell(value)).toEqual(expected);
  });

  it("never throws, even on objects whose properties throw", () => {
    const hostile = new Proxy({}, { get: () => { throw new Error("boom"); }, has: () => { throw new Error("boom"); }, ownKeys: () => { throw new Error("boom"); } });
    expect(readCell(hostile)).toEqual({ kind: "invalid" });
  });
});

describe("formula-like and script-like text", () => {
  it.each([
    ["=SUM(A1:A3)", true],
    ["=1+1", true],
    ["= 'x'", true],
    ["@SUM(A1)", true],
    ["+1+1", true],
    ["-2+3", true],
    ["-A1", true],
    ["+HYPERLINK(\"http://evil\";\"bấm vào\")", true],
    ["=cmd|' /C calc'!A0", true],
    ["-cmd|' /C calc'!A0", true],
    ["  =1", true],
    ["\t=1", true],
    ["\u200b=1", true],
    ["--1", true],
    ["+\"x\"", true],
    ["-", false],
    ["=", false],
    ["- Cán bộ", false],
    ["Nguyễn Văn An", false],
    ["QĐ-912/BCA", false],
    ["1+1", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(looksLikeFormula(text)).toBe(expected);
  });

  it.each([
    ["<script>alert(1)</script>", true],
    ["< SCRIPT src=x>", true],
    ["javascript:alert(1)", true],
    ["<img src=x onerror=alert(1)>", true],
    ["Trưởng phòng", false],
    ["Số 12 < 15", false],
  ])("%j script-like → %s", (text, expected) => {
    expect(looksLikeScript(text)).toBe(expected);
  });

  it("safeCellText neutralises formula-looking text and leaves other text alone", () => {
    expect(safeCellText("=1+1")).toBe("'=1+1");
    expect(safeCellText("-")).toBe("'-");
    expect(safeCellText("@x")).toBe("'@x");
    expect(safeCellText("\t=1")).toBe("'\t=1");
    expect(safeCellText("Nguyễn Văn An")).toBe("Nguyễn Văn An");
    expect(safeCellText("")).toBe("");
  });
});

describe("cell values", () => {
  it.each<[string, unknown, ReturnType<typeof textValue>]>([
    ["empty", "", ok(null)],
    ["collapsed and NFC", "  Phó   Trưởng\tphòng ".normalize("NFD"), ok("Phó Trưởng phòng")],
    ["non-breaking space", "Cán\u00a0bộ", ok("Cán bộ")],
    ["number as text", 42, ok("42")],
  ])("textValue %s", (_l, value, expected) => {
    expect(textValue(value, "Chức vụ", 120)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ["formula cell", { formula: "A1", result: "x" }, "công thức"],
    ["formula-like text", "=HYPERLINK(\"http://x\")", "giống công thức"],
    ["script", "<script>alert(1)</script>", "script"],
    ["control character", "Cán\u0007bộ", "ký tự điều khiển"],
    ["too long", "a".repeat(121), "tối đa 120 ký tự"],
    ["error cell", { error: "#REF!" }, "#REF!"],
    ["date in a text column", new Date(Date.UTC(2021, 0, 1)), "ngày tháng"],
    ["boolean", false, "FALSE"],
  ])("textValue refuses %s", (_l, value, fragment) => {
    const r = textValue(value, "Chức vụ", 120);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(fragment);
      expect(r.message.startsWith("Chức vụ")).toBe(true);
    }
  });

  it("codes: upper-cased, digits allowed, spaces and diacritics refused", () => {
    expect(codeValue("ktnv-0012")).toEqual(ok("KTNV-0012"));
    expect(codeValue(12345)).toEqual(ok("12345"));
    expect(codeValue(" ANM.01_a ")).toEqual(ok("ANM.01_A"));
    expect(codeValue("mã 1").ok).toBe(false);
    expect(codeValue("KTNV-Đ1").ok).toBe(false);
    expect(codeValue("x".repeat(33)).ok).toBe(false);
  });

  it("names: letters with diacritics, some punctuation; digits refused", () => {
    expect(fullNameValue("  lê   thị  HOA ")).toEqual(ok("lê thị HOA"));
    expect(fullNameValue("Nguyễn Văn An 2").ok).toBe(false);
    expect(fullNameValue("...").ok).toBe(false);
  });

  it.each([
    ["Đại úy", "Đại úy"],
    ["dai uy", "Đại úy"],
    ["ĐẠI ÚY", "Đại úy"],
    ["Đại uý", "Đại úy"],
    ["thieu ta", "Thiếu tá"],
  ])("rank %j → %s", (text, rank) => {
    expect(rankValue(text)).toEqual(ok(rank));
  });

  it("an unknown rank is refused with examples", () => {
    const r = rankValue("Đại sứ");
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain("không phải cấp bậc hàm");
  });

  it.each([
    ["Hoàn thành xuất sắc nhiệm vụ", "EXCELLENT"],
    ["hoan thanh xuat sac nhiem vu", "EXCELLENT"],
    ["HTXSNV", "EXCELLENT"],
    ["Hoàn thành tốt nhiệm vụ", "GOOD"],
    ["HTTNV", "GOOD"],
    ["Hoàn thành nhiệm vụ", "COMPLETE"],
    ["htnv", "COMPLETE"],
    ["Không hoàn thành nhiệm vụ", "INCOMPLETE"],
    ["KHTNV", "INCOMPLETE"],
  ])("rating %j → %s", (text, rating) => {
    expect(parseRating(text)).toBe(rating);
    expect(ratingValue(text)).toEqual(ok(rating));
  });

  it("an unknown rating is refused", () => {
    expect(ratingValue("Khá").ok).toBe(false);
  });

  it.each([
    ["CST", "CST"],
    ["cst", "CST"],
    ["Chiến sĩ tiên tiến", "CST"],
    ["CSTĐCS", "CSTDCS"],
    ["CSTDCS", "CSTDCS"],
    ["chien si thi dua co so", "CSTDCS"],
    ["CHIẾN SĨ THI ĐUA CƠ SỞ", "CSTDCS"],
    ["CSTĐ CAND", "CSTD_CAND"],
    ["CSTD_CAND", "CSTD_CAND"],
    ["Chiến sĩ thi đua Công an nhân dân", "CSTD_CAND"],
    ["CSTĐ toàn quốc", "CSTD_TQ"],
  ])("title %j → %s", (text, code) => {
    expect(individualTitleValue(text, INDEX, "Danh hiệu")).toEqual(ok(code));
  });

  it.each([
    ["Đơn vị Quyết thắng", "danh hiệu tập thể"],
    ["Chiến sĩ xuất sắc", "không có danh hiệu"],
  ])("title %j is refused (%s)", (text, fragment) => {
    const r = individualTitleValue(text, INDEX, "Danh hiệu");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it("an inactive title, or one the engine does not know, is refused", () => {
    const index = buildTitleIndex([
      ...TITLES.map((t) => (t.code === "CSTD_TQ" ? { ...t, active: false } : t)),
      { code: "GK", name: "Giấy khen", shortName: "GK", kind: "INDIVIDUAL", active: true },
    ]);
    expect(individualTitleValue("CSTĐ toàn quốc", index, "Danh hiệu")).toMatchObject({ ok: false, message: expect.stringContaining("ngừng sử dụng") });
    expect(individualTitleValue("Giấy khen", index, "Danh hiệu")).toMatchObject({ ok: false, message: expect.stringContaining("chưa được hệ thống xét") });
  });

  it.each<[string, unknown, string | null]>([
    ["dd/mm/yyyy", "31/12/2021", "2021-12-31"],
    ["d/m/yyyy", "1/2/2022", "2022-02-01"],
    ["an Excel date", new Date(Date.UTC(2021, 11, 15)), "2021-12-15"],
    ["an Excel serial", 44561, "2021-12-31"],
    ["empty", "", null],
  ])("date %s", (_l, value, iso) => {
    expect(dateValue(value, "Ngày quyết định")).toEqual(ok(iso));
  });

  it.each<[string, unknown, string]>([
    ["ISO text", "2021-12-31", "không đúng dạng dd/mm/yyyy"],
    ["US order that is not a date", "12/31/2021", "không phải ngày có thật"],
    ["30 February", "30/02/2021", "không phải ngày có thật"],
    ["words", "cuối năm", "không đúng dạng dd/mm/yyyy"],
    ["two-digit year", "31/12/21", "không đúng dạng dd/mm/yyyy"],
    ["a small number", 12, "không phải ngày"],
    ["a formula", { formula: "TODAY()" }, "công thức"],
  ])("date refuses %s", (_l, value, fragment) => {
    const r = dateValue(value, "Ngày quyết định");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(fragment);
  });

  it("column letters", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("parseWorkbook", () => {
  it("reads the three sheets of a good file", () => {
    const parsed = parseWorkbook(
      [
        sheet("Hướng dẫn", [["Không phải dữ liệu"]]),
        sheet("Cán bộ", [
          officerHeader,
          ["ktnv-0001", "Nguyễn Văn An", "Đại úy", "Cán bộ", "Phòng Tham mưu"],
          [],
          ["KTNV-0002", "Trần Thị Bình", "thieu ta", "Phó Trưởng phòng", "ktnv-p1"],
          ["KTNV-0003", "Lê Văn Cường", "Trung úy", "Cán bộ", null],
        ]),
        sheet("Đăng ký danh hiệu", [registrationHeader, ["KTNV-0001", "Nguyễn Văn An", "CSTĐCS"], ["KTNV-0002", null, "Chiến sĩ tiên tiến"]]),
        sheet("Kết quả", [
          resultHeader,
          ["KTNV-0001", null, "HTXSNV", "CST", "912/QĐ-BCA", "15/12/2021", "Bộ trưởng Bộ Công an"],
          ["KTNV-0002", null, "Hoàn thành tốt nhiệm vụ", null, null, null, null],
        ]),
      ],
      CTX,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.sheetsFound).toEqual(["officers", "registrations", "results"]);
    expect(parsed.rowCounts).toEqual({ officers: 3, registrations: 2, results: 2 });
    expect(parsed.officers).toEqual([
      { row: 2, code: "KTNV-0001", fullName: "Nguyễn Văn An", rank: "Đại úy", position: "Cán bộ", subUnitId: SUB_UNITS[0]!.id },
      { row: 4, code: "KTNV-0002", fullName: "Trần Thị Bình", rank: "Thiếu tá", position: "Phó Trưởng phòng", subUnitId: SUB_UNITS[1]!.id },
      { row: 5, code: "KTNV-0003", fullName: "Lê Văn Cường", rank: "Trung úy", position: "Cán bộ", subUnitId: null },
    ]);
    expect(parsed.registrations).toEqual([
      { row: 2, code: "KTNV-0001", fullName: "Nguyễn Văn An", titleCode: "CSTDCS" },
      { row: 3, code: "KTNV-0002", fullName: null, titleCode: "CST" },
    ]);
    expect(parsed.results).toEqual([
      { row: 2, code: "KTNV-0001", fullName: null, rating: "EXCELLENT", awardedTitleCode: "CST", decisionNo: "912/QĐ-BCA", decisionDate: "2021-12-15", decisionSigner: "Bộ trưởng Bộ Công an" },
      { row: 3, code: "KTNV-0002", fullName: null, rating: "GOOD", awardedTitleCode: null, decisionNo: null, decisionDate: null, decisionSigner: null },
    ]);
  });

  it("finds sheets and columns by name in any order, without diacritics, ignoring unknown columns", () => {
    const parsed = parseWorkbook(
      [sheet("CAN BO", [["STT", "Chức vụ", "Ho va ten", "Ghi chú", "Mã CB", "CẤP BẬC"], [1, "Cán bộ", "Phạm Thu Hà", "x", "a-1", "Thượng úy"]])],
      CTX,
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.officers).toEqual([{ row: 2, code: "A-1", fullName: "Phạm Thu Hà", rank: "Thượng úy", position: "Cán bộ", subUnitId: null }]);
  });

  it("reports every bad cell by sheet, row, column and cell, in order", () => {
    const parsed = parseWorkbook(
      [
        sheet("Cán bộ", [
          officerHeader,
          ["KTNV-0001", "Nguyễn Văn An", "Đại úy", "Cán bộ"],
          ["KTNV-0002", "", "Đại sứ", "=1+1", "Phòng 9"],
          ["ktnv-0001", "Nguyễn Văn An", "Đại úy", "Cán bộ"],
          [{ formula: "CONCAT(\"A\",\"B\")", result: "AB" }, "Lê Văn Dũng", "Trung úy", "Cán bộ"],
        ]),
        sheet("Kết quả", [resultHeader, ["KTNV-0001", null, "Xuất sắc lắm", "CSTĐCS", null, "2021-12-15", "Bộ trưởng"]]),
      ],
      CTX,
    );
    const brief = parsed.errors.map((e) => [e.sheet, e.row, e.column, e.cell]);
    expect(brief).toEqual([
      ["Cán bộ", 3, "Họ và tên", "B3"],
      ["Cán bộ", 3, "Cấp bậc", "C3"],
      ["Cán bộ", 3, "Chức vụ", "D3"],
      ["Cán bộ", 3, "Phòng/Đội", "E3"],
      ["Cán bộ", 4, "Mã cán bộ", "A4"],
      ["Cán bộ", 5, "Mã cán bộ", "A5"],
      ["Kết quả", 2, "Xếp loại", "C2"],
      ["Kết quả", 2, "Số quyết định", "E2"],
      ["Kết quả", 2, "Ngày quyết định", "F2"],
    ]);
    const messages = parsed.errors.map((e) => e.message);
    expect(messages[0]).toBe("Họ và tên là bắt buộc.");
    expect(messages[3]).toContain("Phòng Tham mưu; Phòng 1");
    expect(messages[4]).toBe("Mã cán bộ KTNV-0001 đã có ở dòng 2; mỗi cán bộ chỉ một dòng.");
    expect(messages[5]).toContain("công thức");
    expect(messages[8]).toContain("dd/mm/yyyy");
    // Only the good row is kept.
    expect(parsed.officers.map((o) => o.row)).toEqual([2]);
    expect(parsed.results).toEqual([]);
  });

  it("a missing required column is an error of the header row; the sheet is not read", () => {
    const parsed = parseWorkbook([sheet("Cán bộ", [["Mã cán bộ", "Họ và tên", "Chức vụ"], ["A", "Nguyễn An", "Cán bộ"]])], CTX);
    expect(parsed.errors).toEqual([
      { sheet: "Cán bộ", row: 1, column: "Cấp bậc", message: "Thiếu cột “Cấp bậc” ở dòng tiêu đề (dòng 1). Hãy dùng tệp mẫu." },
    ]);
    expect(parsed.officers).toEqual([]);
  });

  it("a column given twice is an error", () => {
    const parsed = parseWorkbook([sheet("Cán bộ", [[...officerHeader, "Họ tên"], ["A", "Nguyễn An", "Đại úy", "Cán bộ", null, "Nguyễn Bình"]])], CTX);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 1, column: "Họ và tên", cell: "F1" });
  });

  it("results: a title needs its decision; a decision needs a title; the date must fall in the year … today", () => {
    const parsed = parseWorkbook(
      [
        sheet("Kết quả", [
          resultHeader,
          ["A1", null, "HTTNV", "CST", null, null, null],
          ["A2", null, "HTTNV", null, "912/QĐ-BCA", null, null],
          ["A3", null, "HTTNV", "CST", "1/QĐ", "31/12/2020", "Cục trưởng"],
          ["A4", null, "HTTNV", "CST", "1/QĐ", "01/07/2022", "Cục trưởng"],
          ["A5", null, "HTTNV", "CST", "1/QĐ", "30/06/2022", "Cục trưởng"],
          ["A6", null, null, null, null, null, null, "ghi chú"],
        ]),
      ],
      CTX,
    );
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Số quyết định"],
      [2, "Ngày quyết định"],
      [2, "Người ký"],
      [3, "Danh hiệu được công nhận"],
      [4, "Ngày quyết định"],
      [5, "Ngày quyết định"],
      [7, "Xếp loại"],
    ]);
    expect(parsed.errors[4]!.message).toBe("Ngày quyết định 31/12/2020 phải từ 01/01/2021 đến hôm nay (30/06/2022).");
    expect(parsed.results.map((r) => r.code)).toEqual(["A5"]);
  });

  it("registrations: unknown and collective titles, duplicate officers", () => {
    const parsed = parseWorkbook(
      [
        sheet("Đăng ký danh hiệu", [
          registrationHeader,
          ["A1", null, "Đơn vị tiên tiến"],
          ["A2", null, "Anh hùng"],
          ["A3", null, "CST"],
          ["a3", null, "CSTĐCS"],
          ["A4", "Nguyễn 4", "CST"],
        ]),
      ],
      CTX,
    );
    expect(parsed.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "Danh hiệu đăng ký"],
      [3, "Danh hiệu đăng ký"],
      [5, "Mã cán bộ"],
      [6, "Họ và tên"],
    ]);
    expect(parsed.registrations.map((r) => r.code)).toEqual(["A3"]);
  });

  it("a file without any template sheet, or without data rows, says so", () => {
    expect(parseWorkbook([sheet("Sheet1", [["a", "b"]])], CTX).errors[0]!.message).toContain("không có trang tính nào theo mẫu");
    expect(parseWorkbook([sheet("Cán bộ", [officerHeader, [null, "  "]])], CTX).errors[0]!.message).toContain("không có dòng dữ liệu nào");
  });

  it("refuses a sheet with more rows than allowed, without reading them", () => {
    const rows = [officerHeader, ...Array.from({ length: MAX_ROWS_PER_SHEET + 1 }, (_, i) => [`A${i}`, "Nguyễn An", "Đại úy", "Cán bộ"])];
    const parsed = parseWorkbook([sheet("Cán bộ", rows)], CTX);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.message).toContain("tối đa 10.000 dòng");
  });

  it("refuses a template sheet given twice", () => {
    const parsed = parseWorkbook([sheet("Cán bộ", [officerHeader]), sheet("CAN BO", [officerHeader])], CTX);
    expect(parsed.errors[0]!.message).toContain("hai trang tính");
  });
});

describe("when a year accepts results", () => {
  it.each([
    ["SETUP", "“Thiết lập”"],
    ["REGISTRATION", "“Đăng ký thi đua”"],
    ["MIDYEAR", "“Sơ kết 6 tháng”"],
  ] as const)("%s: not yet", (phase, label) => {
    expect(resultsWindowError({ year: 2022, phase })).toBe(
      `Năm thi đua 2022 đang ở giai đoạn ${label}; kết quả chỉ được ghi nhận từ giai đoạn “Báo cáo tổng kết” đến khi khóa sổ.`,
    );
  });

  it("from the year-end report until the close; a closed year never", () => {
    expect(RESULTS_PHASES).toEqual(["REPORTING", "SCORING", "CONFERENCE", "RESULTS"]);
    for (const phase of RESULTS_PHASES) expect(resultsWindowError({ year: 2021, phase })).toBeNull();
    expect(resultsWindowError({ year: 2021, phase: "CLOSED" })).toBe("Năm thi đua đã khóa sổ, không thể chỉnh sửa.");
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const LEADS = ["=", "+", "-", "@"];
const formulaBody = fc.oneof(
  fc.constantFrom("SUM(A1:A9)", "1+1", "cmd|' /C calc'!A0", "HYPERLINK(\"http://evil\")", "A1", "$B$2*3", "2*3", "'x'", "IMPORTXML(A1)", "--1"),
  fc.string({ minLength: 1, maxLength: 20 }),
);
const blanks = fc.constantFrom("", " ", "  ", "\t", "\u00a0", "\u200b", "\ufeff");
/** Hostile strings: blanks, a formula lead, a formula-like body. */
const hostile = fc
  .tuple(blanks, fc.constantFrom(...LEADS), blanks, formulaBody)
  .map(([pre, lead, mid, body]) => `${pre}${lead}${mid}${body}`);
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 40 }), hostile);

describe("properties", () => {
  it("no value that passes textValue looks like a formula or a script", () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 1, max: 200 }), (text, max) => {
        const r = textValue(text, "Ô", max);
        if (r.ok && r.value !== null) {
          expect(looksLikeFormula(r.value)).toBe(false);
          expect(looksLikeScript(r.value)).toBe(false);
          expect([...r.value].length).toBeLessThanOrEqual(max);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("a hostile string whose body is formula-like never passes unchanged", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        if (!looksLikeFormula(text)) return; // e.g. "+ Cán bộ": not a formula
        for (const check of [
          textValue(text, "Ô", 500),
          codeValue(text),
          fullNameValue(text),
          ratingValue(text),
          rankValue(text),
          individualTitleValue(text, INDEX, "Ô"),
          dateValue(text, "Ô"),
        ]) {
          expect(check.ok && check.value === text).toBe(false);
          if (check.ok && typeof check.value === "string") expect(looksLikeFormula(check.value)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("text led by = or @ and anything after is always refused", () => {
    fc.assert(
      fc.property(blanks, fc.constantFrom("=", "@"), fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ""), (pre, lead, rest) => {
        expect(textValue(`${pre}${lead}${rest}`, "Ô", 500).ok).toBe(false);
      }),
    );
  });

  it("safeCellText never looks like a formula and changes only what could", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const safe = safeCellText(text);
        expect(looksLikeFormula(safe)).toBe(false);
        if (safe !== text) expect(safe).toBe(`'${text}`);
        if (!looksLikeFormula(text) && !/^[\s\u200b\ufeff\u00a0]*[=+\-@]/.test(text) && !/^[\t\r]/.test(text)) expect(safe).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  const cellArb = fc.oneof(
    fc.anything(),
    anyText,
    fc.double(),
    fc.date({ noInvalidDate: false }),
    fc.record({ formula: fc.string() }),
    fc.record({ richText: fc.array(fc.record({ text: fc.oneof(fc.string(), fc.integer()) })) }),
    fc.record({ text: fc.anything(), hyperlink: fc.string() }),
    fc.record({ error: fc.anything() }),
    fc.constantFrom(...OFFICER_SHEET.columns.map((c) => c.header), ...RESULT_SHEET.columns.map((c) => c.header), "CST", "HTTNV", "Đại úy", "31/12/2021"),
  );
  const sheetArb = fc.record({
    name: fc.oneof(fc.constantFrom(...SHEET_DEFS.flatMap((s) => [s.name, ...s.aliases]), "Sheet1"), fc.string()),
    rows: fc.array(fc.record({ row: fc.integer({ min: -2, max: 50 }), cells: fc.array(cellArb, { maxLength: 9 }) }), { maxLength: 12 }),
  });

  it("parsing is total: any cells, any sheets, never a throw; every error has a message", () => {
    fc.assert(
      fc.property(fc.array(sheetArb, { maxLength: 4 }), (sheets) => {
        const parsed = parseWorkbook(sheets as RawSheet[], CTX);
        for (const e of parsed.errors) {
          expect(typeof e.message).toBe("string");
          expect(e.message.length).toBeGreaterThan(0);
        }
        for (const v of [...parsed.officers, ...parsed.registrations, ...parsed.results]) {
          for (const field of Object.values(v)) if (typeof field === "string") expect(looksLikeFormula(field)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("readCell and every value reader are total", () => {
    fc.assert(
      fc.property(cellArb, (cell) => {
        readCell(cell);
        textValue(cell, "Ô", 50);
        codeValue(cell);
        fullNameValue(cell);
        rankValue(cell);
        ratingValue(cell);
        individualTitleValue(cell, INDEX, "Ô");
        dateValue(cell, "Ô");
      }),
      { numRuns: 3000 },
    );
  });

  it("dates: every real day reads back the same, typed or as an Excel date or serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        const iso = d.toISOString().slice(0, 10);
        const typed = `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
        expect(dateValue(typed, "Ngày")).toEqual(ok(iso));
        expect(dateValue(d, "Ngày")).toEqual(ok(iso));
        expect(dateValue(day + 25569, "Ngày")).toEqual(ok(iso));
      }),
    );
  });

  it("ranks: every catalogue rank is read back however it is cased or stripped of diacritics", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OFFICER_SHEET.columns.length ? ["Binh nhì", "Đại úy", "Thượng tá", "Đại tướng", "Hạ sĩ"] : []), fc.boolean(), (rank, upper) => {
        const stripped = rank.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
        expect(rankValue(upper ? stripped.toUpperCase() : stripped)).toEqual(ok(rank));
      }),
    );
  });
});
