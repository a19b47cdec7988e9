// The home page for the acting user: their unit, cluster and the cluster's latest year, and their to-do
// list (src/domain/todo.ts) built from the facts loaded here. Everything read is the actor's own: their
// unit (unit officers and heads), their cluster (the secretariat), their notifications; the admin's
// facts are Ministry-wide (e-mail deliveries, holidays). A fixed number of statements per role,
// whatever the number of years, units or officers (officer counts come from the maintained summaries).
import type { Actor } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { todoList, type ClusterYearFacts, type ReportKind, type TodoFacts, type UnitYearFacts, type YearFacts } from "@/domain/todo";
import { parseYearSettings } from "@/domain/year-settings";
import { appNow } from "@/server/clock";
import { prisma } from "@/server/db";

type YearRow = { id: string; year: number; phase: YearFacts["phase"]; settings: unknown; chairUnit: { name: string } | null };

export async function homeSummary(actor: Actor, now = appNow()) {
  const [unit, cluster, years, unread] = await Promise.all([
    actor.unitId ? prisma.unit.findUnique({ where: { id: actor.unitId }, select: { name: true } }) : null,
    actor.clusterId ? prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { name: true } }) : null,
    actor.clusterId
      ? prisma.emulationYear.findMany({
          where: { clusterId: actor.clusterId },
          orderBy: { year: "desc" },
          select: { id: true, year: true, phase: true, settings: true, chairUnit: { select: { name: true } } },
        })
      : ([] as YearRow[]),
    prisma.notification.count({ where: { userId: actor.userId, readAt: null } }),
  ]);

  const open = years.filter((y) => y.phase !== "CLOSED").reverse();
  const openYears: YearFacts[] = open.map((y) => {
    const s = parseYearSettings(y.settings);
    return {
      id: y.id,
      year: y.year,
      phase: y.phase,
      deadlines: { registration: s.registrationDeadline, midyearReport: s.midyearReportDeadline, report: s.reportDeadline, conference: s.conferenceDate },
    };
  });
  const facts: TodoFacts = { role: actor.role, now, openYears, latestYear: years[0]?.year ?? null, unreadNotifications: unread };
  if ((actor.role === "UNIT_OFFICER" || actor.role === "UNIT_HEAD") && actor.unitId && openYears.length) {
    const byYear = await unitFacts(actor.unitId, openYears, actor.role === "UNIT_HEAD");
    for (const y of openYears) y.unit = byYear.get(y.id);
  }
  if (actor.role === "SECRETARIAT" && actor.clusterId && openYears.length) {
    const byYear = await clusterFacts(actor.clusterId, openYears);
    for (const y of openYears) y.cluster = byYear.get(y.id);
  }
  if (actor.role === "ADMIN") facts.admin = await adminFacts(now);

  const latest = years[0];
  return {
    unitName: unit?.name ?? null,
    clusterName: cluster?.name ?? null,
    year: latest && {
      year: latest.year,
      phase: latest.phase,
      chairName: latest.chairUnit?.name ?? null,
      registrationDeadline: parseYearSettings(latest.settings).registrationDeadline,
    },
    todos: todoList(facts),
    now,
  };
}

export type HomeSummary = Awaited<ReturnType<typeof homeSummary>>;

/** The actor's unit in each open year: six statements, whatever the number of years. */
async function unitFacts(unitId: string, years: YearFacts[], head: boolean): Promise<Map<string, UnitYearFacts>> {
  const yearIds = years.map((y) => y.id);
  const [registrations, officerCount, tallies, reports, sheets, rounds] = await Promise.all([
    prisma.unitRegistration.findMany({
      where: { unitId, emulationYearId: { in: yearIds } },
      select: { emulationYearId: true, status: true, targetTitleCode: true, agreementSignedOn: true, reopenedUntil: true },
    }),
    prisma.unitOfficerCount.findUnique({ where: { unitId }, select: { active: true } }),
    prisma.unitTitleTally.groupBy({ by: ["year"], where: { unitId, year: { in: years.map((y) => y.year) } }, _sum: { registered: true } }),
    prisma.unitReport.findMany({
      where: { unitId, emulationYearId: { in: yearIds } },
      select: { id: true, emulationYearId: true, kind: true, status: true, savedAt: true, returnReason: true },
    }),
    prisma.crossAssignment.findMany({
      where: { scorerUnitId: unitId, submittedAt: null, round: { state: "OPEN", emulationYearId: { in: yearIds } } },
      select: { round: { select: { emulationYearId: true } } },
    }),
    head
      ? prisma.voteRound.findMany({
          where: { state: "OPEN", emulationYearId: { in: yearIds }, participations: { none: { unitId } } },
          select: { id: true, title: true, emulationYearId: true },
          orderBy: [{ openedAt: "asc" }, { id: "asc" }],
        })
      : [],
  ]);
  const active = officerCount?.active ?? 0;
  return new Map(
    years.map((y) => {
      const reg = registrations.find((r) => r.emulationYearId === y.id);
      const registered = tallies.find((t) => t.year === y.year)?._sum.registered ?? 0;
      const own: Partial<Record<ReportKind, UnitYearFacts["reports"][ReportKind]>> = {};
      for (const r of reports.filter((x) => x.emulationYearId === y.id)) {
        own[r.kind] = { id: r.id, status: r.status, drafted: r.savedAt !== null, returnReason: r.returnReason };
      }
      return [
        y.id,
        {
          registration: {
            status: reg?.status ?? null,
            hasTargetTitle: !!reg?.targetTitleCode,
            agreementSigned: !!reg?.agreementSignedOn,
            reopenedUntil: reg?.reopenedUntil ?? null,
          },
          officers: { active, registered: Math.min(registered, active) },
          reports: own,
          pendingCrossSheets: sheets.filter((s) => s.round.emulationYearId === y.id).length,
          roundsToVote: rounds.filter((r) => r.emulationYearId === y.id).map(({ id, title }) => ({ id, title })),
        },
      ];
    }),
  );
}

