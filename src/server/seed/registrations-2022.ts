// Demo registrations (docs/domain.md §4 step 2). planUnitRegistrations plans a unit's registrations by
// the rules engine; every generated year of the demo registers with it (later-years.ts, open-year.ts).
// seedRegistrations2022 keeps the registrations of the 2022 story as the demo once had them, part-way
// through (three units submitted, one drafting, the chair unit with only its agreement), for the tests
// of the planner on a small world (tests/integration/registration.test.ts); the demo no longer calls it.
//
// The registrations follow the rules engine on whatever history is in the database when this runs
// (the 2019–2021 history is seeded before it): an officer under discipline that counts against 2022 is
// not registered; CSTĐ CAND (or CSTĐ toàn quốc) only for officers the engine finds eligible; CSTĐCS
// places within the unit's quota; each unit's own target is a collective title the engine finds
// eligible on those registrations. Deterministic: the same history gives the same registrations.
import {
  computeFacts,
  cstdcsAllowed,
  evaluateUnit,
  evaluateUnitRegistrations,
  REGISTRATION,
  type CollectiveTitle,
  type IndividualTitle,
  type EligibilitySettings,
  type MemberDiscipline,
  type OfficerProposal,
  type RegistrationOfficer,
} from "@/domain/eligibility";
import { parseYearSettings } from "@/domain/year-settings";
import type { Tx } from "@/server/db";
import { loadUnitEligibilityData } from "@/server/store/eligibility-data";
import { eligibilitySettingsOf } from "@/domain/year-settings";

export type DemoRegistrationPlan = {
  status: "SUBMITTED" | "DRAFT" | "NOT_STARTED";
  /** Share of the eligible officers registered (drafts are partial). */
  share: number;
  /** CSTĐCS places left unused (a unit rarely fills its quota to the last place). */
  spare: number;
  /** The collective titles the unit aims at, preferred first; the first one the engine accepts is taken. */
  targets: CollectiveTitle[];
  /** Vietnam time. */
  submittedAt?: string;
  agreementSignedOn: string;
};

/** By unit code (DEMO_UNITS in demo.ts). */
export const REGISTRATIONS_2022: Record<string, DemoRegistrationPlan> = {
  // The 2021 chair aims at the Ministry's flag again.
  ANM: { status: "SUBMITTED", share: 1, spare: 0, targets: ["CO_BCA", "DV_QUYET_THANG", "DV_TIEN_TIEN"], submittedAt: "2022-03-22T09:30:00", agreementSignedOn: "2022-01-18" },
  QLXNC: { status: "SUBMITTED", share: 1, spare: 1, targets: ["DV_QUYET_THANG", "DV_TIEN_TIEN"], submittedAt: "2022-03-25T15:10:00", agreementSignedOn: "2022-01-18" },
  BTLCV: { status: "SUBMITTED", share: 1, spare: 2, targets: ["DV_QUYET_THANG", "DV_TIEN_TIEN"], submittedAt: "2022-03-30T10:45:00", agreementSignedOn: "2022-01-18" },
  NT: { status: "DRAFT", share: 0.6, spare: 3, targets: ["DV_TIEN_TIEN"], agreementSignedOn: "2022-01-18" },
  KTNV: { status: "NOT_STARTED", share: 0, spare: 0, targets: [], agreementSignedOn: "2022-01-18" },
};

type UnitOutcome = { code: string; status: "SUBMITTED" | "DRAFT" | "NOT_STARTED"; officers: number; registered: number; cstdcs: number; target: CollectiveTitle | null };

export type PlannedUnitRegistrations = {
  /** One title per registered officer, in code order. */
  proposals: OfficerProposal[];
  /** The unit's own target: the first preferred title the engine finds eligible; null when none is. */
  target: CollectiveTitle | null;
  cstCount: number;
  cstdcsCount: number;
};

/**
 * A unit's registrations as the rules engine (REGISTRATION stage) allows them on the officers' history:
 * the first `share` of the officers it lets register (by code); CSTĐCS places within the quota less
 * `spare`, first to those on a CSTĐ CAND (or toàn quốc) path, then last year's CSTĐCS, then last year's
 * initiatives (ties by code), each at the highest title the engine finds eligible; the unit's target,
 * the first of `targets` the engine accepts on those registrations. Throws if the set breaks a rule.
 * Pure: the demo years (registrations-2022.ts, later-years.ts, open-year.ts) all plan with it.
 */
