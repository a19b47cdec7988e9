import { describe, expect, it } from "vitest";
import { itemEvidenceSchema, readEvidence, voteEvidence, voteEvidenceText } from "@/domain/awards";

describe("an item's vote evidence", () => {
  it("is the round's aggregate result against its threshold, nothing about any unit's ballot", () => {
    const v = voteEvidence({ id: "r", title: "Suy tôn Cờ thi đua của Bộ Công an năm 2021", electorateSize: 5, threshold: "MORE_THAN_HALF" }, { ballots: 5, approvals: 4 });
    expect(v).toEqual({
      roundId: "r",
      roundTitle: "Suy tôn Cờ thi đua của Bộ Công an năm 2021",
      ballotsIssued: 5,
      ballotsReturned: 5,
      votesFor: 4,
      share: "80%",
      threshold: "Trên 50% số phiếu",
      passed: true,
    });
    expect(Object.keys(v)).not.toContain("ballots");
    expect(voteEvidenceText(v)).toBe("Phiếu phát ra 5, thu về 5; 4 phiếu đồng ý (80%) — yêu cầu trên 50% số phiếu: đạt.");
  });

  it("says when the share misses a two-thirds threshold", () => {
    expect(voteEvidence({ id: "r", title: "t", electorateSize: 6, threshold: "AT_LEAST_TWO_THIRDS" }, { ballots: 6, approvals: 3 }).passed).toBe(false);
  });

  it("reads a stored value back, and a malformed one as no evidence", () => {
    const stored = { takenAt: "2022-12-05T02:00:00.000Z", vote: null, eligibility: null, report: { finalTotalHalf: 190, rank: 1, rankedUnits: 5 } };
    expect(itemEvidenceSchema.parse(stored)).toEqual(stored);
    expect(readEvidence(stored)).toEqual(stored);
    expect(readEvidence({ nonsense: true })).toEqual({ takenAt: "", vote: null, eligibility: null, report: null });
  });
});
