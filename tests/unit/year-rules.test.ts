import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { YEAR_PHASES, type YearPhase } from "@/domain/year-phases";
import {
  chairCandidates,
  checkLeadership,
  checkSettingsForYear,
  checkYearToOpen,
  DEADLINE_KEYS,
  defaultYearToOpen,
  movePhase,
  settingsForNewYear,
  shiftIsoDateOneYear,
  YEAR_CLOSED_MESSAGE,
  YEAR_SETTING_LABELS,
  type LeadershipContext,
  type MemberUnitInfo,
} from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS, yearSettingsSchema, type YearSettings } from "@/domain/year-settings";

const members: MemberUnitInfo[] = [
  { id: "A05", name: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", active: true },
  { id: "BTLCV", name: "Bộ Tư lệnh Cảnh vệ", active: true },
  { id: "KTNV", name: "Cục Kỹ thuật nghiệp vụ", active: true },
  { id: "NT", name: "Cục Ngoại tuyến", active: true },
  { id: "XNC", name: "Cục Quản lý xuất nhập cảnh", active: true },
  { id: "OLD", name: "Đơn vị đã giải thể", active: false },
];

describe("which year may be opened", () => {
  it.each<[number, number | null, string | null]>([
    [2023, 2022, null],
    [2022, 2022, "Năm thi đua 2022 đã được mở; chỉ có thể mở năm 2023."],
    [2021, 2022, "Năm thi đua phải sau năm gần nhất của cụm (2022); chỉ có thể mở năm 2023."],
    [2024, 2022, "Không thể mở năm 2024 khi năm 2023 chưa được mở; chỉ có thể mở năm 2023."],
    [2021, null, null],
    [1999, null, "Năm thi đua phải là một năm từ 2000 đến 2100."],
    [2101, null, "Năm thi đua phải là một năm từ 2000 đến 2100."],
    [2022.5, 2021, "Năm thi đua phải là một năm từ 2000 đến 2100."],
  ])("year %s after latest %s → %s", (year, latest, expected) => {
    expect(checkYearToOpen(year, latest)).toBe(expected);
  });

  it("suggests the year after the latest, or this calendar year for a new cluster", () => {
    expect(defaultYearToOpen(2022, 2026)).toBe(2023);
    expect(defaultYearToOpen(null, 2026)).toBe(2026);
  });

  it("accepts exactly one year: the one after the latest (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1990, max: 2110 }), (latest, year) => {
        expect(checkYearToOpen(year, latest) === null).toBe(year === latest + 1);
      }),
    );
  });
});

