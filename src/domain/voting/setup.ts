// Setting up a round: seats, candidates, titles. Returns field errors (empty when the set-up is valid).
import type { YearSettings } from "../year-settings";
import type { RoundKind } from "./types";

export type FieldErrors = Record<string, string[]>;

/** Collective titles a conference may acclaim units for, highest first. */
export const ACCLAIM_TITLE_CODES = ["CO_CP", "CO_BCA", "DV_QUYET_THANG", "DV_TIEN_TIEN"] as const;

/**
 * The most units that may be acclaimed for a title in one cluster-year, from the year's settings:
 * Ministry flags = ministryFlagsPerCluster + extraMinistryFlags; the Government flag: 1. Other titles
 * have no cluster-wide limit (null).
 */
export function acclaimSeatLimit(titleCode: string | null, settings: Pick<YearSettings, "ministryFlagsPerCluster" | "extraMinistryFlags">): number | null {
  if (titleCode === "CO_BCA") return settings.ministryFlagsPerCluster + settings.extraMinistryFlags;
  if (titleCode === "CO_CP") return 1;
  return null;
}

/** The seats a new round's form suggests. */
export function defaultSeats(kind: RoundKind, titleCode: string | null, settings: Pick<YearSettings, "ministryFlagsPerCluster" | "extraMinistryFlags">): number {
  if (kind !== "ACCLAIM") return 1;
  return Math.max(1, acclaimSeatLimit(titleCode, settings) ?? 1);
}

/** The title of a round when the secretariat leaves it empty. */
export function defaultRoundTitle(kind: RoundKind, year: number, titleName?: string | null): string {
  switch (kind) {
    case "ACCLAIM":
      return `Suy tôn ${titleName ?? "danh hiệu thi đua"} năm ${year}`;
    case "CHAIR_ELECTION":
      return `Bầu Cụm trưởng năm ${year + 1}`;
    case "DEPUTY_ELECTION":
      return `Bầu Cụm phó năm ${year + 1}`;
  }
}

export function runoffTitle(parentTitle: string): string {
  const base = parentTitle.replace(/ – bỏ phiếu lại( lần \d+)?$/u, "");
  const m = / – bỏ phiếu lại(?: lần (\d+))?$/u.exec(parentTitle);
  const n = m ? Number(m[1] ?? 1) + 1 : 1;
  return n === 1 ? `${base} – bỏ phiếu lại` : `${base} – bỏ phiếu lại lần ${n}`;
}

function addError(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/**
 * Seats and candidates of a round: at least one candidate; elections have exactly one seat; seats
 * never exceed the candidates, nor the year's flag allowance for an acclaim of a flag.
 */
export function checkRoundSetup(input: {
  kind: RoundKind;
  seats: number;
  candidateCount: number;
  seatLimit: number | null;
  titleName?: string | null;
}): FieldErrors {
  const errors: FieldErrors = {};
  if (input.candidateCount === 0) addError(errors, "candidates", "Vui lòng chọn ít nhất một đơn vị vào danh sách.");
  if (!Number.isInteger(input.seats) || input.seats < 1) addError(errors, "seats", "Số suất phải là số nguyên từ 1 trở lên.");
  else if (input.kind !== "ACCLAIM" && input.seats !== 1) addError(errors, "seats", "Bầu Cụm trưởng, Cụm phó chỉ có 1 suất.");
  else {
    if (input.candidateCount > 0 && input.seats > input.candidateCount) {
      addError(errors, "seats", `Số suất (${input.seats}) không được nhiều hơn số đơn vị trong danh sách (${input.candidateCount}).`);
    }
    if (input.seatLimit !== null && input.seats > input.seatLimit) {
      addError(
        errors,
        "seats",
        input.seatLimit === 0
          ? `Theo thiết lập của năm thi đua, cụm không có suất ${input.titleName ?? "danh hiệu này"}.`
          : `Theo thiết lập của năm thi đua, cụm có tối đa ${input.seatLimit} suất ${input.titleName ?? "danh hiệu này"}.`,
      );
    }
  }
  return errors;
}
