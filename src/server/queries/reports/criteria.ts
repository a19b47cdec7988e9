import { can, roleMay, type Actor } from "@/domain/permissions";
import { P } from "@/domain/scoring/permissions";
import { isYearWritable, type YearPhase } from "@/domain/year-phases";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { prisma } from "@/server/db";
import { assertCan, named } from "../guard";
import { notFound } from "@/server/errors";

export async function criteriaIndex(actor: Actor) {
  if (!roleMay(actor, P.criteriaManage) || !actor.clusterId) notFound();
  assertCan(actor, P.criteriaManage, { clusterId: actor.clusterId });
  const years = await prisma.emulationYear.findMany({
    where: { clusterId: actor.clusterId },
    orderBy: { year: "desc" },
    select: {
      id: true,
      year: true,
      phase: true,
      criteriaTable: { select: { id: true, publishedAt: true, frozenAt: true, version: true, _count: { select: { criteria: true, sections: true } } } },
    },
  });
  return years.map((y) => ({ ...y, phase: y.phase as YearPhase }));
}

export async function criteriaEditor(actor: Actor, yearId: string) {
  const y = await named(yearId, (id) => prisma.emulationYear.findUnique({
    where: { id },
    select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } },
  }));
  assertCan(actor, P.criteriaManage, { clusterId: y.clusterId });
  const table: LoadedTable | null = await loadTable(prisma, { emulationYearId: y.id });
  const [previous, amendments, reportsSubmitted] = await Promise.all([
    prisma.emulationYear.findFirst({
      where: { clusterId: y.clusterId, year: { lt: y.year }, criteriaTable: { isNot: null } },
      orderBy: { year: "desc" },
      select: { year: true },
    }),
    table ? prisma.criteriaAmendment.findMany({ where: { tableId: table.id }, orderBy: { at: "desc" }, take: 100 }) : [],
    prisma.unitReport.count({ where: { emulationYearId: y.id, submissionCount: { gt: 0 } } }),
  ]);
  return {
    year: { id: y.id, year: y.year, phase: y.phase as YearPhase, clusterName: y.cluster.name, writable: isYearWritable(y.phase as YearPhase) },
    table,
    previousYearWithTable: previous?.year ?? null,
    amendments,
    reportsSubmitted,
  };
}

/** The criteria table of a year for anyone in the cluster (units read it before drafting). */
export async function criteriaForReading(actor: Actor, yearId: string) {
  const year = await named(yearId, (id) => prisma.emulationYear.findUnique({ where: { id }, select: { id: true, year: true, clusterId: true } }));
  assertCan(actor, P.criteriaView, { clusterId: year.clusterId });
  const table = await loadTable(prisma, { emulationYearId: year.id });
  if (!table || (!table.publishedAt && !can(actor, P.criteriaManage, { clusterId: year.clusterId }))) notFound();
  return { year, table };
}
