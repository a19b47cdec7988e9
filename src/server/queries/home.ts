// The home page's summary for the acting user: their unit, cluster and the cluster's latest year.
import type { Actor } from "@/domain/permissions";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";

export async function homeSummary(actor: Actor) {
  const [unit, cluster] = await Promise.all([
    actor.unitId ? prisma.unit.findUnique({ where: { id: actor.unitId }, select: { name: true } }) : null,
    actor.clusterId ? prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { name: true } }) : null,
  ]);
  const year = actor.clusterId
    ? await prisma.emulationYear.findFirst({
        where: { clusterId: actor.clusterId },
        orderBy: { year: "desc" },
        select: { year: true, phase: true, settings: true, chairUnit: { select: { name: true } } },
      })
    : null;
  return {
    unitName: unit?.name ?? null,
    clusterName: cluster?.name ?? null,
    year: year && {
      year: year.year,
      phase: year.phase,
      chairName: year.chairUnit?.name ?? null,
      registrationDeadline: parseYearSettings(year.settings).registrationDeadline,
    },
  };
}
