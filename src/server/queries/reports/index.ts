// Read side of criteria tables and unit reports. Every query takes the actor and checks the permission
// table; whatever the actor may not see answers "not found" (404).
// Drafts: a report that has never been submitted (DRAFT) is only ever shown to its own unit — whatever
// the role — and a RETURNED report's working copy likewise; the secretariat then sees the history and
// what was last submitted (the snapshot), never the unit's edits in progress.
export { type ReportStatus, REPORT_STATUS_LABELS, reportTitle, reportVisibility } from "./shared";
export { REPORT_KINDS, selfTotalsOf, type ReportsIndexRow, reportsIndex } from "./list";
export { type YearChoice, yearChoices } from "./years";
export { type EvidenceInfo, type ScoreInfo, getReport, type ReportPageData } from "./report";
export { evidenceForDownload } from "./evidence";
export { criteriaIndex, criteriaEditor, criteriaForReading } from "./criteria";
