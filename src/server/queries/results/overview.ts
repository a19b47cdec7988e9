import { resultsWindowError } from "@/domain/excel-rows";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { parseYearSettings } from "@/domain/year-settings";
import { isUuid } from "@/domain/validation";
import { prisma } from "@/server/db";
import { type TitleCount, pickYear, unitRows } from "./shared";
import { resultYears } from "./years";
import { notFound } from "@/server/errors";

export type UnitResultRow = {
  unitId: string;
  code: string;
  name: string;
  members: number;
  registered: TitleCount;
  registeredTotal: number;
  awarded: TitleCount;
  awardedTotal: number;
  rated: number;
  unverified: number;
  /** CSTĐCS or higher awarded, and the quota on the awarded CST base. */
  quota: { cst: number; cstdcs: number; allowed: number };
  unitTarget: { code: string; name: string } | null;
  unitRegistrationStatus: "DRAFT" | "SUBMITTED" | null;
  unitAwarded: { code: string; name: string; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null } | null;
};

/** Member units of a cluster the actor may see results of, in Vietnamese order. */
async function visibleUnits(actor: Actor, clusterId: string) {
  const units = await prisma.unit.findMany({
    where: { clusterId, parentId: null },
    orderBy: { sortKey: "asc" },
    select: { id: true, code: true, name: true, active: true, clusterId: true },
  });
  return units.filter((u) => can(actor, "results.view", { unitId: u.id, clusterId: u.clusterId }));
}

/** /results: the year picker and the per-unit table. */
export async function resultsOverview(actor: Actor, params: { yearId?: string }) {
  if (!roleMay(actor, "results.view")) notFound();
  const years = await resultYears(actor);
  const requested = params.yearId && isUuid(params.yearId) ? params.yearId : undefined;
  if (params.yearId && !requested) notFound();
  const chosen = pickYear(years, requested);
  if (requested && !chosen) notFound();
  if (!chosen) return { years, year: null, rows: [], canExportCluster: false, settings: null };
  const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: chosen.id }, select: { id: true, year: true, phase: true, settings: true, clusterId: true } });
  const units = await visibleUnits(actor, year.clusterId);
  if (units.length === 0) notFound();
  const rows = await unitRows(units, year);
  return {
    years,
    year: { ...chosen, resultsClosedReason: resultsWindowError(year) },
    rows,
    canExportCluster: can(actor, "registration.board", { clusterId: year.clusterId }),
    settings: parseYearSettings(year.settings),
  };
}
