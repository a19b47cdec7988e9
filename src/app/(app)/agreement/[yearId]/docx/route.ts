// GET /agreement/[yearId]/docx — the cluster's joint agreement of the year as a Word document, for every
// unit of the cluster (else 404; docs/domain.md §10).
import { DOCX_TYPE, downloadResponse } from "@/lib/download";
import { buildJointAgreementDocx } from "@/server/documents/joint-agreement-docx";
import { jointAgreementDocument } from "@/server/queries/joint-agreement";
import { signedInFileRoute } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = signedInFileRoute(async (actor, { yearId }: { yearId: string }) => {
  const data = await jointAgreementDocument(actor, yearId);
  const doc = await buildJointAgreementDocx(data);
  return downloadResponse(doc, `Giao ước thi đua ${data.year.year} - ${data.year.clusterName}.docx`, DOCX_TYPE);
});
