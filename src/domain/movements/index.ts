// Movements and drives (phong trào, đợt thi đua; docs/domain.md §10): pure rules.
export * from "./figures";
export * from "./scope";
