// One data row read against the sheet's header: each cell checked, every problem recorded.
import { readCell } from "./cells";
import { dateValue, formatIso } from "./dates";
import type { ImportError } from "./errors";
import { columnLetter, type ColumnKey, type SheetDef } from "./layout";
import { individualTitleValue, type TitleIndex } from "./titles";
import { codeValue, fullNameValue, looseKey, quoteValue, rankValue, ratingValue, textValue, type Checked } from "./values";
import type { ImportContext, OfficerRowInput, RegistrationRowInput, ResultRowInput, SubUnitInfo } from "./workbook";

export type HeaderMap = Map<ColumnKey, number>;

export type RowReader = {
  row: number;
  get(key: ColumnKey): unknown;
  fail(key: ColumnKey | null, message: string): void;
  failed: boolean;
};

export function rowReader(sheet: SheetDef<string>, header: HeaderMap, row: number, cells: readonly unknown[], errors: ImportError[]): RowReader {
  const reader: RowReader = {
    row,
    failed: false,
    get(key) {
      const i = header.get(key);
      return i === undefined ? undefined : cells[i];
    },
    fail(key, message) {
      reader.failed = true;
      const col = key ? sheet.columns.find((c) => c.key === key) : undefined;
      const i = key ? header.get(key) : undefined;
      errors.push({
        sheet: sheet.name,
        row,
        column: col?.header ?? null,
        ...(i !== undefined ? { cell: `${columnLetter(i)}${row}` } : {}),
        message,
      });
    },
  };
  return reader;
}

function take<T>(r: RowReader, key: ColumnKey, checked: Checked<T>): T | undefined {
  if (!checked.ok) {
    r.fail(key, checked.message);
    return undefined;
  }
  return checked.value;
}

function required<T>(r: RowReader, key: ColumnKey, label: string, value: T | null | undefined): T | undefined {
  if (value === null) {
    r.fail(key, `${label} là bắt buộc.`);
    return undefined;
  }
  return value;
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) if (readCell(cell).kind !== "empty") return false;
  return true;
}

export function subUnitIndex(subUnits: readonly SubUnitInfo[]) {
  const byKey = new Map<string, SubUnitInfo | null>();
  const add = (key: string, s: SubUnitInfo) => {
    if (key === "") return;
    const other = byKey.get(key);
    byKey.set(key, other === undefined || other?.id === s.id ? s : null);
  };
  for (const s of subUnits) {
    add(looseKey(s.name), s);
    add(`#${s.code.toUpperCase()}`, s);
  }
  return (text: string): SubUnitInfo | null | undefined => byKey.get(`#${text.toUpperCase()}`) ?? byKey.get(looseKey(text));
}

/** Tracks codes per sheet: the second row with a code is an error naming the first. */
export function duplicateTracker() {
  const firstRow = new Map<string, number>();
  return (r: RowReader, code: string) => {
    const first = firstRow.get(code);
    if (first !== undefined) {
      r.fail("code", `Mã cán bộ ${code} đã có ở dòng ${first}; mỗi cán bộ chỉ một dòng.`);
      return false;
    }
    firstRow.set(code, r.row);
    return true;
  };
}

