// Pass thresholds and quorum. Integer arithmetic only, so 2/3 of 6 is exactly 4 (no rounding drift).
import { PASS_THRESHOLDS } from "../year-settings";
import type { PassThreshold } from "./types";

/**
 * Whether `votes` out of `ballotsCast` meets the threshold. The base is the ballots cast (blank
 * ballots included), never the electorate: "trên 50% số phiếu" means of the ballots returned.
 * No ballot, no pass.
 */
export function meetsThreshold(threshold: PassThreshold, votes: number, ballotsCast: number): boolean {
  if (ballotsCast <= 0 || votes <= 0) return false;
  switch (threshold) {
    case "MORE_THAN_HALF":
      return 2 * votes > ballotsCast;
    case "AT_LEAST_TWO_THIRDS":
      return 3 * votes >= 2 * ballotsCast;
  }
}

/** The fewest votes that pass (for "cần ít nhất … phiếu"); 0 ballots → 1 (nothing can pass anyway). */
export function votesNeeded(threshold: PassThreshold, ballotsCast: number): number {
  if (ballotsCast <= 0) return 1;
  switch (threshold) {
    case "MORE_THAN_HALF":
      return Math.floor(ballotsCast / 2) + 1;
    case "AT_LEAST_TWO_THIRDS":
      return Math.ceil((2 * ballotsCast) / 3);
  }
}

export const thresholdLabel = (threshold: PassThreshold) => PASS_THRESHOLDS[threshold];

/** "60%" / "66,7%": a share of the ballots cast, as Vietnamese readers write it. */
export function formatShare(votes: number, ballotsCast: number): string {
  if (ballotsCast <= 0) return "0%";
  const percent = Math.round((votes / ballotsCast) * 1000) / 10;
  return `${String(percent).replace(".", ",")}%`;
}

// ---------------------------------------------------------------------------------------------
// Quorum

/** The quorum of a round: the year's setting, or (null: the default) every unit of the electorate. */
export function quorumFor(quorumUnits: number | null, electorateSize: number): number {
  return quorumUnits ?? electorateSize;
}

/** Why a round cannot open with this electorate and quorum, or null. */
export function checkElectorate(quorum: number, electorateSize: number): string | null {
  if (electorateSize <= 0) return "Cụm chưa có đơn vị thành viên đang hoạt động nên không thể mở vòng bỏ phiếu.";
  if (quorum > electorateSize) {
    return `Số đơn vị tối thiểu phải có mặt (${quorum}) lớn hơn số đơn vị được bỏ phiếu (${electorateSize}); hãy sửa thiết lập "Số đơn vị tối thiểu có mặt khi bỏ phiếu" của năm thi đua trước khi mở vòng bỏ phiếu.`;
  }
  return null;
}

/** Why a round cannot be closed yet for lack of quorum, or null when enough units have voted. */
export function quorumRefusal(voted: number, quorum: number, electorateSize: number): string | null {
  if (voted >= quorum && voted > 0) return null;
  const rule = quorum >= electorateSize ? `tất cả ${electorateSize} đơn vị phải bỏ phiếu` : `cần tối thiểu ${quorum}/${electorateSize} đơn vị bỏ phiếu`;
  return `Chưa thể kết thúc vòng bỏ phiếu: mới có ${voted} đơn vị bỏ phiếu, chưa đủ số đơn vị theo quy định (${rule}; còn thiếu ${Math.max(quorum - voted, 1)} đơn vị).`;
}
