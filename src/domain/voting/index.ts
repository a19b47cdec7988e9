// Conference votes, pure rules (docs/domain.md §4 step 6, §6): ballots, tallies, thresholds, quorum,
// seats and run-offs, chair rotation. No framework, no database, no clock.
export * from "./types";
export * from "./threshold";
export * from "./tally";
export * from "./ballot";
export * from "./outcome";
export * from "./rotation";
export * from "./setup";