/** The secretariat's cluster in each open year: five statements, whatever the number of years. */
async function clusterFacts(clusterId: string, years: YearFacts[]): Promise<Map<string, ClusterYearFacts>> {
  const yearIds = years.map((y) => y.id);
  const member = { clusterId, parentId: null, active: true };
  const [units, submitted, reports, scoring, rounds] = await Promise.all([
    prisma.unit.count({ where: member }),
    prisma.unitRegistration.groupBy({ by: ["emulationYearId"], where: { emulationYearId: { in: yearIds }, status: "SUBMITTED", unit: member }, _count: { _all: true } }),
    prisma.unitReport.findMany({
      where: { emulationYearId: { in: yearIds }, status: { in: ["SUBMITTED", "ACCEPTED"] } },
      select: { id: true, emulationYearId: true, kind: true, status: true, unit: { select: { name: true, sortKey: true } } },
    }),
    prisma.scoringRound.findMany({
      where: { emulationYearId: { in: yearIds } },
      select: { emulationYearId: true, state: true, _count: { select: { assignments: { where: { submittedAt: null } } } } },
    }),
    prisma.voteRound.findMany({
      where: { emulationYearId: { in: yearIds } },
      select: { id: true, title: true, state: true, emulationYearId: true, _count: { select: { participations: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return new Map(
    years.map((y) => {
      const ofYear = reports.filter((r) => r.emulationYearId === y.id).sort((a, b) => (a.unit.sortKey < b.unit.sortKey ? -1 : a.unit.sortKey > b.unit.sortKey ? 1 : 0));
      const reportsOf = (kind: ReportKind) => {
        const mine = ofYear.filter((r) => r.kind === kind);
        return {
          delivered: mine.length,
          accepted: mine.filter((r) => r.status === "ACCEPTED").length,
          toReview: mine.filter((r) => r.status === "SUBMITTED").map((r) => ({ id: r.id, unitName: r.unit.name })),
        };
      };
      const round = scoring.find((s) => s.emulationYearId === y.id);
      return [
        y.id,
        {
          units,
          registrationsSubmitted: submitted.find((s) => s.emulationYearId === y.id)?._count._all ?? 0,
          reports: { MIDYEAR: reportsOf("MIDYEAR"), YEAR_END: reportsOf("YEAR_END") },
          scoring: round ? { state: round.state, pendingSheets: round._count.assignments } : null,
          rounds: rounds.filter((r) => r.emulationYearId === y.id).map((r) => ({ id: r.id, title: r.title, state: r.state, voted: r._count.participations })),
        },
      ];
    }),
  );
}

/** E-mails that failed for good, and the holidays recorded for this year and the next. */
async function adminFacts(now: Date): Promise<NonNullable<TodoFacts["admin"]>> {
  const thisYear = Number(vietnamToday(now).slice(0, 4));
  const [failedDeliveries, holidays] = await Promise.all([
    prisma.emailDelivery.count({ where: { status: "FAILED" } }),
    prisma.holiday.findMany({
      where: { date: { gte: new Date(`${thisYear}-01-01T00:00:00Z`), lt: new Date(`${thisYear + 2}-01-01T00:00:00Z`) } },
      select: { date: true },
    }),
  ]);
  const count = (year: number) => holidays.filter((h) => h.date.getUTCFullYear() === year).length;
  return { failedDeliveries, holidays: [thisYear, thisYear + 1].map((year) => ({ year, count: count(year) })) };
}
