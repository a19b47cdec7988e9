// Proposal dossiers (issue 14; docs/domain.md §9): the secretariat builds the cluster-year's dossier from
// the conference, publishes it for the disclosure window, answers the member units' objections and
// sends it; the Ministry office returns or accepts it and records decisions, which write the awarded
// titles and commendations into the history in the same transaction.
export { buildDossier } from "./build";
export { addDossierItemInput, addDossierItem } from "./add-item";
export { removeDossierItem } from "./remove-item";
export { publishDossier } from "./publish";
export { lodgeObjectionInput, lodgeObjection } from "./object";
export { answerObjection } from "./answer";
export { sendDossier } from "./send";
export { returnDossier, acceptDossier } from "./review";
export { recordDecisionInput, recordDecision } from "./decide";
