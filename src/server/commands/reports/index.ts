// Unit reports (docs/domain.md §4 steps 3–4): the unit officer drafts (autosaved), the unit head approves and
// submits, the secretariat returns it with a reason or accepts it. A returned report is edited and
// submitted again; every submission, return and acceptance is kept in ReportEvent (with what was
// submitted). The year-end report and the mid-year review (short form) share this mechanism.
//
// Rules enforced here:
//  - the unit is always the acting user's own (new report) or the stored report's (existing one);
//    the form never decides it;
//  - only DRAFT and RETURNED reports can be edited (by the unit officer); every invalid field refuses
//    the whole save (nothing saved); a save names the version it edited, so two windows never overwrite
//    each other silently, and the head approves exactly the version they read;
//  - submission is refused while anything required is missing (field by field), after the deadline
//    (first submission; a returned report may be resubmitted), and in a closed year;
//  - the first submitted report freezes the year's criteria table.
// Locks: cluster (FOR SHARE for unit writes, FOR NO KEY UPDATE for the secretariat), then the criteria
// table (submission), then the report row FOR UPDATE.
export { REPORT_LOCKED, EDITABLE_STATUSES, reportTarget, loadReportForWrite, storedReport } from "./shared";
export { uploadEvidenceInput, uploadEvidence, deleteEvidenceInput, deleteEvidence } from "./evidence";
export { startReportInput, startReport } from "./start";
export { saveReportDraftInput, saveReportDraft } from "./draft";
export { submitReportInput, submitReport } from "./submit";
export { returnReportInput, returnReport, acceptReportInput, acceptReport } from "./review";
export type { LoadedTable } from "@/server/store/criteria-table";
