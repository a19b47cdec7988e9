import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeFacts,
  cstdcsAllowed,
  DISCIPLINE_FORM_ORDER,
  evaluateOfficer,
  evaluateUnit,
  evaluateUnitRegistrations,
  explainTitle,
  INDIVIDUAL_TITLES,
  INITIATIVE_LEVEL_ORDER,
  individualLevel,
  ratingLevel,
  REGISTRATION,
  RESULTS,
  statusOf,
  TASK_RATING_ORDER,
  type DisciplineRecord,
  type EligibilitySettings,
  type EvaluationStage,
  type IndividualTitle,
  type Initiative,
  type MemberYearFacts,
  type OfficerHistory,
  type OfficerProposal,
  type OfficerYearRecord,
  type Reason,
  type UnitInput,
} from "@/domain/eligibility";

const Y = 2022;

// ---------------------------------------------------------------------------------------------
// Arbitraries

const iso = (dayOffset: number) => new Date(Date.UTC(Y - 2, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10);
const dayOf = (isoDate: string) => (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(Y - 2, 0, 1)) / 86_400_000;
/** 01/01/2020 … about 31/12/2024. */
const dayArb = fc.integer({ min: 0, max: 5 * 365 });

const ratingArb = fc.constantFrom(...TASK_RATING_ORDER);
const titleArb = fc.constantFrom(...INDIVIDUAL_TITLES);

const yearRecordArb = fc.record(
  {
    year: fc.integer({ min: Y - 7, max: Y + 1 }),
    rating: ratingArb,
    // Weighted towards CSTĐCS and higher so the streak rules are exercised.
    awardedTitle: fc.oneof(titleArb, fc.constantFrom<IndividualTitle>("CSTDCS", "CSTDCS", "CSTD_CAND")),
  },
  { requiredKeys: ["year"] },
);

const initiativeArb: fc.Arbitrary<Initiative> = fc.record(
  {
    id: fc.constantFrom("SK1", "SK2", "SK3"),
    year: fc.integer({ min: Y - 7, max: Y + 1 }),
    level: fc.constantFrom(...INITIATIVE_LEVEL_ORDER),
    title: fc.constantFrom("Sổ tay điện tử", "Quy trình tiếp nhận tin báo", "Nền tảng định danh"),
  },
  { requiredKeys: ["year", "level", "title"] },
);

const disciplineArb: fc.Arbitrary<DisciplineRecord> = fc
  .record({
    form: fc.constantFrom(...DISCIPLINE_FORM_ORDER),
    status: fc.constantFrom<DisciplineRecord["status"]>("PENDING", "IN_FORCE", "CLEARED"),
    from: dayArb,
    length: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
  })
  .map(({ form, status, from, length }) => ({ form, status, from: iso(from), to: length === undefined ? undefined : iso(from + length) }));

const historyArb: fc.Arbitrary<OfficerHistory> = fc.record({
  years: fc.uniqueArray(yearRecordArb, { selector: (r) => r.year, maxLength: 9 }),
  initiatives: fc.array(initiativeArb, { maxLength: 4 }),
  disciplines: fc.oneof(fc.constant([]), fc.array(disciplineArb, { maxLength: 3 })),
});

const settingsArb: fc.Arbitrary<EligibilitySettings> = fc.record({
  cstdcsQuotaPercent: fc.integer({ min: 0, max: 100 }),
  cstdcsBasis: fc.constantFrom("INITIATIVE", "INITIATIVE_OR_EXCELLENT"),
  advancedUnitMinCstPercent: fc.integer({ min: 0, max: 100 }),
  determinedUnitMinGoodPercent: fc.integer({ min: 0, max: 100 }),
  ministryFlagsPerCluster: fc.integer({ min: 0, max: 3 }),
  extraMinistryFlags: fc.integer({ min: 0, max: 2 }),
});

const stageArb: fc.Arbitrary<EvaluationStage> = fc.constantFrom(
  REGISTRATION,
  RESULTS,
  { stage: "RESULTS", asOf: `${Y + 1}-02-15` },
);

/** A permutation of a list. */
const shuffled = <T>(list: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });

const overlapsYear = (d: DisciplineRecord) => d.from <= `${Y}-12-31` && (d.to === undefined || d.to >= `${Y}-01-01`);

