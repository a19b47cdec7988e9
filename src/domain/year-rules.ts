// Rules for a cluster's emulation years (docs/domain.md §4 step 1, step 6 "chair rotation", step 8):
// which year may be opened, who may chair it, how settings carry over, how phases move.
// Pure functions, no framework imports: the commands and pages apply them, the tests pin them down.
import { PHASE_LABELS, YEAR_PHASES, type YearPhase } from "./year-phases";
import { DEFAULT_YEAR_SETTINGS, type YearSettings } from "./year-settings";
import { checkDeadlines, DEADLINE_KEYS } from "./year-deadlines";

export const YEAR_CLOSED_MESSAGE = "Năm thi đua đã khóa sổ, không thể chỉnh sửa.";
export const DEFAULT_MOVEMENT = "Vì An ninh Tổ quốc";
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Vietnamese label of every setting, for forms, read-only views and error messages. */
export const YEAR_SETTING_LABELS: Record<keyof YearSettings, string> = {
  cstdcsQuotaPercent: "Tỷ lệ tối đa Chiến sĩ thi đua cơ sở (% số Chiến sĩ tiên tiến của đơn vị)",
  cstdcsBasis: "Điều kiện xét Chiến sĩ thi đua cơ sở",
  advancedUnitMinCstPercent: "Đơn vị tiên tiến: tỷ lệ Chiến sĩ tiên tiến phải trên (%)",
  determinedUnitMinGoodPercent: "Đơn vị Quyết thắng: tỷ lệ tối thiểu hoàn thành tốt nhiệm vụ trở lên (%)",
  ministryFlagsPerCluster: "Số Cờ thi đua của Bộ Công an mỗi cụm mỗi năm",
  extraMinistryFlags: "Số Cờ thi đua của Bộ Công an được Bộ phân bổ thêm",
  subUnitDeterminedQuotaPercent: "Đơn vị trực thuộc: tỷ lệ tối đa Đơn vị Quyết thắng (% số đơn vị trực thuộc của đơn vị)",
  passThreshold: "Tỷ lệ phiếu để được bầu, suy tôn",
  quorumUnits: "Số đơn vị tối thiểu có mặt khi bỏ phiếu",
  allowSelfVote: "Đơn vị được bỏ phiếu cho chính mình",
  outgoingChairMayBeReelected: "Cụm trưởng năm nay được bầu lại làm Cụm trưởng năm sau",
  rankingTieBreak: "Cách xếp hạng khi bằng tổng điểm",
  crossScorersPerReport: "Số đơn vị chấm chéo mỗi báo cáo",
  scoreDifferencePercent: "Mức chênh lệch điểm cần lưu ý (% điểm tối đa của tiêu chí)",
  registrationDeadline: "Hạn đăng ký thi đua",
  midyearReportDeadline: "Hạn nộp báo cáo sơ kết 6 tháng",
  reportDeadline: "Hạn nộp báo cáo tổng kết",
  conferenceDate: "Ngày hội nghị tổng kết",
  reminderOffsets: "Nhắc hạn trước (số ngày làm việc)",
  disclosureWorkingDays: "Thời gian công khai hồ sơ đề nghị khen thưởng (số ngày làm việc)",
};

export { DEADLINE_KEYS, type DeadlineKey } from "./year-deadlines";

export type FieldErrors = Record<string, string[]>;

