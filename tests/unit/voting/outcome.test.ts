import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { candidateStatusLabel, roundOutcome, tallyBallots, validateBallot, type CandidateStatus, type OutcomeInput, type PassThreshold, type RoundKind } from "@/domain/voting";

const names = ["ANM", "KTNV", "NT", "QLXNC", "BTLCV", "X6", "X7"];
const cands = (n: number) => names.slice(0, n).map((name, i) => ({ id: name, name, position: i }));

/** approvals per candidate, in candidate order. */
function outcome(kind: RoundKind, seats: number, ballotsCast: number, approvals: number[], threshold: PassThreshold = "MORE_THAN_HALF") {
  const candidates = cands(approvals.length);
  return roundOutcome({
    kind,
    seats,
    threshold,
    ballotsCast,
    candidates,
    tallies: candidates.map((c, i) => ({ candidateId: c.id, approvals: approvals[i]!, disapprovals: ballotsCast - approvals[i]! })),
  });
}

const statuses = (o: ReturnType<typeof roundOutcome>) => Object.fromEntries(o.results.map((r) => [r.candidateId, r.status]));

describe("seats and run-offs (table)", () => {
  it.each<{
    name: string;
    kind: RoundKind;
    seats: number;
    ballots: number;
    approvals: number[];
    threshold?: PassThreshold;
    elected: string[];
    runoff: { reason: "TIE" | "NO_MAJORITY"; candidateIds: string[]; seats: number } | null;
    unfilled?: number;
    status?: Record<string, CandidateStatus>;
  }>([
    { name: "one flag, one clear winner", kind: "ACCLAIM", seats: 1, ballots: 5, approvals: [5, 2], elected: ["ANM"], runoff: null },
    {
      name: "one flag, two passing with different votes: the second has no seat",
      kind: "ACCLAIM",
      seats: 1,
      ballots: 5,
      approvals: [3, 4],
      elected: ["KTNV"],
      runoff: null,
      status: { KTNV: "ELECTED", ANM: "PASSED_NO_SEAT" },
    },
    {
      name: "one flag, two passing tied: run-off between the tied for one seat",
      kind: "ACCLAIM",
      seats: 1,
      ballots: 5,
      approvals: [4, 4, 1],
      elected: [],
      runoff: { reason: "TIE", candidateIds: ["ANM", "KTNV"], seats: 1 },
      status: { ANM: "TIED", KTNV: "TIED", NT: "NOT_PASSED" },
    },
    {
      name: "two flags, three passing, tie for the second seat: the first is elected",
      kind: "ACCLAIM",
      seats: 2,
      ballots: 5,
      approvals: [3, 5, 3],
      elected: ["KTNV"],
      runoff: { reason: "TIE", candidateIds: ["ANM", "NT"], seats: 1 },
    },
    {
      name: "two flags, three tied: run-off for both seats",
      kind: "ACCLAIM",
      seats: 2,
      ballots: 5,
      approvals: [4, 4, 4],
      elected: [],
      runoff: { reason: "TIE", candidateIds: ["ANM", "KTNV", "NT"], seats: 2 },
    },
    {
      name: "two flags, tied but both fit: no run-off",
      kind: "ACCLAIM",
      seats: 2,
      ballots: 5,
      approvals: [4, 4, 2],
      elected: ["ANM", "KTNV"],
      runoff: null,
    },
    { name: "acclaim nobody reaches: seats stay empty, no run-off", kind: "ACCLAIM", seats: 1, ballots: 5, approvals: [2, 2], elected: [], runoff: null, unfilled: 1 },
    {
      name: "a tie below the threshold is not a tie for a seat",
      kind: "ACCLAIM",
      seats: 2,
      ballots: 5,
      approvals: [5, 2, 2],
      elected: ["ANM"],
      runoff: null,
      unfilled: 1,
    },
    {
      name: "two thirds: 3 of 5 is not enough",
      kind: "ACCLAIM",
      seats: 1,
      ballots: 5,
      approvals: [3],
      threshold: "AT_LEAST_TWO_THIRDS",
      elected: [],
      runoff: null,
      unfilled: 1,
    },
    { name: "two thirds: 4 of 6 is enough", kind: "ACCLAIM", seats: 1, ballots: 6, approvals: [4], threshold: "AT_LEAST_TWO_THIRDS", elected: ["ANM"], runoff: null },
    { name: "chair: a majority", kind: "CHAIR_ELECTION", seats: 1, ballots: 5, approvals: [0, 1, 4], elected: ["NT"], runoff: null },
    {
      name: "chair: no majority, two ahead → run-off between the top two",
      kind: "CHAIR_ELECTION",
      seats: 1,
      ballots: 5,
      approvals: [2, 2, 1],
      elected: [],
      runoff: { reason: "NO_MAJORITY", candidateIds: ["ANM", "KTNV"], seats: 1 },
      status: { ANM: "RUNOFF", KTNV: "RUNOFF", NT: "NOT_PASSED" },
    },
    {
      name: "chair: no majority, tie for second place → everyone tied goes through",
      kind: "CHAIR_ELECTION",
      seats: 1,
      ballots: 5,
      approvals: [2, 1, 1, 1],
      elected: [],
      runoff: { reason: "NO_MAJORITY", candidateIds: ["ANM", "KTNV", "NT", "QLXNC"], seats: 1 },
    },
    {
      name: "deputy: a single candidate without a majority is voted on again",
      kind: "DEPUTY_ELECTION",
      seats: 1,
      ballots: 5,
      approvals: [2],
      elected: [],
      runoff: { reason: "NO_MAJORITY", candidateIds: ["ANM"], seats: 1 },
    },
    {
      name: "chair: exactly half is not a majority",
      kind: "CHAIR_ELECTION",
      seats: 1,
      ballots: 4,
      approvals: [2, 2],
      elected: [],
      runoff: { reason: "NO_MAJORITY", candidateIds: ["ANM", "KTNV"], seats: 1 },
    },
    { name: "no ballots: nobody passes (acclaim)", kind: "ACCLAIM", seats: 1, ballots: 0, approvals: [0, 0], elected: [], runoff: null, unfilled: 1 },
  ])("$name", ({ kind, seats, ballots, approvals, threshold, elected, runoff, unfilled, status }) => {
    const o = outcome(kind, seats, ballots, approvals, threshold);
    expect(o.elected).toEqual(elected);
    expect(o.runoff).toEqual(runoff);
    expect(o.unfilledSeats).toBe(unfilled ?? 0);
    if (status) expect(statuses(o)).toMatchObject(status);
  });

  it("says 'được suy tôn' for an acclaim and 'trúng cử' for an election", () => {
    expect(candidateStatusLabel("ELECTED", "ACCLAIM")).toBe("Được suy tôn");
    expect(candidateStatusLabel("ELECTED", "CHAIR_ELECTION")).toBe("Trúng cử");
    expect(candidateStatusLabel("TIED", "ACCLAIM")).toBe("Bằng phiếu – bỏ phiếu lại");
  });

  it("orders results by votes, then candidate order, and states the votes needed", () => {
    const o = outcome("ACCLAIM", 1, 5, [2, 4, 4]);
    expect(o.results.map((r) => r.candidateId)).toEqual(["KTNV", "NT", "ANM"]);
    expect(o.votesNeeded).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random closed rounds

const arbRound = fc
  .record({
    kind: fc.constantFrom<RoundKind>("ACCLAIM", "CHAIR_ELECTION", "DEPUTY_ELECTION"),
    threshold: fc.constantFrom<PassThreshold>("MORE_THAN_HALF", "AT_LEAST_TWO_THIRDS"),
    candidateCount: fc.integer({ min: 1, max: 7 }),
    ballots: fc.integer({ min: 0, max: 30 }),
    seed: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    seats: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ kind, threshold, candidateCount, ballots, seed, seats }): OutcomeInput => {
    const candidates = cands(candidateCount);
    return {
      kind,
      threshold,
      ballotsCast: ballots,
      seats: kind === "ACCLAIM" ? Math.min(seats, candidateCount) : 1,
      candidates,
      tallies: candidates.map((c, i) => {
        const approvals = ballots === 0 ? 0 : seed[i]! % (ballots + 1);
        return { candidateId: c.id, approvals, disapprovals: ballots - approvals };
      }),
    };
  });

describe("seats and run-offs (properties)", () => {
  it("never more elected than seats, and every elected candidate passes", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        const o = roundOutcome(input);
        expect(o.elected.length).toBeLessThanOrEqual(input.seats);
        for (const id of o.elected) expect(o.results.find((r) => r.candidateId === id)!.passes).toBe(true);
      }),
    );
  });

  it("elected + run-off seats + unfilled seats = seats", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        const o = roundOutcome(input);
        expect(o.elected.length + (o.runoff?.seats ?? 0) + o.unfilledSeats).toBe(input.seats);
      }),
    );
  });

  it("a TIE run-off has more candidates than seats, all with equal votes, all passing and below every elected one", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        const o = roundOutcome(input);
        if (o.runoff?.reason !== "TIE") return;
        const tied = o.results.filter((r) => o.runoff!.candidateIds.includes(r.candidateId));
        expect(tied.length).toBeGreaterThan(o.runoff.seats);
        expect(new Set(tied.map((r) => r.approvals)).size).toBe(1);
        expect(tied.every((r) => r.passes && r.status === "TIED")).toBe(true);
        for (const id of o.elected) expect(o.results.find((r) => r.candidateId === id)!.approvals).toBeGreaterThan(tied[0]!.approvals);
      }),
    );
  });

  it("no passing candidate with more votes than an elected one is left out", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        const o = roundOutcome(input);
        const minElected = Math.min(...o.elected.map((id) => o.results.find((r) => r.candidateId === id)!.approvals));
        for (const r of o.results) if (!o.elected.includes(r.candidateId) && r.passes) expect(r.approvals).toBeLessThanOrEqual(minElected);
      }),
    );
  });

  it("an election with seats to fill always either elects or offers a run-off; an acclaim never runs off without a tie", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        const o = roundOutcome(input);
        if (input.kind !== "ACCLAIM") expect(o.unfilledSeats).toBe(0);
        else if (o.runoff) expect(o.runoff.reason).toBe("TIE");
      }),
    );
  });

  it("does not depend on the order the tallies come in", () => {
    fc.assert(
      fc.property(arbRound, (input) => {
        expect(roundOutcome({ ...input, tallies: [...input.tallies].reverse() })).toEqual(roundOutcome(input));
      }),
    );
  });

  it("from real ballots: valid CHOOSE ballots of a 1-seat election never elect two, and > 50% elects at most seats", () => {
    const candidates = cands(4);
    const units = ["U1", "U2", "U3", "U4", "U5", "U6", "U7"];
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 1, maxLength: units.length }), (picks) => {
        const ballots = picks.map((p, i) => {
          const check = validateBallot(
            { mode: "CHOOSE", seats: 1, candidates: candidates.map((c) => ({ id: c.id, unitId: `X${c.id}`, name: c.name })), voterUnitId: units[i]!, allowSelfVote: false },
            p === null ? [] : [{ candidateId: candidates[p]!.id, verdict: "yes" }],
          );
          if (!check.ok) throw new Error(check.message);
          return check.choices;
        });
        const o = roundOutcome({
          kind: "CHAIR_ELECTION",
          seats: 1,
          threshold: "MORE_THAN_HALF",
          ballotsCast: ballots.length,
          candidates,
          tallies: tallyBallots(candidates.map((c) => c.id), ballots),
        });
        expect(o.results.filter((r) => r.passes).length).toBeLessThanOrEqual(1);
        expect(o.elected.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
