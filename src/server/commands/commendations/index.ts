// The commendation register (issue 14): entries by hand (and from Excel) for decisions made outside the
// dossier flow, and revocation of any award by the Ministry office.
export { addCommendationInput, addCommendation, commendationFields, commendationLevel } from "./add";
export { revokeAwardInput, revokeAward } from "./revoke";
