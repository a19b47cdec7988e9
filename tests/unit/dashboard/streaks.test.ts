import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatStreak, isNotable, longestStreak, streakEndingAt, streaks, type YearLevel } from "@/domain/dashboard";

const r = (year: number, level: number): YearLevel => ({ year, level });

describe("consecutive-year streaks", () => {
  it.each<[string, YearLevel[], number, [number, number, number, number][]]>([
    ["nothing", [], 2, []],
    ["one year", [r(2020, 2)], 2, [[2020, 2020, 1, 2]]],
    ["three in a row", [r(2019, 2), r(2020, 2), r(2021, 3)], 2, [[2019, 2021, 3, 3]]],
    ["a lower title breaks the run", [r(2018, 2), r(2019, 1), r(2020, 2), r(2021, 2)], 2, [[2018, 2018, 1, 2], [2020, 2021, 2, 2]]],
    ["a missing year breaks the run", [r(2017, 2), r(2018, 2), r(2020, 2)], 2, [[2017, 2018, 2, 2], [2020, 2020, 1, 2]]],
    ["order of the records does not matter", [r(2021, 2), r(2019, 2), r(2020, 2)], 2, [[2019, 2021, 3, 2]]],
    ["duplicate years count once at their highest", [r(2020, 1), r(2020, 2), r(2021, 2)], 2, [[2020, 2021, 2, 2]]],
    ["minimum level 1 counts CST too", [r(2019, 1), r(2020, 2)], 1, [[2019, 2020, 2, 2]]],
  ])("%s", (_name, records, minLevel, expected) => {
    expect(streaks(records, minLevel).map((s) => [s.from, s.to, s.length, s.topLevel])).toEqual(expected);
  });

  it("longest run, the latest of equals; the run ending at a year", () => {
    const records = [r(2014, 2), r(2015, 2), r(2017, 2), r(2018, 2), r(2020, 2)];
    expect(longestStreak(records, 2)).toMatchObject({ from: 2017, to: 2018, length: 2 });
    expect(longestStreak([], 2)).toBeNull();
    expect(streakEndingAt(records, 2, 2018)).toBe(2);
    expect(streakEndingAt(records, 2, 2019)).toBe(0);
    expect(streakEndingAt(records, 2, 2020)).toBe(1);
  });

  it("formats runs in Vietnamese", () => {
    expect(formatStreak({ from: 2019, to: 2022, length: 4 })).toBe("2019–2022 (4 năm liên tục)");
    expect(formatStreak({ from: 2022, to: 2022, length: 1 })).toBe("2022 (1 năm)");
  });

  const recordsArb = fc.array(fc.record({ year: fc.integer({ min: 2010, max: 2025 }), level: fc.integer({ min: 0, max: 4 }) }), { maxLength: 30 });

  it("property: runs are disjoint, ascending, separated by a gap, and cover exactly the qualifying years", () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 1, max: 4 }), (records, minLevel) => {
        const runs = streaks(records, minLevel);
        const qualifying = new Set(records.filter((x) => x.level >= minLevel).map((x) => x.year));
        const covered = new Set<number>();
        runs.forEach((s, i) => {
          expect(s.length).toBe(s.to - s.from + 1);
          if (i > 0) expect(s.from).toBeGreaterThan(runs[i - 1]!.to + 1);
          for (let y = s.from; y <= s.to; y++) covered.add(y);
        });
        expect(covered).toEqual(qualifying);
      }),
    );
  });

  it("property: the longest run is at least as long as every run", () => {
    fc.assert(
      fc.property(recordsArb, (records) => {
        const longest = longestStreak(records, 2);
        for (const s of streaks(records, 2)) expect(longest!.length).toBeGreaterThanOrEqual(s.length);
      }),
    );
  });
});

describe("notable officers", () => {
  it.each<[string, YearLevel[], boolean]>([
    ["two consecutive CSTĐCS", [r(2020, 2), r(2021, 2)], true],
    ["two CSTĐCS with a gap", [r(2019, 2), r(2021, 2)], false],
    ["one CSTĐ CAND", [r(2021, 3)], true],
    ["CST every year", [r(2019, 1), r(2020, 1), r(2021, 1)], false],
    ["nothing", [], false],
  ])("%s → %s", (_name, records, expected) => {
    expect(isNotable(records)).toBe(expected);
  });
});
