// Reports, criteria tables and scoring: pure rules (no framework, no database).
export * from "./points";
export * from "./settings";
export * from "./table";
export * from "./totals";
export * from "./report-form";
export * from "./evidence";
export * from "./deadline";
export * from "./assignment";
export * from "./final";
export * from "./ranking";
export { P as REPORT_PERMISSIONS } from "./permissions";
