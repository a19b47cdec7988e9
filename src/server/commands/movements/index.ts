// Movements and drives (issue 17; docs/domain.md §10): launch, edit, close (the manager); figures and
// evidence (each participating unit).
export { launchMovementInput, launchMovement } from "./launch";
export { updateMovementInput, updateMovement } from "./update";
export { closeMovementInput, closeMovement } from "./close";
export { saveMovementFiguresInput, saveMovementFigures } from "./figures";
export { uploadMovementEvidenceInput, uploadMovementEvidence, deleteMovementEvidenceInput, deleteMovementEvidence } from "./evidence";
