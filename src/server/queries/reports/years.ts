import type { Prisma } from "@/generated/prisma/client";
import { roleMay, type Actor } from "@/domain/permissions";
import { P } from "@/domain/scoring/permissions";
import { compareVi } from "@/domain/vietnamese";
import { type YearPhase } from "@/domain/year-phases";
import { prisma } from "@/server/db";

export type YearChoice = { id: string; year: number; phase: YearPhase; clusterId: string; clusterName: string };

/** The emulation years of the actor's cluster (admin: every cluster), newest first. */
export async function yearChoices(actor: Actor): Promise<YearChoice[]> {
  if (!roleMay(actor, P.reportView) && !roleMay(actor, P.criteriaView)) return [];
  const where: Prisma.EmulationYearWhereInput = actor.role === "ADMIN" ? {} : actor.clusterId ? { clusterId: actor.clusterId } : { id: "00000000-0000-0000-0000-000000000000" };
  const years = await prisma.emulationYear.findMany({
    where,
    orderBy: [{ year: "desc" }],
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  });
  return years
    .filter((y) => actor.role === "ADMIN" || y.clusterId === actor.clusterId)
    .map((y) => ({ id: y.id, year: y.year, phase: y.phase as YearPhase, clusterId: y.clusterId, clusterName: y.cluster.name }))
    .sort((a, b) => compareVi(a.clusterName, b.clusterName) || b.year - a.year);
}
