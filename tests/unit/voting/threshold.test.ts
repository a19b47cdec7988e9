import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkElectorate,
  formatShare,
  meetsThreshold,
  quorumFor,
  quorumRefusal,
  votesNeeded,
  type PassThreshold,
} from "@/domain/voting";

describe("pass thresholds", () => {
  it.each<[PassThreshold, number, number, boolean]>([
    // > 50% of the ballots cast
    ["MORE_THAN_HALF", 3, 5, true],
    ["MORE_THAN_HALF", 2, 5, false],
    ["MORE_THAN_HALF", 3, 6, false], // exactly half is not more than half
    ["MORE_THAN_HALF", 4, 6, true],
    ["MORE_THAN_HALF", 1, 1, true],
    ["MORE_THAN_HALF", 1, 2, false],
    ["MORE_THAN_HALF", 0, 0, false],
    ["MORE_THAN_HALF", 0, 5, false],
    // ≥ 2/3 of the ballots cast
    ["AT_LEAST_TWO_THIRDS", 4, 6, true], // exactly 2/3
    ["AT_LEAST_TWO_THIRDS", 3, 5, false], // 60%
    ["AT_LEAST_TWO_THIRDS", 4, 5, true],
    ["AT_LEAST_TWO_THIRDS", 2, 3, true],
    ["AT_LEAST_TWO_THIRDS", 6, 10, false],
    ["AT_LEAST_TWO_THIRDS", 7, 10, true],
    ["AT_LEAST_TWO_THIRDS", 0, 0, false],
  ])("%s: %i of %i ballots → %s", (threshold, votes, ballots, expected) => {
    expect(meetsThreshold(threshold, votes, ballots)).toBe(expected);
  });

  it.each<[PassThreshold, number, number]>([
    ["MORE_THAN_HALF", 5, 3],
    ["MORE_THAN_HALF", 6, 4],
    ["MORE_THAN_HALF", 10, 6],
    ["AT_LEAST_TWO_THIRDS", 5, 4],
    ["AT_LEAST_TWO_THIRDS", 6, 4],
    ["AT_LEAST_TWO_THIRDS", 9, 6],
    ["AT_LEAST_TWO_THIRDS", 10, 7],
  ])("%s of %i ballots needs %i votes", (threshold, ballots, needed) => {
    expect(votesNeeded(threshold, ballots)).toBe(needed);
  });

  it("votesNeeded is exactly the smallest passing count (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom<PassThreshold>("MORE_THAN_HALF", "AT_LEAST_TWO_THIRDS"), fc.integer({ min: 1, max: 500 }), (threshold, ballots) => {
        const needed = votesNeeded(threshold, ballots);
        expect(meetsThreshold(threshold, needed, ballots)).toBe(true);
        expect(meetsThreshold(threshold, needed - 1, ballots)).toBe(false);
        expect(needed).toBeLessThanOrEqual(ballots);
      }),
    );
  });

  it("two thirds is never easier than more than half (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (votes, ballots) => {
        if (meetsThreshold("AT_LEAST_TWO_THIRDS", votes, ballots)) expect(meetsThreshold("MORE_THAN_HALF", votes, ballots)).toBe(true);
      }),
    );
  });

  it("passing is monotonic in votes (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PassThreshold>("MORE_THAN_HALF", "AT_LEAST_TWO_THIRDS"),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (threshold, ballots, votes) => {
          if (meetsThreshold(threshold, votes, ballots)) expect(meetsThreshold(threshold, votes + 1, ballots)).toBe(true);
        },
      ),
    );
  });

  it("shows shares with a decimal comma", () => {
    expect(formatShare(3, 5)).toBe("60%");
    expect(formatShare(2, 3)).toBe("66,7%");
    expect(formatShare(0, 0)).toBe("0%");
  });
});

describe("quorum", () => {
  it("defaults to the whole electorate, or the year's setting", () => {
    expect(quorumFor(null, 5)).toBe(5);
    expect(quorumFor(4, 5)).toBe(4);
  });

  it.each<[number, number, number, string | null]>([
    [5, 5, 5, null],
    [4, 4, 5, null],
    [5, 4, 5, null],
    [4, 5, 5, "Chưa thể kết thúc vòng bỏ phiếu: mới có 4 đơn vị bỏ phiếu, chưa đủ số đơn vị theo quy định (tất cả 5 đơn vị phải bỏ phiếu; còn thiếu 1 đơn vị)."],
    [2, 4, 5, "Chưa thể kết thúc vòng bỏ phiếu: mới có 2 đơn vị bỏ phiếu, chưa đủ số đơn vị theo quy định (cần tối thiểu 4/5 đơn vị bỏ phiếu; còn thiếu 2 đơn vị)."],
    [0, 1, 5, "Chưa thể kết thúc vòng bỏ phiếu: mới có 0 đơn vị bỏ phiếu, chưa đủ số đơn vị theo quy định (cần tối thiểu 1/5 đơn vị bỏ phiếu; còn thiếu 1 đơn vị)."],
  ])("%i voted, quorum %i of %i → %s", (voted, quorum, electorate, expected) => {
    expect(quorumRefusal(voted, quorum, electorate)).toBe(expected);
  });

  it("refuses to open with a quorum above the electorate, or no electorate", () => {
    expect(checkElectorate(5, 5)).toBeNull();
    expect(checkElectorate(6, 5)).toContain("Số đơn vị tối thiểu phải có mặt (6) lớn hơn số đơn vị được bỏ phiếu (5)");
    expect(checkElectorate(0, 0)).toContain("chưa có đơn vị thành viên");
  });

  it("a round with at least `quorum` units voted can close (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (electorate, q, voted) => {
        const quorum = Math.min(Math.max(1, q), electorate);
        const v = Math.min(voted, electorate);
        expect(quorumRefusal(v, quorum, electorate) === null).toBe(v >= quorum);
      }),
    );
  });
});
