import { checkQuota, type QuotaCheck } from "@/domain/eligibility";
import { rulesForYear } from "@/server/store/title-rules";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { registrationPercent, registrationWindow, type RegistrationWindow } from "@/domain/registration-window";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { type TitleOption, titleOptions } from "./titles";
import { currentYearOf, registrationSelect, countsFrom } from "./shared";
import { notFound } from "@/server/errors";
import { appNow } from "@/server/clock";

export type BoardRow = {
  unitId: string;
  unitCode: string;
  unitName: string;
  officers: number;
  registered: number;
  cstdcs: number;
  percent: number;
  quota: QuotaCheck;
  status: "DRAFT" | "SUBMITTED" | null;
  submittedAt: Date | null;
  window: RegistrationWindow;
  targetTitle: TitleOption | null;
  agreementSignedOn: Date | null;
  agreementSigner: string | null;
  hasAgreementFile: boolean;
  unitRegistrationId: string | null;
};

export type RegistrationBoard = Awaited<ReturnType<typeof registrationBoard>>;

/**
 * Every member unit of a cluster for its current year: officers registered / active officers (the
 * 100% figure), CSTĐCS against the quota, the unit's target title, submitted or not, the agreement.
 * A fixed number of queries for any number of units (grouped counts, never one query per unit).
 */
export async function registrationBoard(actor: Actor, params: { cluster?: string } = {}, now = appNow()) {
  if (!roleMay(actor, "registration.board")) notFound();
  const clusters = await prisma.cluster.findMany({
    where: actor.role === "ADMIN" ? {} : { id: actor.clusterId ?? "00000000-0000-0000-0000-000000000000" },
    orderBy: { code: "asc" },
    select: { id: true, code: true, name: true },
  });
  const visible = clusters.filter((c) => can(actor, "registration.board", { clusterId: c.id }));
  const cluster = params.cluster ? visible.find((c) => c.id === params.cluster) : visible[0];
  if (params.cluster && !cluster) notFound();
  const empty = { clusters: visible, rows: [] as BoardRow[], totals: { officers: 0, registered: 0, percent: 0, submitted: 0, units: 0, overQuota: 0 } };
  if (!cluster) return { ...empty, cluster: null, year: null };
  assertCan(actor, "registration.board", { clusterId: cluster.id });

  const [year, titles, units] = await Promise.all([
    currentYearOf(cluster.id),
    titleOptions(),
    prisma.unit.findMany({
      where: { clusterId: cluster.id, parentId: null, active: true },
      orderBy: { sortKey: "asc" },
      select: { id: true, code: true, name: true },
    }),
  ]);
  if (!year) return { ...empty, cluster, year: null };
  const ids = units.map((u) => u.id);
  const settings = eligibilitySettingsOf(year.settings);
  const rules = await rulesForYear(year.year);

  const [officerGroups, registrationGroups, registrations] = await Promise.all([
    prisma.officer.groupBy({ by: ["unitId"], where: { unitId: { in: ids }, active: true }, _count: { _all: true } }),
    prisma.officerRegistration.groupBy({
      by: ["unitId", "titleCode"],
      where: { emulationYearId: year.id, unitId: { in: ids }, officer: { active: true } },
      _count: { _all: true },
    }),
    prisma.unitRegistration.findMany({ where: { emulationYearId: year.id, unitId: { in: ids } }, select: { ...registrationSelect, unitId: true } }),
  ]);
  const officersOf = new Map(officerGroups.map((g) => [g.unitId, g._count._all]));
  const groupsOf = new Map<string, { titleCode: string; n: number }[]>();
  for (const g of registrationGroups) {
    const list = groupsOf.get(g.unitId) ?? [];
    list.push({ titleCode: g.titleCode, n: g._count._all });
    groupsOf.set(g.unitId, list);
  }
  const registrationOf = new Map(registrations.map((r) => [r.unitId, r]));
  const allTitles = new Map([...titles.individual, ...titles.collective].map((t) => [t.code, t]));

  const rows: BoardRow[] = units.map((u) => {
    const counts = countsFrom(groupsOf.get(u.id) ?? []);
    const officers = officersOf.get(u.id) ?? 0;
    const reg = registrationOf.get(u.id);
    const status = (reg?.status ?? null) as BoardRow["status"];
    return {
      unitId: u.id,
      unitCode: u.code,
      unitName: u.name,
      officers,
      registered: counts.registered,
      cstdcs: counts.cstdcs,
      percent: registrationPercent(counts.registered, officers),
      quota: checkQuota({ cstCount: counts.registered, cstdcsCount: counts.cstdcs }, settings, rules),
      status,
      submittedAt: reg?.submittedAt ?? null,
      window: registrationWindow({
        phase: year.phase,
        deadline: year.settings.registrationDeadline,
        status,
        reopenedUntil: reg?.reopenedUntil ?? null,
        now,
      }),
      targetTitle: reg?.targetTitleCode ? (allTitles.get(reg.targetTitleCode) ?? { code: reg.targetTitleCode, name: reg.targetTitleCode, shortName: reg.targetTitleCode }) : null,
      agreementSignedOn: reg?.agreementSignedOn ?? null,
      agreementSigner: reg?.agreementSigner ?? null,
      hasAgreementFile: reg?.agreementFileName != null,
      unitRegistrationId: reg?.id ?? null,
    };
  });
  const officers = rows.reduce((s, r) => s + r.officers, 0);
  const registered = rows.reduce((s, r) => s + r.registered, 0);
  return {
    clusters: visible,
    cluster,
    year: { id: year.id, year: year.year, phase: year.phase, registrationDeadline: year.settings.registrationDeadline, settings },
    rows,
    totals: {
      units: rows.length,
      officers,
      registered,
      percent: registrationPercent(registered, officers),
      submitted: rows.filter((r) => r.status === "SUBMITTED").length,
      overQuota: rows.filter((r) => r.quota.verdict === "OVER").length,
    },
  };
}
