// GET /dossiers/register?year=2021 → the decision register of an emulation year (xlsx), over the
// clusters the actor sees whole ("dossier.view": the secretariat its own, the Ministry office all).
import { XLSX_TYPE, downloadResponse } from "@/lib/download";
import { currentActor } from "@/server/auth/current";
import { buildDecisionRegister } from "@/server/excel/awards-export";
import { decisionRegister } from "@/server/queries/dossiers/documents";
import { notFoundResponse, routeOr404 } from "@/app/not-found-boundary";

export const dynamic = "force-dynamic";

export const GET = routeOr404(async (request: Request) => {
  const actor = await currentActor();
  if (!actor) return notFoundResponse();
  const year = Number(new URL(request.url).searchParams.get("year"));
  const register = await decisionRegister(actor, year);
  return downloadResponse(await buildDecisionRegister(register), `Sổ quyết định khen thưởng ${year}.xlsx`, XLSX_TYPE);
});
