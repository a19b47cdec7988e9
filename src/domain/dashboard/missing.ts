// "What is still missing, from whom": from the year's phase, its deadlines and each unit's statuses,
// the list the chair and the secretariat chase. Pure: the caller passes the clock and the statuses.
//
// Only what the phase has reached counts (nothing is asked of a unit before registration opens), a
// closed year asks nothing more, and an item is overdue when today (Vietnam time) is after the end of
// its deadline day. Drafts are never described: a report that is not submitted is "chưa nộp",
// whether the unit has started it or not.
import { compareVi } from "../vietnamese";
import { formatCount } from "./labels";
import { YEAR_PHASES, type YearPhase } from "../year-phases";

export type ReportState = "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export type UnitProgress = {
  unitId: string;
  name: string;
  registration: {
    /** null: the unit has not started its registration. */
    status: "DRAFT" | "SUBMITTED" | null;
    hasTargetTitle: boolean;
    agreementSigned: boolean;
  };
  officers: { active: number; registered: number };
  midyearReport: ReportState | null;
  yearEndReport: ReportState | null;
  /** Cross-scoring sheets assigned to this unit and not submitted yet (an open scoring round). */
  pendingCrossScores: number;
};

export type OpenRound = { id: string; title: string; votedUnitIds: readonly string[] };

export type MissingInput = {
  phase: YearPhase;
  now: Date;
  deadlines: { registration: string | null; midyearReport: string | null; report: string | null; conference: string | null };
  units: readonly UnitProgress[];
  /** Rounds open for voting now; every unit in `units` is a voter. */
  openRounds: readonly OpenRound[];
};

export type MissingKind =
  | "REGISTRATION_NOT_SUBMITTED"
  | "UNIT_TITLE_NOT_REGISTERED"
  | "OFFICERS_NOT_REGISTERED"
  | "AGREEMENT_MISSING"
  | "MIDYEAR_REPORT_MISSING"
  | "MIDYEAR_REPORT_RETURNED"
  | "REPORT_MISSING"
  | "REPORT_RETURNED"
  | "REPORT_TO_REVIEW"
  | "CROSS_SCORES_MISSING"
  | "BALLOT_MISSING";

export type Who = { kind: "UNIT"; unitId: string; name: string } | { kind: "SECRETARIAT" };

export type MissingItem = {
  who: Who;
  kind: MissingKind;
  /** Vietnamese, one line. */
  label: string;
  /** yyyy-mm-dd, inclusive; null when the year has none for it. */
  deadline: string | null;
  overdue: boolean;
};

/** A deadline (yyyy-mm-dd, Vietnam) allows the whole day: past after 23:59:59.999 at UTC+7. */
export function isPastDeadline(isoDate: string | null | undefined, now: Date): boolean {
  return !!isoDate && now.getTime() > new Date(`${isoDate}T23:59:59.999+07:00`).getTime();
}

/** "2022-03-31" → "31/03/2022". */
export const displayIsoDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const reached = (phase: YearPhase, step: YearPhase) => YEAR_PHASES.indexOf(phase) >= YEAR_PHASES.indexOf(step);

