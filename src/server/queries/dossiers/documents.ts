// What the dossier's documents and the year's award files read (issue 14, docs/domain.md §9). A
// dossier's documents are read through the dossier page's own query (same scope, same filtering: a
// member unit sees a published dossier and only its own objections); the tờ trình is the secretariat's
// and the Ministry's only. The decision register and the statistics of a year cover the clusters the
// actor sees whole ("dossier.view"): the secretariat its own, the Ministry office and the admin all.
import { can, roleMay, type Actor } from "@/domain/permissions";
import type { StatisticsCounts } from "@/domain/awards";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { dossierScope } from "@/server/store/dossiers";
import { assertCan } from "../guard";
import { dossierDetail } from "./detail";

export const DOSSIER_DOCUMENTS = ["memo", "collectives", "individuals", "notice", "objections"] as const;
export type DossierDocumentKind = (typeof DOSSIER_DOCUMENTS)[number];
/** The documents' names, as links and file names show them. */
export const DOSSIER_DOCUMENT_NAMES: Record<DossierDocumentKind, string> = {
  memo: "Tờ trình đề nghị khen thưởng",
  collectives: "Danh sách tập thể đề nghị khen thưởng",
  individuals: "Danh sách cá nhân đề nghị khen thưởng",
  notice: "Thông báo công khai",
  objections: "Ý kiến và trả lời",
};
export const isDossierDocument = (s: string): s is DossierDocumentKind => (DOSSIER_DOCUMENTS as readonly string[]).includes(s);

export async function dossierDocumentData(actor: Actor, dossierId: string, kind: DossierDocumentKind) {
  if (kind === "memo") assertCan(actor, "dossier.view", await dossierScope(prisma, dossierId));
  const detail = await dossierDetail(actor, dossierId);
  const extra = await prisma.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    select: { disclosedAt: true, emulationYear: { select: { chairUnit: { select: { name: true } }, cluster: { select: { block: { select: { name: true } } } } } } },
  });
  return {
    ...detail,
    disclosedAt: extra.disclosedAt,
    chairUnitName: extra.emulationYear.chairUnit?.name ?? null,
    blockName: extra.emulationYear.cluster.block.name,
  };
}
export type DossierDocumentData = Awaited<ReturnType<typeof dossierDocumentData>>;

/** The clusters whose year `year` the actor sees whole; none → not found. */
async function viewableClusters(actor: Actor, year: number) {
  if (!roleMay(actor, "dossier.view") || !Number.isInteger(year) || year < 2000 || year > 2100) notFound();
  const years = await prisma.emulationYear.findMany({ where: { year }, select: { id: true, clusterId: true, cluster: { select: { name: true } } }, orderBy: { cluster: { code: "asc" } } });
  const seen = years.filter((y) => can(actor, "dossier.view", { clusterId: y.clusterId }));
  if (!seen.length) notFound();
  return seen;
}

/**
 * The decision register (sổ quyết định) of an emulation year: the Ministry's decisions recorded on the
 * clusters' dossiers, with what each approved; then the decisions entered outside the dossier flow
 * (commendations in the register, titles on the results), grouped by number.
 */
export async function decisionRegister(actor: Actor, year: number) {
  const years = await viewableClusters(actor, year);
  const clusterIds = years.map((y) => y.clusterId);
  const yearIds = years.map((y) => y.id);
  const clusterName = new Map(years.map((y) => [y.clusterId, y.cluster.name]));
  const decisions = await prisma.awardDecision.findMany({
    where: { dossier: { emulationYearId: { in: yearIds } } },
    orderBy: [{ date: "asc" }, { number: "asc" }],
    select: {
      id: true, number: true, date: true, signer: true, level: true, fileName: true, recordedAt: true, recordedByName: true,
      dossier: { select: { emulationYear: { select: { clusterId: true } } } },
      items: {
        where: { status: "APPROVED" },
        orderBy: [{ kind: "asc" }, { addedAt: "asc" }],
        select: { kind: true, titleCode: true, commendationForm: true, unit: { select: { name: true } }, officer: { select: { fullName: true, rank: true } }, title: { select: { name: true } } },
      },
    },
  });
  const inCluster = { OR: [{ unit: { clusterId: { in: clusterIds } } }, { officer: { unit: { clusterId: { in: clusterIds } } } }] };
  const [manualCommendations, unitTitles, officerTitles] = await Promise.all([
    prisma.commendation.groupBy({ by: ["decisionNo", "decisionDate", "decisionSigner", "level"], where: { year, decisionId: null, ...inCluster }, _count: { _all: true }, orderBy: [{ decisionDate: "asc" }] }),
    prisma.unitYearResult.groupBy({ by: ["decisionNo", "decisionDate", "decisionSigner"], where: { emulationYearId: { in: yearIds }, decisionId: null, decisionNo: { not: null } }, _count: { _all: true } }),
    prisma.officerYearResult.groupBy({ by: ["decisionNo", "decisionDate", "decisionSigner"], where: { year, decisionId: null, decisionNo: { not: null }, servedUnit: { clusterId: { in: clusterIds } } }, _count: { _all: true } }),
  ]);
  return {
    year,
    clusters: years.map((y) => y.cluster.name),
    decisions: decisions.map((d) => ({ ...d, clusterName: clusterName.get(d.dossier.emulationYear.clusterId) ?? "" })),
    outside: [
      ...manualCommendations.map((c) => ({ number: c.decisionNo, date: c.decisionDate, signer: c.decisionSigner, what: `${c._count._all} khen thưởng (${c.level})` })),
      ...unitTitles.map((c) => ({ number: c.decisionNo!, date: c.decisionDate, signer: c.decisionSigner ?? "", what: `${c._count._all} danh hiệu tập thể` })),
      ...officerTitles.map((c) => ({ number: c.decisionNo!, date: c.decisionDate, signer: c.decisionSigner ?? "", what: `${c._count._all} danh hiệu cá nhân` })),
    ].sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0) || a.number.localeCompare(b.number)),
  };
}
export type DecisionRegister = Awaited<ReturnType<typeof decisionRegister>>;

