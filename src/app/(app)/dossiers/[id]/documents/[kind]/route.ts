// GET /dossiers/<id>/documents/<kind> → one of the dossier's Word documents (issue 14): memo (tờ trình),
// collectives, individuals (the lists with each item's evidence), notice (công khai), objections.
// Authorised as the dossier page is (dossierDetail); the tờ trình needs "dossier.view". Anything else: 404.
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { isUuid } from "@/domain/validation";
import { currentActor } from "@/server/auth/current";
import { buildDossierDocx } from "@/server/documents/dossier-docx";
import { dossierDocumentData, DOSSIER_DOCUMENT_NAMES, isDossierDocument } from "@/server/queries/dossiers/documents";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (_request: Request, { params }: { params: Promise<{ id: string; kind: string }> }) => {
  const { id, kind } = await params;
  const actor = await currentActor();
  if (!actor || !isUuid(id) || !isDossierDocument(kind)) return notFoundResponse();
  const data = await dossierDocumentData(actor, id, kind);
  const doc = await buildDossierDocx(data, kind);
  return downloadResponse(doc, `${DOSSIER_DOCUMENT_NAMES[kind]} ${data.year.year} - ${data.year.cluster.name}.docx`, DOCX_TYPE);
});
