// Proposals, public disclosure, decisions, commendations, revocation (issue 14; docs/domain.md §9).
// Pure: the commands load the facts, these rules answer, the pages show the reasons.
export * from "./catalogue";
export * from "./evidence";
export * from "./admissibility";
export * from "./disclosure";
export * from "./decision";
export * from "./revocation";
export * from "./statistics";
