import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVi } from "@/domain/vietnamese";
import { chairRotation, yearsSinceLabel, type ChairYear, type RotationMember } from "@/domain/voting";

const members: RotationMember[] = [
  { id: "ANM", name: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", active: true },
  { id: "KTNV", name: "Cục Kỹ thuật nghiệp vụ", active: true },
  { id: "NT", name: "Cục Ngoại tuyến", active: true },
  { id: "QLXNC", name: "Cục Quản lý xuất nhập cảnh", active: true },
  { id: "BTLCV", name: "Bộ Tư lệnh Cảnh vệ", active: true },
  { id: "OLD", name: "Đơn vị đã giải thể", active: false },
];

describe("chair rotation (table)", () => {
  it("the 2021 conference (electing for 2022): ANM chairs 2021 and is left out; never-chaired first by name", () => {
    const r = chairRotation(2022, members, [{ year: 2021, chairUnitId: "ANM" }], { outgoingChairMayBeReelected: false });
    expect(r.candidates.map((c) => c.unitId)).toEqual(["BTLCV", "KTNV", "NT", "QLXNC"]);
    expect(r.outgoingChair).toEqual({ unitId: "ANM", name: members[0]!.name, year: 2021 });
    expect(r.outgoingExcluded).toBe(true);
  });

  it("the 2022 conference (electing for 2023): KTNV left out; ANM, chaired 2 years before, comes last", () => {
    const r = chairRotation(
      2023,
      members,
      [
        { year: 2021, chairUnitId: "ANM" },
        { year: 2022, chairUnitId: "KTNV" },
      ],
      { outgoingChairMayBeReelected: false },
    );
    expect(r.candidates.map((c) => [c.unitId, c.yearsSinceLastChaired])).toEqual([
      ["BTLCV", null],
      ["NT", null],
      ["QLXNC", null],
      ["ANM", 2],
    ]);
    expect(yearsSinceLabel(r.candidates[3]!)).toBe("2 năm (lần gần nhất: năm 2021)");
    expect(yearsSinceLabel(r.candidates[0]!)).toBe("Chưa từng làm Cụm trưởng");
  });

  it("longest since last chaired first; the latest year counts for a unit that chaired twice", () => {
    const history: ChairYear[] = [
      { year: 2015, chairUnitId: "NT" },
      { year: 2016, chairUnitId: "QLXNC" },
      { year: 2017, chairUnitId: "BTLCV" },
      { year: 2018, chairUnitId: "KTNV" },
      { year: 2019, chairUnitId: "NT" },
      { year: 2020, chairUnitId: "ANM" },
      { year: 2021, chairUnitId: "QLXNC" },
    ];
    const r = chairRotation(2022, members, history, { outgoingChairMayBeReelected: false });
    expect(r.candidates.map((c) => [c.unitId, c.lastChairedYear])).toEqual([
      ["BTLCV", 2017],
      ["KTNV", 2018],
      ["NT", 2019],
      ["ANM", 2020],
    ]);
  });

  it("the outgoing chair stays (in its place) when the year's setting allows re-election", () => {
    const r = chairRotation(2022, members, [{ year: 2021, chairUnitId: "ANM" }], { outgoingChairMayBeReelected: true });
    expect(r.candidates.map((c) => c.unitId)).toEqual(["BTLCV", "KTNV", "NT", "QLXNC", "ANM"]);
    expect(r.outgoingExcluded).toBe(false);
  });

  it("ignores later years and inactive units; no history means everyone, by name", () => {
    const r = chairRotation(2022, members, [{ year: 2023, chairUnitId: "BTLCV" }], { outgoingChairMayBeReelected: false });
    expect(r.candidates.map((c) => c.unitId)).toEqual(["BTLCV", "ANM", "KTNV", "NT", "QLXNC"]);
    expect(r.outgoingChair).toBeNull();
  });
});

describe("chair rotation (properties)", () => {
  const arbHistory = fc.array(
    fc.record({ year: fc.integer({ min: 2000, max: 2030 }), chairUnitId: fc.option(fc.constantFrom(...members.map((m) => m.id)), { nil: null }) }),
    { maxLength: 20 },
  ).map((h) => [...new Map(h.map((x) => [x.year, x])).values()]);

  it("never contains the outgoing chair by default, nor an inactive unit; each active unit otherwise appears once", () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 2001, max: 2031 }), (history, forYear) => {
        const r = chairRotation(forYear, members, history, { outgoingChairMayBeReelected: false });
        const ids = r.candidates.map((c) => c.unitId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).not.toContain("OLD");
        const previous = history.filter((h) => h.year < forYear).sort((a, b) => b.year - a.year)[0];
        if (previous?.chairUnitId) expect(ids).not.toContain(previous.chairUnitId);
        const expected = members.filter((m) => m.active && m.id !== previous?.chairUnitId).length;
        expect(ids.length).toBe(expected);
      }),
    );
  });

  it("is ordered by years since last chaired (never first), ties in Vietnamese name order", () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 2001, max: 2031 }), fc.boolean(), (history, forYear, reelect) => {
        const r = chairRotation(forYear, members, history, { outgoingChairMayBeReelected: reelect });
        for (let i = 1; i < r.candidates.length; i++) {
          const a = r.candidates[i - 1]!;
          const b = r.candidates[i]!;
          const ka = a.yearsSinceLastChaired ?? Infinity;
          const kb = b.yearsSinceLastChaired ?? Infinity;
          expect(ka).toBeGreaterThanOrEqual(kb);
          if (ka === kb) expect(compareVi(a.name, b.name)).toBeLessThanOrEqual(0);
          if (b.yearsSinceLastChaired !== null) expect(b.yearsSinceLastChaired).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("does not depend on the order of members or history", () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: 2001, max: 2031 }), (history, forYear) => {
        const a = chairRotation(forYear, members, history, { outgoingChairMayBeReelected: false });
        const b = chairRotation(forYear, [...members].reverse(), [...history].reverse(), { outgoingChairMayBeReelected: false });
        expect(b).toEqual(a);
      }),
    );
  });
});