/** Everything still missing, overdue first, then by deadline (none last), then by who. */
export function whatIsMissing(input: MissingInput): MissingItem[] {
  const { phase, now, deadlines } = input;
  if (phase === "CLOSED" || !reached(phase, "REGISTRATION")) return [];
  const items: MissingItem[] = [];
  const add = (who: Who, kind: MissingKind, label: string, deadline: string | null) =>
    items.push({ who, kind, label, deadline, overdue: isPastDeadline(deadline, now) });

  for (const u of input.units) {
    const unit: Who = { kind: "UNIT", unitId: u.unitId, name: u.name };
    // Registration (from the registration phase on: what was not done is still missing, and late).
    if (u.registration.status !== "SUBMITTED") add(unit, "REGISTRATION_NOT_SUBMITTED", "Chưa gửi đăng ký thi đua", deadlines.registration);
    if (!u.registration.hasTargetTitle) add(unit, "UNIT_TITLE_NOT_REGISTERED", "Chưa đăng ký danh hiệu thi đua của đơn vị", deadlines.registration);
    const unregistered = Math.max(0, u.officers.active - u.officers.registered);
    if (unregistered > 0) {
      add(unit, "OFFICERS_NOT_REGISTERED", `Còn ${formatCount(unregistered)}/${formatCount(u.officers.active)} cán bộ, chiến sĩ chưa đăng ký danh hiệu`, deadlines.registration);
    }
    if (!u.registration.agreementSigned) add(unit, "AGREEMENT_MISSING", "Chưa có giao ước thi đua đã ký", deadlines.registration);

    // Mid-year review: optional; asked for once the year is in that phase or has a deadline for it.
    if (reached(phase, "MIDYEAR") && (deadlines.midyearReport !== null || phase === "MIDYEAR")) {
      if (u.midyearReport === "RETURNED") add(unit, "MIDYEAR_REPORT_RETURNED", "Báo cáo sơ kết 6 tháng bị trả lại, chưa nộp lại", deadlines.midyearReport);
      else if (u.midyearReport !== "SUBMITTED" && u.midyearReport !== "ACCEPTED") {
        add(unit, "MIDYEAR_REPORT_MISSING", "Chưa nộp báo cáo sơ kết 6 tháng", deadlines.midyearReport);
      }
    }

    // Year-end report.
    if (reached(phase, "REPORTING")) {
      if (u.yearEndReport === "RETURNED") add(unit, "REPORT_RETURNED", "Báo cáo tổng kết bị trả lại, chưa nộp lại", deadlines.report);
      else if (u.yearEndReport === "SUBMITTED") {
        add({ kind: "SECRETARIAT" }, "REPORT_TO_REVIEW", `Báo cáo tổng kết của ${u.name} chờ tiếp nhận`, null);
      } else if (u.yearEndReport !== "ACCEPTED") add(unit, "REPORT_MISSING", "Chưa nộp báo cáo tổng kết", deadlines.report);
    }

    if (u.pendingCrossScores > 0) add(unit, "CROSS_SCORES_MISSING", `Chưa gửi ${u.pendingCrossScores} phiếu chấm chéo`, null);

    for (const round of input.openRounds) {
      if (!round.votedUnitIds.includes(u.unitId)) add(unit, "BALLOT_MISSING", `Chưa bỏ phiếu: ${round.title}`, null);
    }
  }

  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.deadline ?? "9999-99-99").localeCompare(b.deadline ?? "9999-99-99") ||
      whoOrder(a.who, b.who),
  );
}

function whoOrder(a: Who, b: Who): number {
  if (a.kind !== b.kind) return a.kind === "UNIT" ? -1 : 1;
  return a.kind === "UNIT" && b.kind === "UNIT" ? compareVi(a.name, b.name) : 0;
}

export type MissingGroup = { who: Who; items: MissingItem[] };

/** The items grouped by who must act: units in Vietnamese order, the secretariat last. */
export function groupByWho(items: readonly MissingItem[]): MissingGroup[] {
  const groups = new Map<string, MissingGroup>();
  for (const item of items) {
    const key = item.who.kind === "UNIT" ? item.who.unitId : "SECRETARIAT";
    const g = groups.get(key) ?? { who: item.who, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => whoOrder(a.who, b.who));
}

export const whoLabel = (who: Who) => (who.kind === "UNIT" ? who.name : "Thư ký cụm");

/** "Hạn 31/03/2022 (đã quá hạn)" / "Hạn 31/03/2022" / "". */
export function deadlineText(item: Pick<MissingItem, "deadline" | "overdue">): string {
  if (!item.deadline) return "";
  return `Hạn ${displayIsoDate(item.deadline)}${item.overdue ? " (đã quá hạn)" : ""}`;
}
