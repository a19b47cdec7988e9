// Reads of movements and drives (docs/domain.md §10).
export { launchOptions, movementFigureOptions, movementList, MOVEMENTS_PAGE_SIZE } from "./list";
export { movementDetail, movementEvidenceForDownload, type MovementDetail } from "./detail";
export { visibleMovements, actorCluster } from "./access";
