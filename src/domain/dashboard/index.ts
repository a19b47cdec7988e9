// The cluster dashboard's rules (issue 6): ranking and rank change, consecutive-year streaks, chart
// series, and what is still missing from whom. Pure TypeScript, no framework, no database.
export * from "./ranking";
export * from "./streaks";
export * from "./series";
export * from "./missing";
export * from "./labels";
