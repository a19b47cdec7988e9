import { can, type Actor } from "@/domain/permissions";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { officerTransfers } from "@/server/store/officer-transfers";
import { named } from "../guard";

const LATE_SELECT = { decisionNo: true, decisionDate: true, decisionSigner: true, reason: true, recordedAt: true, recordedByName: true } as const;

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
        // A revoked title stays on the row, marked (docs/domain.md §9).
        revokedTitleCode: true,
        revokeDecisionNo: true,
      },
    }),
    // A record of a closed year entered later through the amendment carries its LateRecord (docs/domain.md §4 step 8).
    prisma.initiative.findMany({ where: { officerId }, orderBy: [{ year: "desc" }, { createdAt: "asc" }], include: { servedUnit: { select: { name: true } }, lateRecord: { select: LATE_SELECT } } }),
    prisma.discipline.findMany({ where: { officerId }, orderBy: [{ fromDate: "desc" }, { createdAt: "asc" }], include: { lateRecord: { select: LATE_SELECT } } }),
    // The register's entries for the officer, revoked ones kept and marked (docs/domain.md §9).
    prisma.commendation.findMany({
      where: { officerId },
      orderBy: [{ year: "desc" }, { decisionDate: "desc" }],
      select: { id: true, year: true, form: true, level: true, decisionNo: true, decisionDate: true, decisionSigner: true, revokedAt: true, revokeReason: true, revokeDecisionNo: true },
    }),
    prisma.emulationYear.findMany({ where: { clusterId: officer.unit.clusterId, phase: "CLOSED" }, orderBy: { year: "desc" }, select: { id: true, year: true } }),
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
  const revokedCodes = [...new Set(years.flatMap((y) => (y.revokedTitleCode ? [y.revokedTitleCode] : [])))];
  const revokedNames = new Map(
    revokedCodes.length ? (await prisma.titleDefinition.findMany({ where: { code: { in: revokedCodes } }, select: { code: true, name: true } })).map((t) => [t.code, t.name]) : [],
  );
  return {
    officer: { id: officer.id, fullName: officer.fullName },
    years: years.map((y) => ({ ...y, revokedTitle: y.revokedTitleCode ? { name: revokedNames.get(y.revokedTitleCode) ?? y.revokedTitleCode } : null })),
    initiatives,
    disciplines,
    commendations,
    closedYears: closedYears.map((y) => y.year),
    closedYearRows: closedYears,
    canManage: can(actor, "history.manage", target),
    /** The secretariat (or an admin) may record a closed year's late initiative or discipline by amendment. */
    canAmend: can(actor, "year.amend", target),
    overrideYears,
    overrides,
    transfers,
    canTransfer: can(actor, "officer.transfer", target),
  };
}