function addError(errors: FieldErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

// ---------------------------------------------------------------------------------------------
// Which year may be opened

/** The year the "open a year" form suggests: the one after the latest, or this calendar year. */
export function defaultYearToOpen(latestYear: number | null, currentCalendarYear: number): number {
  return latestYear === null ? currentCalendarYear : latestYear + 1;
}

/**
 * A new year must come right after the cluster's latest year (latest 2022 → only 2023); a cluster
 * with no year yet may start with any year in range. Returns the refusal, or null.
 */
export function checkYearToOpen(year: number, latestYear: number | null): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    return `Năm thi đua phải là một năm từ ${MIN_YEAR} đến ${MAX_YEAR}.`;
  }
  if (latestYear === null) return null;
  if (year === latestYear) return `Năm thi đua ${year} đã được mở; chỉ có thể mở năm ${latestYear + 1}.`;
  if (year < latestYear) return `Năm thi đua phải sau năm gần nhất của cụm (${latestYear}); chỉ có thể mở năm ${latestYear + 1}.`;
  if (year > latestYear + 1) {
    return `Không thể mở năm ${year} khi năm ${latestYear + 1} chưa được mở; chỉ có thể mở năm ${latestYear + 1}.`;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Chair and deputy

/** A member unit of the cluster (a unit without a parent). */
export type MemberUnitInfo = { id: string; name: string; active: boolean };

/** A neighbouring year of the same cluster, as far as chair rotation is concerned. */
export type ChairHistoryEntry = { year: number; chairUnitId: string | null; outgoingChairMayBeReelected: boolean };

export type LeadershipContext = {
  year: number;
  /** Every member unit of the cluster (active or not). */
  members: MemberUnitInfo[];
  /** The nearest earlier year of the cluster; its setting decides whether its chair may go on. */
  previous: ChairHistoryEntry | null;
  /** The nearest later year of the cluster, if any (when correcting an older year). */
  next: { year: number; chairUnitId: string | null } | null;
  /** This year's own setting (decides whether this year's chair may chair the next year). */
  outgoingChairMayBeReelected: boolean;
};

/**
 * Chair and deputy must be different active member units of the cluster; by default the outgoing
 * chair cannot chair again the following year. The chair is required, the deputy optional.
 * Returns field errors (empty when the choice is valid).
 */
export function checkLeadership(
  choice: { chairUnitId: string | null; deputyUnitId: string | null },
  ctx: LeadershipContext,
): FieldErrors {
  const errors: FieldErrors = {};
  const byId = new Map(ctx.members.map((m) => [m.id, m]));
  const checkMember = (field: string, id: string, role: string) => {
    const unit = byId.get(id);
    if (!unit) {
      addError(errors, field, `${role} phải là một đơn vị thành viên của cụm.`);
      return false;
    }
    if (!unit.active) {
      addError(errors, field, `${unit.name} đã ngừng hoạt động, không thể làm ${role}.`);
      return false;
    }
    return true;
  };

  if (!choice.chairUnitId) addError(errors, "chairUnitId", "Vui lòng chọn đơn vị Cụm trưởng.");
  else if (checkMember("chairUnitId", choice.chairUnitId, "Cụm trưởng")) {
    const name = byId.get(choice.chairUnitId)!.name;
    const prev = ctx.previous;
    if (prev && prev.chairUnitId === choice.chairUnitId && !prev.outgoingChairMayBeReelected) {
      addError(
        errors,
        "chairUnitId",
        `${name} là Cụm trưởng năm ${prev.year}; theo quy chế của cụm, Cụm trưởng năm trước không được bầu lại cho năm ${ctx.year}.`,
      );
    }
    const next = ctx.next;
    if (next && next.chairUnitId === choice.chairUnitId && !ctx.outgoingChairMayBeReelected) {
      addError(
        errors,
        "chairUnitId",
        `${name} đã là Cụm trưởng năm ${next.year}; theo quy chế của cụm, một đơn vị không làm Cụm trưởng hai năm liền.`,
      );
    }
  }

  if (choice.deputyUnitId) {
    if (choice.deputyUnitId === choice.chairUnitId) addError(errors, "deputyUnitId", "Cụm phó phải là đơn vị khác với Cụm trưởng.");
    else checkMember("deputyUnitId", choice.deputyUnitId, "Cụm phó");
  }
  return errors;
}

export type ChairCandidate = MemberUnitInfo & { lastChairedYear: number | null };

/**
 * Who may chair `forYear`: active member units, without the outgoing chair unless the previous
 * year's setting allows re-election, ordered by "longest since last chaired" (never chaired
 * first); ties keep the members' order (Vietnamese alphabetical order as given).
 */
export function chairCandidates(forYear: number, members: MemberUnitInfo[], history: ChairHistoryEntry[]): ChairCandidate[] {
  const earlier = history.filter((h) => h.year < forYear);
  const previous = earlier.reduce<ChairHistoryEntry | null>((best, h) => (!best || h.year > best.year ? h : best), null);
  const lastChaired = new Map<string, number>();
  for (const h of earlier) {
    if (h.chairUnitId && h.year > (lastChaired.get(h.chairUnitId) ?? -Infinity)) lastChaired.set(h.chairUnitId, h.year);
  }
  return members
    .map((m, index) => ({ ...m, lastChairedYear: lastChaired.get(m.id) ?? null, index }))
    .filter((m) => m.active)
    .filter((m) => !(previous && previous.chairUnitId === m.id && !previous.outgoingChairMayBeReelected))
    .sort((a, b) => (a.lastChairedYear ?? -Infinity) - (b.lastChairedYear ?? -Infinity) || a.index - b.index)
    .map(({ index: _index, ...m }) => m);
}

// ---------------------------------------------------------------------------------------------
// Settings

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "yyyy-mm-dd" one year later; 29 February becomes 28 February. */
export function shiftIsoDateOneYear(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  const year = Number(m[1]) + 1;
  const month = Number(m[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad2(month)}-${pad2(Math.min(Number(m[3]), lastDay))}`;
}

/** A new year's settings: the previous year's with every deadline one year later, or the defaults. */
export function settingsForNewYear(previous: YearSettings | null): YearSettings {
  if (!previous) return { ...DEFAULT_YEAR_SETTINGS };
  const next: YearSettings = { ...previous };
  for (const key of DEADLINE_KEYS) {
    const value = previous[key];
    next[key] = value ? shiftIsoDateOneYear(value) : null;
  }
  return next;
}

/**
 * Checks that settings fit the year: the deadlines make sense (src/domain/year-deadlines.ts: not
 * before the year starts, not after it must be closed, in order; a deadline left as stored is not
 * re-checked against the bounds), and the quorum is not more than the active member units. Returns
 * field errors (empty when consistent).
 */
export function checkSettingsForYear(
  settings: YearSettings,
  ctx: { year: number; activeMemberCount: number; openedOn: string; before?: YearSettings },
): FieldErrors {
  const errors: FieldErrors = {};
  if (settings.quorumUnits !== null && settings.quorumUnits > ctx.activeMemberCount) {
    addError(
      errors,
      "quorumUnits",
      `Số đơn vị tối thiểu (${settings.quorumUnits}) không được vượt quá số đơn vị thành viên đang hoạt động (${ctx.activeMemberCount}).`,
    );
  }
  return { ...errors, ...checkDeadlines(settings, { year: ctx.year, openedOn: ctx.openedOn, before: ctx.before, labels: YEAR_SETTING_LABELS }) };
}

// ---------------------------------------------------------------------------------------------
// Phases

export type PhaseMove = "advance" | "revert" | "close";
export type PhaseMoveResult = { ok: true; to: YearPhase } | { ok: false; message: string };

/**
 * Phases move forward one step at a time or back one step. The last step (results → closed) is
 * the closing itself, which has its own confirmation; nothing leaves CLOSED (closing is final,
 * later corrections are amendments).
 */
export function movePhase(from: YearPhase, move: PhaseMove): PhaseMoveResult {
  if (from === "CLOSED") return { ok: false, message: YEAR_CLOSED_MESSAGE };
  const index = YEAR_PHASES.indexOf(from);
  const last = YEAR_PHASES.length - 1; // CLOSED
  switch (move) {
    case "advance":
      if (index + 1 >= last) {
        return { ok: false, message: `Giai đoạn "${PHASE_LABELS[from]}" là giai đoạn cuối; để kết thúc năm thi đua, hãy khóa sổ.` };
      }
      return { ok: true, to: YEAR_PHASES[index + 1]! };
    case "revert":
      if (index === 0) return { ok: false, message: `Năm thi đua đang ở giai đoạn đầu tiên ("${PHASE_LABELS[from]}"), không thể lùi lại.` };
      return { ok: true, to: YEAR_PHASES[index - 1]! };
    case "close":
      if (index + 1 !== last) {
        return {
          ok: false,
          message: `Chỉ có thể khóa sổ khi năm thi đua ở giai đoạn "${PHASE_LABELS[YEAR_PHASES[last - 1]!]}" (hiện tại: "${PHASE_LABELS[from]}").`,
        };
      }
      return { ok: true, to: "CLOSED" };
  }
}