export function parseOfficerRow(r: RowReader, ctx: ImportContext, findSubUnit: ReturnType<typeof subUnitIndex>, seen: ReturnType<typeof duplicateTracker>): OfficerRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = required(r, "fullName", "Họ và tên", take(r, "fullName", fullNameValue(r.get("fullName"))));
  const rank = required(r, "rank", "Cấp bậc", take(r, "rank", rankValue(r.get("rank"))));
  const position = required(r, "position", "Chức vụ", take(r, "position", textValue(r.get("position"), "Chức vụ", 120)));
  const subUnitText = take(r, "subUnit", textValue(r.get("subUnit"), "Phòng/Đội", 200));
  let subUnitId: string | null = null;
  if (subUnitText) {
    const found = findSubUnit(subUnitText);
    if (found === null) r.fail("subUnit", `Phòng/Đội: ${quoteValue(subUnitText)} trùng tên với nhiều phòng/đội; hãy ghi mã phòng/đội.`);
    else if (!found) {
      const names = ctx.subUnits.slice(0, 12).map((s) => s.name);
      r.fail(
        "subUnit",
        `Phòng/Đội: không có ${quoteValue(subUnitText)} trong đơn vị${names.length ? ` (các phòng/đội: ${names.join("; ")}${ctx.subUnits.length > 12 ? "; …" : ""})` : " (đơn vị chưa có phòng/đội nào)"}.`,
      );
    } else subUnitId = found.id;
  }
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || fullName === undefined || rank === undefined || position === undefined) return null;
  return { row: r.row, code, fullName, rank, position, subUnitId };
}

export function parseRegistrationRow(r: RowReader, titles: TitleIndex, seen: ReturnType<typeof duplicateTracker>): RegistrationRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = take(r, "fullName", fullNameValue(r.get("fullName")));
  const titleCode = required(r, "title", "Danh hiệu đăng ký", take(r, "title", individualTitleValue(r.get("title"), titles, "Danh hiệu đăng ký")));
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || titleCode === undefined) return null;
  return { row: r.row, code, fullName: fullName ?? null, titleCode };
}

export function parseResultRow(r: RowReader, ctx: ImportContext, titles: TitleIndex, seen: ReturnType<typeof duplicateTracker>): ResultRowInput | null {
  const code = required(r, "code", "Mã cán bộ", take(r, "code", codeValue(r.get("code"))));
  const fullName = take(r, "fullName", fullNameValue(r.get("fullName")));
  const rating = required(r, "rating", "Xếp loại", take(r, "rating", ratingValue(r.get("rating"))));
  const awardedTitleCode = take(r, "awardedTitle", individualTitleValue(r.get("awardedTitle"), titles, "Danh hiệu được công nhận"));
  const decisionNo = take(r, "decisionNo", textValue(r.get("decisionNo"), "Số quyết định", 60));
  const decisionDate = take(r, "decisionDate", dateValue(r.get("decisionDate"), "Ngày quyết định"));
  const decisionSigner = take(r, "decisionSigner", textValue(r.get("decisionSigner"), "Người ký", 120));
  if (awardedTitleCode) {
    if (decisionNo === null) r.fail("decisionNo", "Số quyết định là bắt buộc khi có danh hiệu được công nhận.");
    if (decisionDate === null) r.fail("decisionDate", "Ngày quyết định là bắt buộc khi có danh hiệu được công nhận.");
    if (decisionSigner === null) r.fail("decisionSigner", "Người ký là bắt buộc khi có danh hiệu được công nhận.");
  } else if (awardedTitleCode === null && (decisionNo || decisionDate || decisionSigner)) {
    r.fail("awardedTitle", "Có quyết định nhưng chưa ghi danh hiệu được công nhận; hãy ghi danh hiệu hoặc xóa thông tin quyết định.");
  }
  if (decisionDate) {
    const from = `${ctx.year}-01-01`;
    if (decisionDate < from || decisionDate > ctx.today) {
      r.fail("decisionDate", `Ngày quyết định ${formatIso(decisionDate)} phải từ ${formatIso(from)} đến hôm nay (${formatIso(ctx.today)}).`);
    }
  }
  if (code !== undefined && !seen(r, code)) return null;
  if (r.failed || code === undefined || rating === undefined || awardedTitleCode === undefined) return null;
  if (decisionNo === undefined || decisionDate === undefined || decisionSigner === undefined) return null;
  return {
    row: r.row,
    code,
    fullName: fullName ?? null,
    rating,
    awardedTitleCode,
    decisionNo: awardedTitleCode ? decisionNo : null,
    decisionDate: awardedTitleCode ? decisionDate : null,
    decisionSigner: awardedTitleCode ? decisionSigner : null,
  };
}
