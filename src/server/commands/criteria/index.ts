// The criteria table of a cluster-year (tiêu chí, thang điểm — docs/domain.md §4 step 1), kept by the
// secretariat: create it (empty or copied from the previous year), edit sections, criteria, bonus and
// penalty items and key figures, publish it for the units. The table freezes when the first report is
// submitted (src/server/commands/reports/); after that every change is an amendment: it needs a
// reason, raises the table's version and is recorded in CriteriaAmendment as well as the audit log.
//
// Every change is applied to the table in memory first and checked with the pure rules
// (src/domain/scoring/table.ts): a change that would make a section's criteria overflow its max, the
// sections overflow the scale, or a bonus/penalty item exceed its group's cap is refused with a field
// error and nothing is saved.
//
// Locks (in this order everywhere in reports and scoring): the cluster row (FOR NO KEY UPDATE for the
// secretariat, FOR SHARE for unit writes — so closing the year waits for them and they see it closed),
// then the criteria table row FOR UPDATE (submission freezes it; amendments change it), then a report.
export { TABLE_NOT_PUBLISHED } from "./shared";
export { createCriteriaTableInput, createCriteriaTable } from "./create";
export { saveCriterionInput, saveCriterion, deleteCriterionInput, deleteCriterion } from "./criterion";
export { publishCriteriaTableInput, publishCriteriaTable } from "./publish";
export { saveSectionInput, saveSection, deleteSectionInput, deleteSection } from "./sections";
export { moveInput, moveCriteriaPart } from "./move";
export { saveKeyFigureInput, saveKeyFigure, deleteKeyFigureInput, deleteKeyFigure } from "./key-figures";
