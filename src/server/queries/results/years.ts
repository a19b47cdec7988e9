import { roleMay, type Actor } from "@/domain/permissions";
import type { YearPhase } from "@/domain/year-phases";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";

export type YearChoice = { id: string; year: number; phase: YearPhase; clusterId: string; clusterName: string };

/** The emulation years whose results the actor may see, newest first (admins: every cluster's). */
export async function resultYears(actor: Actor): Promise<YearChoice[]> {
  if (!roleMay(actor, "results.view")) return [];
  const where: Prisma.EmulationYearWhereInput = actor.role === "ADMIN" ? {} : actor.clusterId ? { clusterId: actor.clusterId } : { id: { in: [] } };
  const years = await prisma.emulationYear.findMany({
    where,
    orderBy: [{ cluster: { code: "asc" } }, { year: "desc" }],
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  });
  return years.map((y) => ({ id: y.id, year: y.year, phase: y.phase, clusterId: y.clusterId, clusterName: y.cluster.name }));
}
