// Results of an emulation year (docs/domain.md §4 step 7) and the records later prerequisites read:
// an officer's task rating and awarded title with its decision, the secretariat's verification, a
// unit's collective title, initiatives and discipline records; and the Excel import's command.
//
// Results are kept against the calendar year of a cluster's EmulationYear (OfficerYearResult.year):
// the history follows the officer. A CLOSED year refuses every write; results are accepted from the
// year-end report phase on (RESULTS_PHASES in src/domain/excel-rows.ts). An awarded title must be one
// the rules engine, at the RESULTS stage on the decision day, finds ELIGIBLE — else the refusal says why.
// A unit officer's entries wait for the secretariat (verified = false); the secretariat's own entries,
// and the ones it verifies, are verified. Scope always comes from the stored records, never the form.
export { RATING_CODES, officerScope } from "./shared";
export { addInitiativeInput, addInitiative } from "./initiatives";
export { recordOfficerResultInput, recordOfficerResult } from "./officer-result";
export { verifyOfficerResultsInput, verifyOfficerResults } from "./verify";
export { recordUnitResultInput, recordUnitResult } from "./unit-result";
export { MEMBER_UNIT_NOT_SUB_UNIT, recordSubUnitResultInput, recordSubUnitResult } from "./sub-unit-result";
export { addDisciplineInput, updateDisciplineInput, addDiscipline, updateDiscipline } from "./disciplines";
export { importWorkbookInput, importWorkbook } from "./import/command";
export { type ImportInput, type ImportSummary, applyImport } from "./import/apply";
export { loadImportContext } from "./import/context";
export { type ImportOutcome, MAX_ERRORS_SHOWN, importUploadedFile } from "./import/upload";