// ---------------------------------------------------------------------------------------------

describe("properties of the individual ladder", () => {
  it("eligibility for a higher title implies the prerequisites of the lower ones held", () => {
    fc.assert(
      fc.property(historyArb, settingsArb, stageArb, (history, settings, stage) => {
        const e = evaluateOfficer(history, Y, settings, stage);
        const at = (y: number) => history.years.find((r) => r.year === y);
        for (let i = 1; i < e.results.length; i++) {
          if (e.results[i]!.status === "ELIGIBLE") expect(e.results[i - 1]!.status).toBe("ELIGIBLE");
        }
        const [cst, cstdcs, cand, tq] = e.results.map((r) => r.status === "ELIGIBLE");
        const blockingDiscipline = history.disciplines.some((d) => d.status !== "CLEARED" && overlapsYear(d));
        if (cst) {
          expect(blockingDiscipline).toBe(false);
          const rating = at(Y)?.rating;
          if (rating !== undefined || stage.stage === "RESULTS") expect(ratingLevel(rating)).toBeGreaterThanOrEqual(ratingLevel("GOOD"));
        }
        if (cstdcs && stage.stage === "RESULTS") {
          const excellentCounts = settings.cstdcsBasis === "INITIATIVE_OR_EXCELLENT" && at(Y)?.rating === "EXCELLENT";
          expect(history.initiatives.some((i) => i.year === Y) || excellentCounts).toBe(true);
        }
        if (cand) {
          for (const y of [Y - 2, Y - 1]) {
            expect(individualLevel(at(y)?.awardedTitle)).toBeGreaterThanOrEqual(individualLevel("CSTDCS"));
            expect(individualLevel(at(y)?.awardedTitle)).toBeLessThan(individualLevel("CSTD_CAND"));
          }
          if (stage.stage === "RESULTS") {
            expect(history.initiatives.some((i) => i.year >= Y - 2 && i.year <= Y && i.level !== "BASE")).toBe(true);
          }
        }
        if (tq) {
          expect(at(Y - 3)?.awardedTitle).toBe("CSTD_CAND");
          if (stage.stage === "RESULTS") {
            expect(history.initiatives.some((i) => i.year >= Y - 5 && i.year <= Y && i.level === "NATIONAL")).toBe(true);
          }
        }
        expect(e.highestEligible).toBe([...e.results].reverse().find((r) => r.status === "ELIGIBLE")?.title ?? null);
      }),
      { numRuns: 500 },
    );
  });

  it("a pending or in-force discipline overlapping the year always blocks every individual title", () => {
    const blockingArb = fc
      .record({
        form: fc.constantFrom(...DISCIPLINE_FORM_ORDER),
        status: fc.constantFrom<DisciplineRecord["status"]>("PENDING", "IN_FORCE"),
        from: fc.integer({ min: 0, max: dayOf(`${Y}-12-31`) }),
        to: fc.option(fc.integer({ min: dayOf(`${Y}-01-01`), max: 5 * 365 }), { nil: undefined }),
      })
      .map(({ form, status, from, to }) => ({ form, status, from: iso(from), to: to === undefined ? undefined : iso(Math.max(from, to)) }));
    fc.assert(
      fc.property(historyArb, blockingArb, settingsArb, stageArb, (history, discipline, settings, stage) => {
        expect(overlapsYear(discipline)).toBe(true);
        const e = evaluateOfficer({ ...history, disciplines: [...history.disciplines, discipline] }, Y, settings, stage);
        expect(e.highestEligible).toBeNull();
        for (const result of e.results) {
          expect(result.status).toBe("BLOCKED");
          const reason = result.reasons.find((r) => r.rule === "NO_DISCIPLINE")!;
          expect(reason).toMatchObject({ ok: false, blocking: true });
          expect(reason.records).toContainEqual({ kind: "DISCIPLINE", record: discipline });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("evaluation is deterministic and independent of input order", () => {
    const arb = historyArb.chain((h) =>
      fc.tuple(fc.constant(h), shuffled(h.years), shuffled(h.initiatives), shuffled(h.disciplines), settingsArb, stageArb),
    );
    fc.assert(
      fc.property(arb, ([history, years, initiatives, disciplines, settings, stage]) => {
        const a = evaluateOfficer(history, Y, settings, stage);
        expect(evaluateOfficer(history, Y, settings, stage)).toEqual(a);
        expect(evaluateOfficer({ years, initiatives, disciplines }, Y, settings, stage)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it("the fast path (facts) and the explanations agree", () => {
    fc.assert(
      fc.property(historyArb, settingsArb, stageArb, (history, settings, stage) => {
        const facts = computeFacts(history, Y, settings, stage);
        const e = evaluateOfficer(history, Y, settings, stage);
        expect(e.results.map((r) => r.status)).toEqual(facts.statuses);
        for (const result of e.results) {
          expect(statusOf(result.reasons)).toBe(result.status);
          expect(explainTitle(facts, result.title)).toEqual(result);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("properties of a unit's registrations", () => {
  /** Histories simple enough that most registrations are eligible, so accepted sets do occur. */
  const simpleHistoryArb: fc.Arbitrary<OfficerHistory> = fc.record({
    years: fc.constantFrom<OfficerYearRecord[]>(
      [],
      [{ year: Y - 2, awardedTitle: "CSTDCS" }, { year: Y - 1, awardedTitle: "CSTDCS" }],
      [{ year: Y, rating: "COMPLETE" }],
    ),
    initiatives: fc.constant([]),
    disciplines: fc.oneof(
      { weight: 9, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.constant([{ form: "KHIEN_TRACH" as const, status: "PENDING" as const, from: `${Y}-03-01` }]) },
    ),
  });
  const unitArb = fc
    .integer({ min: 0, max: 40 })
    .chain((n) =>
      fc.tuple(
        fc.array(simpleHistoryArb, { minLength: n, maxLength: n }),
        fc.array(fc.option(fc.constantFrom<IndividualTitle>("CST", "CST", "CST", "CST", "CSTDCS", "CSTD_CAND"), { nil: undefined }), {
          minLength: n,
          maxLength: n,
        }),
      ),
    )
    .map(([histories, titles]) => ({
      officers: histories.map((history, i) => ({ officerId: `CB${i}`, history })),
      proposals: titles.flatMap((title, i): OfficerProposal[] => (title ? [{ officerId: `CB${i}`, title }] : [])),
    }));
  const quotaSettingsArb = settingsArb.map((s) => ({ ...s, cstdcsQuotaPercent: [10, 15, 20, 30][s.cstdcsQuotaPercent % 4]! }));

  it("no registration set accepted by the engine exceeds the quota", () => {
    let accepted = 0;
    let refusedForQuota = 0;
    fc.assert(
      fc.property(unitArb, quotaSettingsArb, ({ officers, proposals }, settings) => {
        const result = evaluateUnitRegistrations(officers, proposals, settings, { year: Y });
        const cstdcs = proposals.filter((p) => individualLevel(p.title) >= 2).length;
        const allowed = cstdcsAllowed(proposals.length, settings.cstdcsQuotaPercent);
        if (result.accepted) {
          accepted++;
          expect(cstdcs).toBeLessThanOrEqual(allowed);
          expect(result.quota.verdict).not.toBe("OVER");
          expect(result.officers.every((o) => o.proposed.length === 0 || o.proposalStatus === "ELIGIBLE")).toBe(true);
        }
        if (cstdcs > allowed) {
          refusedForQuota++;
          expect(result.accepted).toBe(false);
          expect(result.quota.verdict).toBe("OVER");
          expect(result.officers.filter((o) => o.overQuota).length).toBe(cstdcs);
        }
      }),
      { numRuns: 400 },
    );
    // The property was not vacuous.
    expect(accepted).toBeGreaterThan(20);
    expect(refusedForQuota).toBeGreaterThan(20);
  });

  it("the result does not depend on the order of officers or proposals", () => {
    const arb = unitArb.chain((u) => fc.tuple(fc.constant(u), shuffled(u.officers), shuffled(u.proposals)));
    fc.assert(
      fc.property(arb, settingsArb, ([u, officers, proposals], settings) => {
        const a = evaluateUnitRegistrations(u.officers, u.proposals, settings, { year: Y });
        expect(evaluateUnitRegistrations(officers, proposals, settings, { year: Y })).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("properties of collective titles", () => {
  const memberArb = fc.record(
    {
      rating: ratingArb,
      title: titleArb,
      disciplines: fc.array(disciplineArb, { maxLength: 1 }),
    },
    { requiredKeys: [] },
  );
  const unitArb = fc
    .tuple(fc.array(memberArb, { maxLength: 25 }), fc.option(fc.boolean(), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }))
    .map(([members, acclaimed, clusterRank]): UnitInput => ({
      unitId: "U",
      members: members.map((m, i) => ({ officerId: `CB${i}`, ...m })),
      acclaimed,
      clusterRank,
    }));

  it("higher collective titles imply the lower ones; a serious discipline blocks them all; member order is irrelevant", () => {
    const arb = unitArb.chain((u) => fc.tuple(fc.constant(u), shuffled(u.members as readonly MemberYearFacts[])));
    fc.assert(
      fc.property(arb, settingsArb, stageArb, ([u, members], settings, stage) => {
        const e = evaluateUnit(u, Y, settings, stage);
        const [dvtt, dvqt, coBca, coCp] = e.results.map((r) => r.status === "ELIGIBLE");
        if (dvqt) expect(dvtt).toBe(true);
        if (coBca) expect(dvqt).toBe(true);
        if (coCp) expect(dvqt).toBe(true);
        const serious = (u.members as readonly MemberYearFacts[]).some((m) =>
          (m.disciplines ?? []).some((d) => d.status !== "CLEARED" && d.form !== "KHIEN_TRACH" && overlapsYear(d)),
        );
        if (serious) expect(e.results.every((r) => r.status === "BLOCKED")).toBe(true);
        for (const result of e.results) expect(statusOf(result.reasons)).toBe(result.status);
        expect(evaluateUnit({ ...u, members }, Y, settings, stage)).toEqual(e);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe("every message is Vietnamese with its diacritics", () => {
  // Words of the messages written without their marks: none may appear.
  const STRIPPED = /\b(nam|chua|dat|khong|xep loai|sang kien|nhiem vu|ky luat|hieu luc|danh hieu|lien tuc|can bo|chien si|don vi|hoan thanh|xuat sac|muc tieu|chu ky|cum|duoc|tren|it nhat|xem xet|canh cao|khien trach)\b/i;

  function check(reasons: readonly Reason[]) {
    for (const r of reasons) {
      expect(r.message.length).toBeGreaterThan(0);
      expect(r.message).toBe(r.message.normalize("NFC"));
      expect(r.message).toMatch(/[^\u0000-\u007f]/);
      expect(r.message).not.toMatch(STRIPPED);
      expect(r.message).toMatch(/\.$/);
    }
  }

  it("for individual titles", () => {
    fc.assert(
      fc.property(historyArb, settingsArb, stageArb, (history, settings, stage) => {
        for (const result of evaluateOfficer(history, Y, settings, stage).results) check(result.reasons);
      }),
      { numRuns: 300 },
    );
  });

  it("for collective titles", () => {
    const summaryArb = fc
      .record({
        memberCount: fc.integer({ min: 0, max: 50 }),
        a: fc.nat(),
        b: fc.nat(),
        ratings: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        disciplines: fc.array(disciplineArb, { maxLength: 2 }),
        acclaimed: fc.option(fc.boolean(), { nil: undefined }),
        clusterRank: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      })
      .map(({ memberCount: n, a, b, ratings, disciplines, acclaimed, clusterRank }): UnitInput => {
        const cstCount = n === 0 ? 0 : a % (n + 1);
        let left = n;
        const counts = ratings.map((r) => {
          const c = left === 0 ? 0 : r % (left + 1);
          left -= c;
          return c;
        });
        return {
          unitId: "U",
          members: {
            memberCount: n,
            cstCount,
            cstdcsCount: cstCount === 0 ? 0 : b % (cstCount + 1),
            ratingCounts: { EXCELLENT: counts[0], GOOD: counts[1], COMPLETE: counts[2], INCOMPLETE: counts[3] },
            disciplines: disciplines.map((record, i) => ({ officerId: `CB${i}`, record })),
          },
          acclaimed,
          clusterRank,
        };
      });
    fc.assert(
      fc.property(summaryArb, settingsArb, stageArb, (u, settings, stage) => {
        for (const result of evaluateUnit(u, Y, settings, stage).results) check(result.reasons);
      }),
      { numRuns: 300 },
    );
  });
});
