export { dossierList, type DossierRow } from "./list";
export { dossierDetail, dossierSubjects, decisionFile, type DossierDetail } from "./detail";
export { dossierDocumentData, decisionRegister, awardStatistics, DOSSIER_DOCUMENTS, DOSSIER_DOCUMENT_NAMES, isDossierDocument, type DossierDocumentKind } from "./documents";
