import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BALLOT_TAMPERED, ballotMode, NOT_A_CANDIDATE, validateBallot, type BallotEntry, type BallotRules } from "@/domain/voting";

const candidates = [
  { id: "c-anm", unitId: "ANM", name: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao" },
  { id: "c-ktnv", unitId: "KTNV", name: "Cục Kỹ thuật nghiệp vụ" },
  { id: "c-nt", unitId: "NT", name: "Cục Ngoại tuyến" },
];

const rules = (extra: Partial<BallotRules> = {}): BallotRules => ({
  mode: "CHOOSE",
  seats: 1,
  candidates,
  voterUnitId: "QLXNC",
  allowSelfVote: false,
  ...extra,
});

const yes = (candidateId: string): BallotEntry => ({ candidateId, verdict: "yes" });
const no = (candidateId: string): BallotEntry => ({ candidateId, verdict: "no" });

describe("ballot mode", () => {
  it("acclaim asks for a verdict per candidate; elections and every run-off ask to choose", () => {
    expect(ballotMode("ACCLAIM", false)).toBe("VERDICT");
    expect(ballotMode("ACCLAIM", true)).toBe("CHOOSE");
    expect(ballotMode("CHAIR_ELECTION", false)).toBe("CHOOSE");
    expect(ballotMode("DEPUTY_ELECTION", true)).toBe("CHOOSE");
  });
});

describe("validating a ballot", () => {
  it.each<[string, Partial<BallotRules>, BallotEntry[], string | null]>([
    ["one choice of one seat", {}, [yes("c-ktnv")], null],
    ["a blank ballot", {}, [], null],
    ["two choices of two seats", { seats: 2 }, [yes("c-ktnv"), yes("c-nt")], null],
    ["more choices than seats", {}, [yes("c-ktnv"), yes("c-nt")], "Chỉ được chọn tối đa 1 đơn vị; phiếu đã chọn 2 đơn vị. Phiếu chưa được ghi nhận."],
    ["a non-candidate", {}, [yes("c-other")], NOT_A_CANDIDATE],
    ["the same candidate twice", { seats: 2 }, [yes("c-nt"), yes("c-nt")], BALLOT_TAMPERED],
    ["a 'no' on a CHOOSE ballot", {}, [no("c-nt")], BALLOT_TAMPERED],
    ["a made-up verdict", { mode: "VERDICT" }, [{ candidateId: "c-nt", verdict: "maybe" }], BALLOT_TAMPERED],
    [
      "a self-vote when the year forbids it",
      { voterUnitId: "KTNV" },
      [yes("c-ktnv")],
      "Theo quy chế của cụm, đơn vị không được tự bỏ phiếu cho chính mình (Cục Kỹ thuật nghiệp vụ). Phiếu chưa được ghi nhận.",
    ],
    ["a self-vote when the year allows it", { voterUnitId: "KTNV", allowSelfVote: true }, [yes("c-ktnv")], null],
    ["a verdict on every candidate", { mode: "VERDICT" }, [yes("c-anm"), no("c-ktnv"), yes("c-nt")], null],
    ["more approvals than seats in an acclaim", { mode: "VERDICT" }, [yes("c-anm"), yes("c-ktnv"), yes("c-nt")], null],
    [
      "a missing verdict",
      { mode: "VERDICT" },
      [yes("c-anm")],
      'Vui lòng cho ý kiến "Đồng ý" hoặc "Không đồng ý" với từng đơn vị; còn thiếu: Cục Kỹ thuật nghiệp vụ; Cục Ngoại tuyến.',
    ],
    ["every verdict but the delegate's own unit", { mode: "VERDICT", voterUnitId: "ANM" }, [no("c-ktnv"), yes("c-nt")], null],
    [
      "a 'no' on the delegate's own unit",
      { mode: "VERDICT", voterUnitId: "ANM" },
      [no("c-anm"), no("c-ktnv"), yes("c-nt")],
      "Theo quy chế của cụm, đơn vị không được tự bỏ phiếu cho chính mình (Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao). Phiếu chưa được ghi nhận.",
    ],
  ])("%s", (_name, extra, entries, expected) => {
    const result = validateBallot(rules(extra), entries);
    if (expected === null) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, message: expected });
  });

  it("stores choices in candidate order whatever the form's order, approve = yes", () => {
    const result = validateBallot(rules({ mode: "VERDICT" }), [yes("c-nt"), no("c-anm"), yes("c-ktnv")]);
    expect(result).toEqual({
      ok: true,
      choices: [
        { candidateId: "c-anm", approve: false },
        { candidateId: "c-ktnv", approve: true },
        { candidateId: "c-nt", approve: true },
      ],
    });
  });

  it("an accepted CHOOSE ballot never holds more choices than seats, nor a self-vote, nor a stranger (property)", () => {
    const ids = ["c-anm", "c-ktnv", "c-nt", "c-x", "c-y"];
    fc.assert(
      fc.property(
        fc.array(fc.record({ candidateId: fc.constantFrom(...ids), verdict: fc.constantFrom("yes", "no", "") }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom("ANM", "KTNV", "NT", "QLXNC"),
        fc.boolean(),
        fc.constantFrom<"CHOOSE" | "VERDICT">("CHOOSE", "VERDICT"),
        (entries, seats, voterUnitId, allowSelfVote, mode) => {
          const result = validateBallot(rules({ seats, voterUnitId, allowSelfVote, mode }), entries);
          if (!result.ok) return;
          const known = new Set(candidates.map((c) => c.id));
          expect(result.choices.every((c) => known.has(c.candidateId))).toBe(true);
          expect(new Set(result.choices.map((c) => c.candidateId)).size).toBe(result.choices.length);
          if (mode === "CHOOSE") {
            expect(result.choices.length).toBeLessThanOrEqual(seats);
            expect(result.choices.every((c) => c.approve)).toBe(true);
          } else {
            const expected = candidates.filter((c) => allowSelfVote || c.unitId !== voterUnitId).length;
            expect(result.choices.length).toBe(expected);
          }
          if (!allowSelfVote) {
            const own = candidates.find((c) => c.unitId === voterUnitId);
            if (own) expect(result.choices.some((c) => c.candidateId === own.id)).toBe(false);
          }
        },
      ),
    );
  });
});
