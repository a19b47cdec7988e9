import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tallyBallots, type BallotChoiceValue } from "@/domain/voting";

describe("tallies", () => {
  it("counts approvals and disapprovals per candidate", () => {
    const ballots: BallotChoiceValue[][] = [
      [
        { candidateId: "A", approve: true },
        { candidateId: "B", approve: false },
      ],
      [
        { candidateId: "A", approve: true },
        { candidateId: "B", approve: true },
      ],
      [],
    ];
    expect(tallyBallots(["A", "B", "C"], ballots)).toEqual([
      { candidateId: "A", approvals: 2, disapprovals: 0 },
      { candidateId: "B", approvals: 1, disapprovals: 1 },
      { candidateId: "C", approvals: 0, disapprovals: 0 },
    ]);
  });

  it("refuses a choice for an unknown candidate", () => {
    expect(() => tallyBallots(["A"], [[{ candidateId: "Z", approve: true }]])).toThrow();
  });

  it("tally total = the choices on all ballots, and order of ballots does not matter (property)", () => {
    const ids = ["A", "B", "C", "D"];
    const ballot = fc.uniqueArray(fc.record({ candidateId: fc.constantFrom(...ids), approve: fc.boolean() }), {
      selector: (c) => c.candidateId,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 60 }), (ballots) => {
        const tally = tallyBallots(ids, ballots);
        const total = tally.reduce((s, t) => s + t.approvals + t.disapprovals, 0);
        expect(total).toBe(ballots.reduce((s, b) => s + b.length, 0));
        for (const t of tally) expect(t.approvals + t.disapprovals).toBeLessThanOrEqual(ballots.length);
        expect(tallyBallots(ids, [...ballots].reverse())).toEqual(tally);
      }),
    );
  });

  it("with full ballots, tally total = ballots × choices per ballot (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { maxLength: 40 }), (verdicts) => {
        const ids = ["A", "B", "C"];
        const ballots = verdicts.map((v) => v.map((approve, i) => ({ candidateId: ids[i]!, approve })));
        const tally = tallyBallots(ids, ballots);
        expect(tally.reduce((s, t) => s + t.approvals + t.disapprovals, 0)).toBe(ballots.length * 3);
      }),
    );
  });
});