const toMap = (rows: { key: string | null; n: number }[]) => new Map(rows.map((r) => [r.key ?? "", r.n]));

/** The year's counts for the statistics workbook: awarded (not revoked) titles and commendations, overall and per cluster. */
export async function awardStatistics(actor: Actor, year: number) {
  const years = await viewableClusters(actor, year);
  const perCluster: { clusterName: string; counts: StatisticsCounts }[] = [];
  for (const y of years) perCluster.push({ clusterName: y.cluster.name, counts: await clusterCounts(y.id, y.clusterId, year) });
  const total: StatisticsCounts = { unitTitles: new Map(), officerTitles: new Map(), unitCommendations: new Map(), officerCommendations: new Map(), revoked: 0 };
  for (const { counts } of perCluster) {
    for (const key of ["unitTitles", "officerTitles", "unitCommendations", "officerCommendations"] as const) for (const [k, n] of counts[key]) total[key].set(k, (total[key].get(k) ?? 0) + n);
    total.revoked += counts.revoked;
  }
  return { year, total, perCluster };
}

async function clusterCounts(yearId: string, clusterId: string, year: number): Promise<StatisticsCounts> {
  const [unitTitles, officerTitles, unitCommendations, officerCommendations, revoked] = await Promise.all([
    prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT "awardedTitleCode" AS key, count(*)::int AS n FROM "UnitYearResult" WHERE "emulationYearId" = ${yearId}::uuid AND "awardedTitleCode" IS NOT NULL GROUP BY 1`,
    prisma.$queryRaw<{ key: string; n: number }[]>`
      SELECT r."awardedTitleCode" AS key, count(*)::int AS n FROM "OfficerYearResult" r JOIN "Unit" u ON u.id = r."unitId"
      WHERE r.year = ${year} AND u."clusterId" = ${clusterId}::uuid AND r."awardedTitleCode" IS NOT NULL GROUP BY 1`,
    prisma.$queryRaw<{ key: string | null; n: number }[]>`
      SELECT c."formCode" AS key, count(*)::int AS n FROM "Commendation" c JOIN "Unit" u ON u.id = c."unitId"
      WHERE c.year = ${year} AND u."clusterId" = ${clusterId}::uuid AND c."officerId" IS NULL AND c."revokedAt" IS NULL GROUP BY 1`,
    prisma.$queryRaw<{ key: string | null; n: number }[]>`
      SELECT c."formCode" AS key, count(*)::int AS n FROM "Commendation" c JOIN "Officer" o ON o.id = c."officerId" JOIN "Unit" u ON u.id = o."unitId"
      WHERE c.year = ${year} AND u."clusterId" = ${clusterId}::uuid AND c."revokedAt" IS NULL GROUP BY 1`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT ((SELECT count(*) FROM "UnitYearResult" WHERE "emulationYearId" = ${yearId}::uuid AND "revokedAt" IS NOT NULL)
        + (SELECT count(*) FROM "OfficerYearResult" r JOIN "Unit" u ON u.id = r."unitId" WHERE r.year = ${year} AND u."clusterId" = ${clusterId}::uuid AND r."revokedAt" IS NOT NULL)
        + (SELECT count(*) FROM "Commendation" c LEFT JOIN "Officer" o ON o.id = c."officerId" JOIN "Unit" u ON u.id = coalesce(o."unitId", c."unitId") WHERE c.year = ${year} AND u."clusterId" = ${clusterId}::uuid AND c."revokedAt" IS NOT NULL))::int AS n`,
  ]);
  return { unitTitles: toMap(unitTitles), officerTitles: toMap(officerTitles), unitCommendations: toMap(unitCommendations), officerCommendations: toMap(officerCommendations), revoked: revoked[0]?.n ?? 0 };
}
