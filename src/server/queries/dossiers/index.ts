export { dossierList, type DossierRow } from "./list";
export { dossierDetail, dossierSubjects, decisionFile, type DossierDetail } from "./detail";
