import { can, type Actor } from "@/domain/permissions";
import { P } from "@/domain/scoring/permissions";
import { prisma } from "@/server/db";
import { reportVisibility } from "./shared";
import { notFound } from "@/server/errors";
import { named } from "../guard";

/**
 * An evidence file for download, or 404: the actor must see the report in full (its own unit, or the
 * secretariat/admin once submitted), or be a unit assigned to cross-score it.
 */
export async function evidenceForDownload(actor: Actor, fileId: string) {
  const file = await named(fileId, (id) => prisma.evidenceFile.findUnique({
    where: { id },
    select: {
      fileName: true,
      contentType: true,
      size: true,
      data: true,
      report: { select: { id: true, unitId: true, status: true, emulationYear: { select: { clusterId: true } } } },
    },
  }));
  const r = file.report;
  const clusterId = r.emulationYear.clusterId;
  let allowed = reportVisibility(actor, { unitId: r.unitId, clusterId, status: r.status }) === "full";
  if (!allowed && actor.unitId && can(actor, P.reportView, { unitId: actor.unitId, clusterId })) {
    allowed = (await prisma.crossAssignment.count({ where: { reportId: r.id, scorerUnitId: actor.unitId } })) > 0;
  }
  if (!allowed) notFound();
  return { fileName: file.fileName, contentType: file.contentType, size: file.size, data: file.data };
}
