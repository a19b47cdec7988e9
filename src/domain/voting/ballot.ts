// Checking one ballot before it is stored: every refusal says why, and nothing is stored on refusal.
import type { BallotChoiceValue, BallotMode } from "./types";

export type BallotCandidate = { id: string; unitId: string; name: string };

export type BallotRules = {
  mode: BallotMode;
  seats: number;
  candidates: readonly BallotCandidate[];
  /** The delegate's own unit. */
  voterUnitId: string;
  /** The year's setting: may a unit vote on its own candidacy? */
  allowSelfVote: boolean;
};

/** What the form sent, per candidate: "yes" (đồng ý / chọn) or "no" (không đồng ý). Anything else is tampering. */
export type BallotEntry = { candidateId: string; verdict: string };

export type BallotCheck = { ok: true; choices: BallotChoiceValue[] } | { ok: false; message: string };

export const BALLOT_TAMPERED = "Phiếu bầu không hợp lệ (dữ liệu gửi lên đã bị thay đổi). Phiếu chưa được ghi nhận; vui lòng tải lại trang và bỏ phiếu lại.";
export const NOT_A_CANDIDATE = "Phiếu bầu có đơn vị không nằm trong danh sách của vòng bỏ phiếu này. Phiếu chưa được ghi nhận.";

/** Whether the delegate may give a verdict on this candidate (self-votes are refused unless allowed). */
export const mayVoteOn = (rules: Pick<BallotRules, "voterUnitId" | "allowSelfVote">, candidate: Pick<BallotCandidate, "unitId">) =>
  rules.allowSelfVote || candidate.unitId !== rules.voterUnitId;

/**
 * A ballot is valid when: each entry names a candidate of the round, once; no entry is about the
 * delegate's own unit unless the year allows self-votes; CHOOSE ballots tick at most `seats`
 * candidates (none is a blank ballot, which counts as cast); VERDICT ballots give a verdict on every
 * candidate the delegate may vote on.
 */
export function validateBallot(rules: BallotRules, entries: readonly BallotEntry[]): BallotCheck {
  const byId = new Map(rules.candidates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.candidateId)) return { ok: false, message: BALLOT_TAMPERED };
    seen.add(entry.candidateId);
    if (!byId.has(entry.candidateId)) return { ok: false, message: NOT_A_CANDIDATE };
    if (entry.verdict !== "yes" && entry.verdict !== "no") return { ok: false, message: BALLOT_TAMPERED };
    if (rules.mode === "CHOOSE" && entry.verdict !== "yes") return { ok: false, message: BALLOT_TAMPERED };
  }
  for (const entry of entries) {
    const candidate = byId.get(entry.candidateId)!;
    if (!mayVoteOn(rules, candidate)) {
      return {
        ok: false,
        message: `Theo quy chế của cụm, đơn vị không được tự bỏ phiếu cho chính mình (${candidate.name}). Phiếu chưa được ghi nhận.`,
      };
    }
  }
  if (rules.mode === "CHOOSE") {
    if (entries.length > rules.seats) {
      return {
        ok: false,
        message: `Chỉ được chọn tối đa ${rules.seats} đơn vị; phiếu đã chọn ${entries.length} đơn vị. Phiếu chưa được ghi nhận.`,
      };
    }
  } else {
    const missing = rules.candidates.filter((c) => mayVoteOn(rules, c) && !seen.has(c.id));
    if (missing.length > 0) {
      return {
        ok: false,
        message: `Vui lòng cho ý kiến "Đồng ý" hoặc "Không đồng ý" với từng đơn vị; còn thiếu: ${missing.map((c) => c.name).join("; ")}.`,
      };
    }
  }
  // Stored in candidate order, never in the order the form listed them.
  const order = new Map(rules.candidates.map((c, i) => [c.id, i]));
  const choices = [...entries]
    .sort((a, b) => order.get(a.candidateId)! - order.get(b.candidateId)!)
    .map((e) => ({ candidateId: e.candidateId, approve: e.verdict === "yes" }));
  return { ok: true, choices };
}
