import { can, type Actor } from "@/domain/permissions";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { officerTransfers } from "@/server/store/officer-transfers";
import { named } from "../guard";

export async function officerHistory(actor: Actor, officerId: string) {
  const officer = await named(officerId, (id) => prisma.officer.findUnique({
    where: { id },
    select: { id: true, fullName: true, unitId: true, unit: { select: { clusterId: true } } },
  }));
  const target = { unitId: officer.unitId, clusterId: officer.unit.clusterId };
  if (!can(actor, "officer.view", target) && !can(actor, "results.view", target)) notFound();
  const canOverride = can(actor, "registration.reopen", target);
  // The whole history, whichever unit each year was served in (its unit shown; docs/domain.md §11).
  const [years, initiatives, disciplines, commendations, closedYears, overrideYears, overrides, transfers] = await Promise.all([
    prisma.officerYearResult.findMany({
      where: { officerId },
      orderBy: { year: "desc" },
      select: {
        id: true,
        year: true,
        rating: true,
        awardedTitleCode: true,
        awardedTitle: { select: { name: true, shortName: true } },
        decisionNo: true,
        decisionDate: true,
        decisionSigner: true,
        verified: true,
        servedUnit: { select: { name: true } },
      },
    }),
    prisma.initiative.findMany({ where: { officerId }, orderBy: [{ year: "desc" }, { createdAt: "asc" }], include: { servedUnit: { select: { name: true } } } }),
    prisma.discipline.findMany({ where: { officerId }, orderBy: [{ fromDate: "desc" }, { createdAt: "asc" }] }),
    // The register's entries for the officer, revoked ones kept and marked (docs/domain.md §9).
    prisma.commendation.findMany({
      where: { officerId },
      orderBy: [{ year: "desc" }, { decisionDate: "desc" }],
      select: { id: true, year: true, form: true, level: true, decisionNo: true, decisionDate: true, decisionSigner: true, revokedAt: true, revokeReason: true, revokeDecisionNo: true },
    }),
    prisma.emulationYear.findMany({ where: { clusterId: officer.unit.clusterId, phase: "CLOSED" }, select: { year: true } }),
    // The secretariat may allow a refused registration (docs/domain.md §4 step 2) in an open year.
    canOverride
      ? prisma.emulationYear.findMany({ where: { clusterId: officer.unit.clusterId, phase: { not: "CLOSED" } }, orderBy: { year: "desc" }, select: { id: true, year: true } })
      : Promise.resolve([]),
    prisma.registrationOverride.findMany({
      where: { officerId },
      orderBy: { createdAt: "desc" },
      select: { id: true, titleCode: true, reason: true, createdByName: true, createdAt: true, emulationYear: { select: { year: true } } },
    }),
    officerTransfers(officerId),
  ]);
  return {
    officer: { id: officer.id, fullName: officer.fullName },
    years,
    initiatives,
    disciplines,
    commendations,
    closedYears: closedYears.map((y) => y.year),
    canManage: can(actor, "history.manage", target),
    overrideYears,
    overrides,
    transfers,
    canTransfer: can(actor, "officer.transfer", target),
  };
}