describe("chair and deputy", () => {
  const ctx = (extra: Partial<LeadershipContext> = {}): LeadershipContext => ({
    year: 2022,
    members,
    previous: { year: 2021, chairUnitId: "A05", outgoingChairMayBeReelected: false },
    next: null,
    outgoingChairMayBeReelected: false,
    ...extra,
  });

  it.each<[string, { chairUnitId: string | null; deputyUnitId: string | null }, Partial<LeadershipContext>, Record<string, string[]>]>([
    ["the 2022 choice of the 2021 conference", { chairUnitId: "KTNV", deputyUnitId: "NT" }, {}, {}],
    ["no deputy yet", { chairUnitId: "KTNV", deputyUnitId: null }, {}, {}],
    ["no chair", { chairUnitId: null, deputyUnitId: "NT" }, {}, { chairUnitId: ["Vui lòng chọn đơn vị Cụm trưởng."] }],
    ["chair = deputy", { chairUnitId: "KTNV", deputyUnitId: "KTNV" }, {}, { deputyUnitId: ["Cụm phó phải là đơn vị khác với Cụm trưởng."] }],
    ["a unit of another cluster", { chairUnitId: "X", deputyUnitId: "Y" }, {}, {
      chairUnitId: ["Cụm trưởng phải là một đơn vị thành viên của cụm."],
      deputyUnitId: ["Cụm phó phải là một đơn vị thành viên của cụm."],
    }],
    ["an inactive unit", { chairUnitId: "OLD", deputyUnitId: null }, {}, { chairUnitId: ["Đơn vị đã giải thể đã ngừng hoạt động, không thể làm Cụm trưởng."] }],
    ["the outgoing chair", { chairUnitId: "A05", deputyUnitId: null }, {}, {
      chairUnitId: [
        "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao là Cụm trưởng năm 2021; theo quy chế của cụm, Cụm trưởng năm trước không được bầu lại cho năm 2022.",
      ],
    }],
    ["the outgoing chair when the cluster allows re-election", { chairUnitId: "A05", deputyUnitId: null },
      { previous: { year: 2021, chairUnitId: "A05", outgoingChairMayBeReelected: true } }, {}],
    ["the outgoing chair as deputy", { chairUnitId: "KTNV", deputyUnitId: "A05" }, {}, {}],
    ["the first year of a cluster", { chairUnitId: "A05", deputyUnitId: null }, { previous: null }, {}],
    ["next year's chair when correcting an older year", { chairUnitId: "XNC", deputyUnitId: null }, { next: { year: 2023, chairUnitId: "XNC" } }, {
      chairUnitId: ["Cục Quản lý xuất nhập cảnh đã là Cụm trưởng năm 2023; theo quy chế của cụm, một đơn vị không làm Cụm trưởng hai năm liền."],
    }],
    ["next year's chair when this year allows re-election", { chairUnitId: "XNC", deputyUnitId: null },
      { next: { year: 2023, chairUnitId: "XNC" }, outgoingChairMayBeReelected: true }, {}],
  ])("%s", (_name, choice, extra, expected) => {
    expect(checkLeadership(choice, ctx(extra))).toEqual(expected);
  });

  it("never accepts the same unit as chair and deputy, nor a non-member (property)", () => {
    const ids = fc.constantFrom(...members.map((m) => m.id), "X");
    fc.assert(
      fc.property(ids, fc.option(ids, { nil: null }), fc.boolean(), (chair, deputy, allowed) => {
        const errors = checkLeadership(
          { chairUnitId: chair, deputyUnitId: deputy },
          ctx({ previous: { year: 2021, chairUnitId: "A05", outgoingChairMayBeReelected: allowed } }),
        );
        const ok = Object.keys(errors).length === 0;
        if (ok) {
          expect(chair).not.toBe(deputy);
          expect(members.find((m) => m.id === chair)?.active).toBe(true);
          if (!allowed) expect(chair).not.toBe("A05");
        }
      }),
    );
  });

  it("lists chair candidates by longest since last chaired, without the outgoing chair", () => {
    const history = [
      { year: 2019, chairUnitId: "NT", outgoingChairMayBeReelected: false },
      { year: 2020, chairUnitId: "BTLCV", outgoingChairMayBeReelected: false },
      { year: 2021, chairUnitId: "A05", outgoingChairMayBeReelected: false },
    ];
    expect(chairCandidates(2022, members, history).map((c) => [c.id, c.lastChairedYear])).toEqual([
      ["KTNV", null],
      ["XNC", null],
      ["NT", 2019],
      ["BTLCV", 2020],
    ]);
    // When the cluster allows re-election the outgoing chair is listed, last.
    const allowing = history.map((h) => (h.year === 2021 ? { ...h, outgoingChairMayBeReelected: true } : h));
    expect(chairCandidates(2022, members, allowing).map((c) => c.id)).toEqual(["KTNV", "XNC", "NT", "BTLCV", "A05"]);
    // Later years do not count when correcting an older one; a new cluster lists every active member.
    expect(chairCandidates(2020, members, history).map((c) => c.id)).toEqual(["A05", "BTLCV", "KTNV", "XNC"]);
    expect(chairCandidates(2022, members, [])).toHaveLength(5);
  });

  it("every candidate passes the leadership check (property)", () => {
    const history = fc.array(
      fc.record({
        year: fc.integer({ min: 2010, max: 2030 }),
        chairUnitId: fc.option(fc.constantFrom(...members.map((m) => m.id)), { nil: null }),
        outgoingChairMayBeReelected: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(history, fc.integer({ min: 2011, max: 2031 }), (entries, forYear) => {
        const byYear = new Map(entries.map((e) => [e.year, e]));
        const unique = [...byYear.values()];
        const earlier = unique.filter((e) => e.year < forYear).sort((a, b) => b.year - a.year);
        for (const candidate of chairCandidates(forYear, members, unique)) {
          const errors = checkLeadership(
            { chairUnitId: candidate.id, deputyUnitId: null },
            { year: forYear, members, previous: earlier[0] ?? null, next: null, outgoingChairMayBeReelected: false },
          );
          expect(errors).toEqual({});
        }
      }),
    );
  });
});

describe("settings of a new year", () => {
  it("are the defaults when there is no previous year", () => {
    expect(settingsForNewYear(null)).toEqual(DEFAULT_YEAR_SETTINGS);
  });

  it("copy the previous year's with every deadline one year later", () => {
    const previous: YearSettings = {
      ...DEFAULT_YEAR_SETTINGS,
      cstdcsQuotaPercent: 12,
      quorumUnits: 4,
      outgoingChairMayBeReelected: true,
      registrationDeadline: "2021-03-15",
      reportDeadline: null,
      conferenceDate: "2021-11-19",
    };
    expect(settingsForNewYear(previous)).toEqual({
      ...previous,
      registrationDeadline: "2022-03-15",
      reportDeadline: null,
      conferenceDate: "2022-11-19",
    });
  });

  it.each([
    ["2021-11-19", "2022-11-19"],
    ["2024-02-29", "2025-02-28"],
    ["2023-02-28", "2024-02-28"],
    ["2021-12-31", "2022-12-31"],
    ["2022-01-01", "2023-01-01"],
  ])("moves %s to %s", (from, to) => {
    expect(shiftIsoDateOneYear(from)).toBe(to);
  });

  const isoDate = fc
    .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2098-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  const settingsArb: fc.Arbitrary<YearSettings> = fc.record({
    cstdcsQuotaPercent: fc.integer({ min: 0, max: 100 }),
    cstdcsBasis: fc.constantFrom("INITIATIVE" as const, "INITIATIVE_OR_EXCELLENT" as const),
    advancedUnitMinCstPercent: fc.integer({ min: 0, max: 100 }),
    determinedUnitMinGoodPercent: fc.integer({ min: 0, max: 100 }),
    subUnitDeterminedQuotaPercent: fc.integer({ min: 0, max: 100 }),
    ministryFlagsPerCluster: fc.integer({ min: 0, max: 10 }),
    extraMinistryFlags: fc.integer({ min: 0, max: 10 }),
    passThreshold: fc.constantFrom("MORE_THAN_HALF" as const, "AT_LEAST_TWO_THIRDS" as const),
    quorumUnits: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    allowSelfVote: fc.boolean(),
    outgoingChairMayBeReelected: fc.boolean(),
    rankingTieBreak: fc.constantFrom("FIRST_SECTION" as const, "SECTIONS_IN_ORDER" as const, "FEWER_PENALTIES" as const, "NONE" as const),
    crossScorersPerReport: fc.integer({ min: 1, max: 9 }),
    scoreDifferencePercent: fc.integer({ min: 1, max: 100 }),
    registrationDeadline: fc.option(isoDate, { nil: null }),
    midyearReportDeadline: fc.option(isoDate, { nil: null }),
    reportDeadline: fc.option(isoDate, { nil: null }),
    conferenceDate: fc.option(isoDate, { nil: null }),
    reminderOffsets: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
    disclosureWorkingDays: fc.integer({ min: 1, max: 30 }),
  });

  it("copied deadlines are always real dates exactly one year later, close to the same day (property)", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const shifted = shiftIsoDateOneYear(iso);
        const d = new Date(`${shifted}T00:00:00Z`);
        expect(d.toISOString().slice(0, 10)).toBe(shifted); // a real calendar date
        expect(shifted.slice(0, 4)).toBe(String(Number(iso.slice(0, 4)) + 1));
        expect(shifted.slice(5, 7)).toBe(iso.slice(5, 7));
        expect(Number(iso.slice(8)) - Number(shifted.slice(8))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("copied settings always pass the settings schema and keep every non-deadline value (property)", () => {
    fc.assert(
      fc.property(settingsArb, (previous) => {
        const next = settingsForNewYear(previous);
        expect(yearSettingsSchema.safeParse(next).success).toBe(true);
        for (const key of Object.keys(previous) as (keyof YearSettings)[]) {
          if (!(DEADLINE_KEYS as readonly string[]).includes(key)) expect(next[key]).toEqual(previous[key]);
        }
      }),
    );
  });

  // Settings that fit a year: deadlines between the year before and the year after, in order.
  const fittingSettings = fc
    .tuple(settingsArb, fc.integer({ min: 2000, max: 2097 }), fc.integer({ min: 1, max: 10 }))
    .chain(([settings, year, count]) => {
      const inRange = fc
        .date({ min: new Date(`${year - 1}-01-01T00:00:00Z`), max: new Date(`${year + 1}-12-31T00:00:00Z`), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
      return fc
        .record({
          dates: fc.array(fc.option(inRange, { nil: null }), { minLength: 4, maxLength: 4 }),
          quorum: fc.option(fc.integer({ min: 1, max: count }), { nil: null }),
        })
        .map(({ dates, quorum }) => {
          const sorted = dates.filter((d): d is string => d !== null).sort();
          const fitted = dates.map((d) => (d === null ? null : sorted.shift()!));
          const result: YearSettings = {
            ...settings,
            quorumUnits: quorum,
            registrationDeadline: fitted[0]!,
            midyearReportDeadline: fitted[1]!,
            reportDeadline: fitted[2]!,
            conferenceDate: fitted[3]!,
          };
          return { settings: result, year, count };
        });
    });

  it("settings that fit one year still fit the next year after copying (property)", () => {
    fc.assert(
      fc.property(fittingSettings, ({ settings, year, count }) => {
        expect(checkSettingsForYear(settings, { year, activeMemberCount: count, openedOn: `${year - 1}-01-01` })).toEqual({});
        expect(checkSettingsForYear(settingsForNewYear(settings), { year: year + 1, activeMemberCount: count, openedOn: `${year}-01-01` })).toEqual({});
      }),
      { numRuns: 300 },
    );
  });
});

describe("settings that fit the year", () => {
  const base = { ...DEFAULT_YEAR_SETTINGS };
  it.each<[string, Partial<YearSettings>, Record<string, string[]>]>([
    ["the defaults", {}, {}],
    ["the 2021 calendar", { registrationDeadline: "2021-03-15", reportDeadline: "2021-10-31", conferenceDate: "2021-11-19" }, {}],
    ["a conference in January of the next year", { conferenceDate: "2022-01-10" }, {}],
    ["quorum of all five units", { quorumUnits: 5 }, {}],
    ["quorum above the member count", { quorumUnits: 6 }, {
      quorumUnits: ["Số đơn vị tối thiểu (6) không được vượt quá số đơn vị thành viên đang hoạt động (5)."],
    }],
    ["a deadline typed with the wrong year", { registrationDeadline: "2012-03-15" }, {
      registrationDeadline: ["Hạn đăng ký thi đua (15/03/2012) không được trước khi năm thi đua 2021 bắt đầu (01/12/2020)."],
    }],
    ["registration in January of the next year", { registrationDeadline: "2022-01-15" }, {}],
    ["registration extended past the mid-year deadline", { registrationDeadline: "2021-07-15", midyearReportDeadline: "2021-06-30", reportDeadline: "2021-10-31" }, {}],
    ["a deadline after the year must be closed", { conferenceDate: "2023-01-10" }, {
      conferenceDate: ["Ngày hội nghị tổng kết (10/01/2023) không được sau ngày 31/12/2022: năm thi đua 2021 phải được tổng kết và khóa sổ trước ngày đó."],
    }],
    ["registration after the year-end report deadline", { registrationDeadline: "2021-11-15", reportDeadline: "2021-10-31" }, {
      reportDeadline: ["Hạn nộp báo cáo tổng kết (31/10/2021) không được trước hạn đăng ký thi đua (15/11/2021)."],
    }],
    ["the report due before registration closes", { registrationDeadline: "2021-03-15", reportDeadline: "2021-03-01" }, {
      reportDeadline: ["Hạn nộp báo cáo tổng kết (01/03/2021) không được trước hạn đăng ký thi đua (15/03/2021)."],
    }],
    ["the conference before the registration deadline, no report deadline", { registrationDeadline: "2021-03-15", conferenceDate: "2021-02-01" }, {
      conferenceDate: ["Ngày hội nghị tổng kết (01/02/2021) không được trước hạn đăng ký thi đua (15/03/2021)."],
    }],
  ])("%s", (_name, change, expected) => {
    expect(checkSettingsForYear({ ...base, ...change }, { year: 2021, activeMemberCount: 5, openedOn: "2020-12-01" })).toEqual(expected);
  });

  it("does not check again a deadline left as stored, only the ones changed", () => {
    const stored = { ...base, registrationDeadline: "2019-03-31" };
    const ctx = { year: 2021, activeMemberCount: 5, openedOn: "2026-12-07", before: stored };
    expect(checkSettingsForYear({ ...stored, reportDeadline: "2021-10-31" }, ctx)).toEqual({});
    expect(checkSettingsForYear({ ...stored, registrationDeadline: "2019-04-30" }, ctx)).toEqual({
      registrationDeadline: ["Hạn đăng ký thi đua (30/04/2019) không được trước khi năm thi đua 2021 bắt đầu (01/01/2021)."],
    });
  });

  it("a year opened before it starts takes deadlines from its opening day", () => {
    const ctx = { year: 2027, activeMemberCount: 5, openedOn: "2026-12-07" };
    expect(checkSettingsForYear({ ...base, registrationDeadline: "2026-12-20" }, ctx)).toEqual({});
    expect(checkSettingsForYear({ ...base, registrationDeadline: "2026-12-06" }, ctx)).toEqual({
      registrationDeadline: ["Hạn đăng ký thi đua (06/12/2026) không được trước khi năm thi đua 2027 bắt đầu (07/12/2026)."],
    });
  });

  it("labels every setting in Vietnamese", () => {
    expect(Object.keys(YEAR_SETTING_LABELS).sort()).toEqual(Object.keys(DEFAULT_YEAR_SETTINGS).sort());
  });
});

describe("phases", () => {
  it.each<[YearPhase, "advance" | "revert" | "close", YearPhase | string]>([
    ["SETUP", "advance", "REGISTRATION"],
    ["REGISTRATION", "advance", "MIDYEAR"],
    ["CONFERENCE", "advance", "RESULTS"],
    ["RESULTS", "advance", 'Giai đoạn "Kết quả khen thưởng" là giai đoạn cuối; để kết thúc năm thi đua, hãy khóa sổ.'],
    ["REGISTRATION", "revert", "SETUP"],
    ["SETUP", "revert", 'Năm thi đua đang ở giai đoạn đầu tiên ("Thiết lập"), không thể lùi lại.'],
    ["RESULTS", "close", "CLOSED"],
    ["SCORING", "close", 'Chỉ có thể khóa sổ khi năm thi đua ở giai đoạn "Kết quả khen thưởng" (hiện tại: "Chấm điểm").'],
    ["CLOSED", "advance", YEAR_CLOSED_MESSAGE],
    ["CLOSED", "revert", YEAR_CLOSED_MESSAGE],
    ["CLOSED", "close", YEAR_CLOSED_MESSAGE],
  ])("%s, %s → %s", (from, move, expected) => {
    const result = movePhase(from, move);
    expect(result.ok ? result.to : result.message).toBe(expected);
  });

  const phase = fc.constantFrom(...YEAR_PHASES);
  const move = fc.constantFrom("advance" as const, "revert" as const, "close" as const);

  it("every allowed move is exactly one step, and nothing leaves CLOSED (property)", () => {
    fc.assert(
      fc.property(phase, move, (from, m) => {
        const result = movePhase(from, m);
        if (from === "CLOSED") expect(result.ok).toBe(false);
        if (!result.ok) return;
        const step = YEAR_PHASES.indexOf(result.to) - YEAR_PHASES.indexOf(from);
        expect(step).toBe(m === "revert" ? -1 : 1);
        // Only "close" reaches CLOSED.
        expect(result.to === "CLOSED").toBe(m === "close");
      }),
    );
  });

  it("any sequence of moves never skips a phase and stays closed once closed (property)", () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        let current: YearPhase = "SETUP";
        let closed = false;
        for (const m of moves) {
          const result = movePhase(current, m);
          if (closed) expect(result.ok).toBe(false);
          if (result.ok) {
            expect(Math.abs(YEAR_PHASES.indexOf(result.to) - YEAR_PHASES.indexOf(current))).toBe(1);
            current = result.to;
            closed = current === "CLOSED";
          }
        }
      }),
    );
  });

  it("advancing then reverting returns to the same phase", () => {
    for (const from of YEAR_PHASES.slice(0, -2)) {
      const forward = movePhase(from, "advance");
      expect(forward.ok).toBe(true);
      if (forward.ok) expect(movePhase(forward.to, "revert")).toEqual({ ok: true, to: from });
    }
  });
});
