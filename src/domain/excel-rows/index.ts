// The Excel workbook a unit officer fills in (officers, title registrations, results), read row by row.
// Pure: cells come in as the values a spreadsheet library produced (string, number, Date, rich text,
// formula objects…), rows go out validated, with every problem as { sheet, row, column, message } in
// Vietnamese. Nothing here throws on any input: a hostile or broken file gives errors, never a crash.
//
// What a cell may hold: plain values only. A formula (the cell's value is a formula object) is refused,
// and so is text that would become a formula when someone copies it into a spreadsheet: text starting
// with = or @, or with + or - followed by something formula-like (a function call, a cell reference,
// arithmetic, a DDE "cmd|…"). Text containing <script or "javascript:" is refused too. Dates are
// dd/mm/yyyy or real Excel dates. Titles are found by code, short name or full name, ignoring case and
// diacritics; ranks by src/domain/ranks.ts; ratings by their labels or the usual abbreviations.
//
// One file per concern: layout (sheets, columns), errors, cells, values, titles, dates, rows,
// workbook (parseWorkbook) and the results window.
export { columnLetter, HEADER_ROW, MAX_ROWS_PER_SHEET, OFFICER_SHEET, REGISTRATION_SHEET, RESULT_SHEET, SHEET_DEFS } from "./layout";
export type { ColumnDef, ColumnKey, SheetDef, SheetKey } from "./layout";
export { compareImportErrors } from "./errors";
export type { ImportError } from "./errors";
export { looksLikeFormula, looksLikeScript, readCell, safeCellText } from "./cells";
export type { CellRead } from "./cells";
export { codeValue, fullNameValue, looseKey, parseRating, quoteValue, rankValue, ratingValue, textValue } from "./values";
export { buildTitleIndex, individualTitleValue } from "./titles";
export type { TitleIndex, TitleInfo } from "./titles";
export { dateValue, decisionDateError, formatIso } from "./dates";
export { parseWorkbook } from "./workbook";
export type { ImportContext, OfficerRowInput, ParsedWorkbook, RawSheet, RegistrationRowInput, ResultRowInput, SubUnitInfo } from "./workbook";
export { RESULTS_PHASES, resultsWindowError } from "./results-window";
export { COMMENDATION_SHEET, parseCommendationSheet, SUBJECT_KINDS } from "./commendations";
export type { CommendationRowInput, SubjectKind } from "./commendations";
