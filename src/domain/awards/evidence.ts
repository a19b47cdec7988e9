// The evidence an item carries (docs/domain.md §9): assembled by the app when the item is added and kept
// as it was then. Ballot secrecy (docs/security-voting.md): a vote is shown by the round's aggregate
// result only — ballots issued and returned, votes for, the share against the threshold — never a
// unit's ballot.
import { z } from "zod";
import { meetsThreshold, thresholdLabel, formatShare } from "../voting/threshold";
import type { PassThreshold } from "../voting/types";
import type { TitleResult } from "../eligibility";

export const voteEvidenceSchema = z.object({
  roundId: z.string(),
  roundTitle: z.string(),
  /** Phiếu phát ra: the round's electorate (member units). */
  ballotsIssued: z.number().int().min(0),
  /** Phiếu thu về. */
  ballotsReturned: z.number().int().min(0),
  votesFor: z.number().int().min(0),
  /** "80%" of the ballots returned. */
  share: z.string(),
  threshold: z.string(),
  passed: z.boolean(),
});
export type VoteEvidence = z.infer<typeof voteEvidenceSchema>;

export const eligibilityEvidenceSchema = z.object({
  title: z.string(),
  status: z.enum(["ELIGIBLE", "NOT_YET", "BLOCKED"]),
  /** The day the check was made (yyyy-mm-dd). */
  asOf: z.string(),
  reasons: z.array(z.object({ rule: z.string(), ok: z.boolean(), message: z.string(), basis: z.string().optional() })),
});
export type EligibilityEvidence = z.infer<typeof eligibilityEvidenceSchema>;

export const reportEvidenceSchema = z.object({
  /** Final score in half-points (UnitReport.finalTotalHalf). */
  finalTotalHalf: z.number().int().nullable(),
  rank: z.number().int().nullable(),
  rankedUnits: z.number().int().min(0),
});
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;

export const itemEvidenceSchema = z.object({
  takenAt: z.string(),
  vote: voteEvidenceSchema.nullable(),
  eligibility: eligibilityEvidenceSchema.nullable(),
  report: reportEvidenceSchema.nullable(),
});
export type ItemEvidence = z.infer<typeof itemEvidenceSchema>;

/** A stored evidence value (JSON) read back; a malformed one shows as "no evidence". */
export function readEvidence(stored: unknown): ItemEvidence {
  const parsed = itemEvidenceSchema.safeParse(stored);
  return parsed.success ? parsed.data : { takenAt: "", vote: null, eligibility: null, report: null };
}

/** A closed round's aggregate result for one candidate. */
export function voteEvidence(round: { id: string; title: string; electorateSize: number | null; threshold: PassThreshold }, tally: { ballots: number; approvals: number }): VoteEvidence {
  return {
    roundId: round.id,
    roundTitle: round.title,
    ballotsIssued: round.electorateSize ?? tally.ballots,
    ballotsReturned: tally.ballots,
    votesFor: tally.approvals,
    share: formatShare(tally.approvals, tally.ballots),
    threshold: thresholdLabel(round.threshold),
    passed: meetsThreshold(round.threshold, tally.approvals, tally.ballots),
  };
}

export function eligibilityEvidence(result: TitleResult, asOf: string): EligibilityEvidence {
  return { title: result.title, status: result.status, asOf, reasons: result.reasons.map((r) => ({ rule: r.rule, ok: r.ok, message: r.message, ...(r.basis ? { basis: r.basis } : {}) })) };
}

/** "Phiếu phát ra 5, thu về 5; 4 phiếu đồng ý (80%) — Trên 50% số phiếu: đạt". */
export function voteEvidenceText(v: VoteEvidence): string {
  return `Phiếu phát ra ${v.ballotsIssued}, thu về ${v.ballotsReturned}; ${v.votesFor} phiếu đồng ý (${v.share}) — yêu cầu ${v.threshold.toLowerCase()}: ${v.passed ? "đạt" : "không đạt"}.`;
}

/** "Điểm tổng kết 95,5, xếp thứ 2/5" (a unit's report at the time of proposal); "" without a score. */
export function reportEvidenceText(r: ReportEvidence | null): string {
  if (!r || r.finalTotalHalf === null) return "";
  return `Điểm tổng kết ${String(r.finalTotalHalf / 2).replace(".", ",")}${r.rank ? `, xếp thứ ${r.rank}/${r.rankedUnits}` : ""}`;
}

/** The eligibility check as one line per reason, the unmet ones marked: for documents. */
export function eligibilityEvidenceLines(e: EligibilityEvidence | null): string[] {
  if (!e) return [];
  const [y, m, d] = e.asOf.split("-");
  return [
    `Điều kiện tại ngày ${d}/${m}/${y}: ${e.status === "ELIGIBLE" ? "đủ điều kiện" : "chưa đủ điều kiện"}`,
    ...e.reasons.map((r) => `${r.ok ? "+" : "−"} ${r.message}${r.basis ? ` (căn cứ: ${r.basis})` : ""}`),
  ];
}
