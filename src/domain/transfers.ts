// Officer transfers (điều động cán bộ, docs/domain.md §11): when a transfer may be recorded, and the
// date each kind of record stands for. Pure: the command loads the facts, this decides.
import { displayIsoDate } from "./vietnam-calendar";

/**
 * The date a record stands for, compared with a transfer's effective date. A year's result or
 * initiative concludes the year: 31 December (a result's decision, when later, moves it on); a
 * registration opens it: 1 January; a discipline and a transfer have their own dates.
 */
export type OfficerRecordKind = "result" | "initiative" | "discipline" | "registration" | "transfer";
export type OfficerRecordDate = { kind: OfficerRecordKind; date: string; year: number };

export const yearEndDate = (year: number) => `${year}-12-31`;
export const yearStartDate = (year: number) => `${year}-01-01`;

const RECORD_LABELS: Record<OfficerRecordKind, (r: OfficerRecordDate) => string> = {
  result: (r) => `kết quả thi đua năm ${r.year}`,
  initiative: (r) => `sáng kiến năm ${r.year}`,
  discipline: (r) => `kỷ luật từ ngày ${displayIsoDate(r.date)}`,
  registration: (r) => `đăng ký thi đua năm ${r.year}`,
  transfer: (r) => `lần điều động ngày ${displayIsoDate(r.date)}`,
};

/** What a record is, in the refusal's words. */
export const describeRecord = (r: OfficerRecordDate) => RECORD_LABELS[r.kind](r);

const KIND_ORDER: readonly OfficerRecordKind[] = ["transfer", "result", "discipline", "initiative", "registration"];

/** The latest of an officer's records; on one day, the one named first in KIND_ORDER (a transfer, a result…). */
export function latestRecord(records: readonly OfficerRecordDate[]): OfficerRecordDate | null {
  let latest: OfficerRecordDate | null = null;
  for (const r of records) {
    if (!latest || r.date > latest.date || (r.date === latest.date && KIND_ORDER.indexOf(r.kind) < KIND_ORDER.indexOf(latest.kind))) latest = r;
  }
  return latest;
}

export type TransferFacts = {
  officerActive: boolean;
  fromUnitId: string;
  /** The destination as stored: null when no such unit; `member` false for a sub-unit. */
  toUnit: { id: string; member: boolean; active: boolean; sameCluster: boolean } | null;
  /** Whether the actor may transfer into the destination's cluster (the admin: anywhere). */
  mayReachCluster: boolean;
  effectiveDate: string;
  decisionDate: string;
  /** Today on the emulation calendar (yyyy-mm-dd). */
  today: string;
  latest: OfficerRecordDate | null;
};

export type TransferRefusal = { message: string; field?: "toUnitId" | "effectiveDate" | "decisionDate" };

export const TRANSFER_MESSAGES = {
  inactive: "Cán bộ đã không còn công tác; không thể điều động.",
  notMember: "Đơn vị nhận phải là một đơn vị thành viên đang hoạt động.",
  sameUnit: "Cán bộ đang công tác tại đơn vị này; hãy chọn đơn vị khác.",
  otherCluster: "Điều động sang đơn vị của cụm khác do Quản trị thực hiện.",
  future: "Ngày hiệu lực không được sau ngày hôm nay.",
  decisionFuture: "Ngày quyết định không được sau ngày hôm nay.",
} as const;

/** The first reason the transfer cannot be recorded, or null (docs/domain.md §11). */
export function transferRefusal(f: TransferFacts): TransferRefusal | null {
  if (!f.officerActive) return { message: TRANSFER_MESSAGES.inactive };
  if (!f.toUnit || !f.toUnit.member || !f.toUnit.active) return { message: TRANSFER_MESSAGES.notMember, field: "toUnitId" };
  if (f.toUnit.id === f.fromUnitId) return { message: TRANSFER_MESSAGES.sameUnit, field: "toUnitId" };
  if (!f.toUnit.sameCluster && !f.mayReachCluster) return { message: TRANSFER_MESSAGES.otherCluster, field: "toUnitId" };
  if (f.effectiveDate > f.today) return { message: TRANSFER_MESSAGES.future, field: "effectiveDate" };
  if (f.decisionDate > f.today) return { message: TRANSFER_MESSAGES.decisionFuture, field: "decisionDate" };
  if (f.latest && f.effectiveDate < f.latest.date) {
    return {
      message: `Ngày hiệu lực không được trước ngày ${displayIsoDate(f.latest.date)} (${describeRecord(f.latest)} của cán bộ).`,
      field: "effectiveDate",
    };
  }
  return null;
}