export function planUnitRegistrations(
  officers: readonly (RegistrationOfficer & { code: string; name?: string })[],
  plan: Pick<DemoRegistrationPlan, "share" | "spare" | "targets"> & {
    /** At most this many registered for CSTĐ toàn quốc / CSTĐ CAND (the next ones take the title below); default: no limit. */
    atMost?: { CSTD_TQ?: number; CSTD_CAND?: number };
  },
  settings: EligibilitySettings,
  year: number,
  unitLabel = "",
): PlannedUnitRegistrations {
  const facts = new Map(officers.map((o) => [o.officerId, computeFacts(o.history, year, settings, REGISTRATION)]));

  // Everyone the engine lets register for CST (no discipline counting against the year), by code.
  const eligible = officers.filter((o) => facts.get(o.officerId)!.statuses[0] === "ELIGIBLE").sort((a, b) => (a.code < b.code ? -1 : 1));
  const chosen = eligible.slice(0, Math.floor(eligible.length * plan.share));
  const places = Math.max(0, cstdcsAllowed(chosen.length, settings.cstdcsQuotaPercent) - plan.spare);
  // CSTĐCS places: first those on a CSTĐ CAND (or toàn quốc) path, then last year's CSTĐCS, then
  // last year's initiatives; ties by code.
  const score = (officerId: string) => {
    const f = facts.get(officerId)!;
    const last = f.window[1];
    return (
      (f.statuses[3] === "ELIGIBLE" ? 1000 : 0) +
      (f.statuses[2] === "ELIGIBLE" ? 100 : 0) +
      (last?.awardedTitle && last.awardedTitle !== "CST" ? 10 : 0) +
      (f.history.initiatives.some((i) => i.year === year - 1) ? 1 : 0)
    );
  };
  const ranked = chosen
    .filter((o) => facts.get(o.officerId)!.statuses[1] === "ELIGIBLE")
    .map((o) => ({ o, s: score(o.officerId) }))
    .sort((a, b) => b.s - a.s || (a.o.code < b.o.code ? -1 : 1))
    .slice(0, places);
  const higher = new Map<string, IndividualTitle>();
  const left = { CSTD_TQ: plan.atMost?.CSTD_TQ ?? Infinity, CSTD_CAND: plan.atMost?.CSTD_CAND ?? Infinity };
  for (const { o } of ranked) {
    const s = facts.get(o.officerId)!.statuses;
    const title: IndividualTitle = s[3] === "ELIGIBLE" && left.CSTD_TQ > 0 ? "CSTD_TQ" : s[2] === "ELIGIBLE" && left.CSTD_CAND > 0 ? "CSTD_CAND" : "CSTDCS";
    if (title !== "CSTDCS") left[title]--;
    higher.set(o.officerId, title);
  }
  const proposals: OfficerProposal[] = chosen.map((o) => ({ officerId: o.officerId, title: higher.get(o.officerId) ?? "CST" }));

  // The engine must accept the whole set: every proposal eligible, the quota kept.
  const check = evaluateUnitRegistrations(officers, proposals, settings, { year });
  if (check.quota.verdict === "OVER" || check.counts.eligible !== check.counts.registered) {
    throw new Error(`Demo registrations ${year} of ${unitLabel} break the rules: ${check.quota.message}`);
  }

  // The unit's own target: the first preferred title the engine finds eligible on these registrations.
  const disciplines: MemberDiscipline[] = officers.flatMap((o) => o.history.disciplines.map((record) => ({ officerId: o.officerId, officerName: o.name, record })));
  const unitEvaluation = evaluateUnit(
    {
      unitId: unitLabel || "unit",
      members: { memberCount: officers.length, cstCount: check.quota.cstCount, cstdcsCount: check.quota.cstdcsCount, ratingCounts: {}, disciplines },
    },
    year,
    settings,
    REGISTRATION,
  );
  const target = plan.targets.find((t) => unitEvaluation.results.find((r) => r.title === t)?.status === "ELIGIBLE") ?? null;
  return { proposals, target, cstCount: check.quota.cstCount, cstdcsCount: check.quota.cstdcsCount };
}

/**
 * Seeds the 2022 registrations of the demo units (by code in `ctx.unitIds`; codes not in the plan are
 * left alone). Call inside the demo transaction, after the officers' history has been seeded.
 */
export async function seedRegistrations2022(
  tx: Tx,
  ctx: { yearId: string; unitIds: Record<string, string> },
): Promise<{ units: UnitOutcome[]; summary: string }> {
  const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: ctx.yearId }, select: { id: true, year: true, settings: true, clusterId: true } });
  const settings = eligibilitySettingsOf(parseYearSettings(year.settings));
  const outcomes: UnitOutcome[] = [];

  for (const [code, plan] of Object.entries(REGISTRATIONS_2022)) {
    const unitId = ctx.unitIds[code];
    if (!unitId) continue;
    const data = await loadUnitEligibilityData(tx, { unitId, year: year.year });
    const { proposals, target, cstdcsCount } = planUnitRegistrations(data.officers, plan, settings, year.year, code);
    // Without a target a unit cannot submit: it stays a draft.
    const status = plan.status === "SUBMITTED" && !target ? "DRAFT" : plan.status;

    const head = await tx.officer.findFirst({
      where: { unitId, active: true, position: { in: ["Cục trưởng", "Tư lệnh"] } },
      orderBy: { code: "asc" },
      select: { fullName: true, position: true },
    });
    await tx.unitRegistration.create({
      data: {
        emulationYearId: year.id,
        unitId,
        status: status === "SUBMITTED" ? "SUBMITTED" : "DRAFT",
        submittedAt: status === "SUBMITTED" && plan.submittedAt ? new Date(`${plan.submittedAt}+07:00`) : null,
        targetTitleCode: status === "NOT_STARTED" ? null : target,
        agreementSignedOn: new Date(`${plan.agreementSignedOn}T00:00:00Z`),
        agreementSigner: head ? `${head.position} ${head.fullName}` : "Thủ trưởng đơn vị",
      },
    });
    if (proposals.length) {
      await tx.officerRegistration.createMany({
        data: proposals.map((p) => ({ emulationYearId: year.id, unitId, officerId: p.officerId, titleCode: p.title })),
      });
    }
    outcomes.push({
      code,
      status,
      officers: data.officers.length,
      registered: proposals.length,
      cstdcs: cstdcsCount,
      target: status === "NOT_STARTED" ? null : target,
    });
  }

  const summary = outcomes
    .map((u) => `${u.code} ${u.status === "SUBMITTED" ? "đã gửi" : u.status === "DRAFT" ? "đang soạn" : "chưa đăng ký"} ${u.registered}/${u.officers}`)
    .join(", ");
  await tx.auditLog.create({
    data: {
      actorName: "Hệ thống",
      action: "seed.registrations",
      entityType: "System",
      entityId: null,
      clusterId: year.clusterId,
      after: { year: year.year, units: outcomes },
    },
  });
  return { units: outcomes, summary: `Đăng ký thi đua năm ${year.year}: ${summary}.` };
}
