// Read side of results (docs/domain.md §4 step 7): per unit, registered vs awarded per title (aggregated in
// SQL), one unit's officers with their registration and result (50 a page), and one officer's history.
// Scope (permission "results.view"): admin any cluster, secretariat its cluster, unit officers and unit
// heads their own unit only. Anything out of scope is "not found" (404).
export { RESULT_PAGE_SIZE, RESULT_FILTERS, type ResultFilter, RESULT_FILTER_LABELS, type UnitResultsParams, parseUnitResultsParams, type OfficerResultRow, unitResults } from "./unit-results";
export { type YearChoice, resultYears } from "./years";
export { type TitleCount } from "./shared";
export { type UnitResultRow, resultsOverview } from "./overview";
export { officerHistory } from "./officer-history";
export { importPageContext } from "./import-page";
export type { CollectiveTitle } from "@/domain/eligibility";
export { type SubUnitResultRow, type SubUnitResults, subUnitResults } from "./sub-unit-results";
