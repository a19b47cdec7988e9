// What each phase of an emulation year allows (docs/domain.md §4, "What each phase allows"): every
// year-scoped command names the action it belongs to (`phases` on its defineCommand); this table says
// in which phases that action is done, and phaseVerdict decides, from the year's phase and the
// secretariat's overrides, whether the command may run now. The one home of the phase rule: the
// command guard (src/server/year-phase-guard.ts), the year page and the tests read it.
// Pure functions, no framework imports; the caller passes the clock.
import { RESULTS_PHASES } from "./excel-rows/results-window";
import { displayIsoDate, vietnamDayAfter, vietnamToday } from "./registration-window";
import { PHASE_LABELS, YEAR_PHASES, type YearPhase } from "./year-phases";

/** Every phase but CLOSED (a closed year refuses every write on its own terms: YEAR_CLOSED_MESSAGE). */
export const OPEN_PHASES: readonly YearPhase[] = YEAR_PHASES.filter((p) => p !== "CLOSED");

export type PhaseAction = {
  /** Vietnamese, as the refusal and the year page name it. */
  label: string;
  phases: readonly YearPhase[];
  /**
   * "override": the secretariat may allow it outside its phases for the year (a PhaseOverride);
   * "reopen": a unit's registration reopened by the secretariat lifts it for that unit (the reopen
   * is this action's override, per unit or for several at once); "none": nothing to lift (every
   * open phase).
   */
  lift: "override" | "reopen" | "none";
};

export const PHASE_ACTIONS = {
  yearSetup: {
    label: "Thiết lập năm thi đua (cụm trưởng, thời hạn, giai đoạn, nhắc hạn, mở lại đăng ký, giao ước)",
    phases: OPEN_PHASES,
    lift: "none",
  },
  records: {
    label: "Ghi nhận sáng kiến, kỷ luật; nhập từ Excel (mỗi trang tính theo thời hạn của nó)",
    phases: OPEN_PHASES,
    lift: "none",
  },
  criteria: { label: "Xây dựng, sửa đổi bảng tiêu chí, thang điểm", phases: ["SETUP", "REGISTRATION", "MIDYEAR"], lift: "override" },
  registration: { label: "Đăng ký thi đua của đơn vị", phases: ["REGISTRATION"], lift: "reopen" },
  reports: { label: "Soạn, gửi báo cáo sơ kết, tổng kết", phases: ["MIDYEAR", "REPORTING"], lift: "override" },
  reportReview: { label: "Tiếp nhận, trả lại báo cáo", phases: ["MIDYEAR", "REPORTING", "SCORING"], lift: "override" },
  crossScoring: { label: "Chấm chéo (mở, chấm, đóng, mở lại vòng chấm)", phases: ["SCORING"], lift: "override" },
  finalScores: { label: "Điểm chính thức, xếp hạng", phases: ["SCORING", "CONFERENCE"], lift: "override" },
  votePreparation: { label: "Chuẩn bị các vòng bỏ phiếu", phases: ["SCORING", "CONFERENCE"], lift: "override" },
  voting: { label: "Bỏ phiếu tại hội nghị (mở vòng, bỏ phiếu, đóng vòng, bỏ phiếu lại, áp dụng kết quả)", phases: ["CONFERENCE"], lift: "override" },
  jointAgreement: { label: "Soạn thảo, ghi nhận giao ước thi đua chung của cụm", phases: ["CONFERENCE"], lift: "override" },
  chairAssignment: { label: "Ghi nhận Cụm trưởng năm sau do Bộ chỉ định", phases: ["CONFERENCE", "RESULTS"], lift: "override" },
  results: { label: "Ghi nhận, xác nhận kết quả khen thưởng", phases: RESULTS_PHASES, lift: "override" },
} as const satisfies Record<string, PhaseAction>;

export type PhaseActionKey = keyof typeof PHASE_ACTIONS;
export const PHASE_ACTION_KEYS = Object.keys(PHASE_ACTIONS) as PhaseActionKey[];
export const isPhaseActionKey = (key: string): key is PhaseActionKey => Object.hasOwn(PHASE_ACTIONS, key);

/** The actions the secretariat may allow outside their phases (the override form's choices). */
export const OVERRIDABLE_ACTIONS = PHASE_ACTION_KEYS.filter((k) => PHASE_ACTIONS[k].lift === "override");

/** Whether the action is done in this phase by rule (no override needed). */
export const actionInPhase = (action: PhaseActionKey, phase: YearPhase) => (PHASE_ACTIONS[action].phases as readonly YearPhase[]).includes(phase);

/** Every action done in this phase, for the year page. */
export const actionsOfPhase = (phase: YearPhase) => PHASE_ACTION_KEYS.filter((k) => PHASE_ACTIONS[k].lift !== "none" && actionInPhase(k, phase));

const phaseList = (phases: readonly YearPhase[]) => phases.map((p) => `“${PHASE_LABELS[p]}”`).join(", ");

// ---------------------------------------------------------------------------------------------
// Overrides

/** An override as stored: the action allowed outside its phases for one year, until it expires or is revoked. */
export type PhaseOverrideInfo = { action: string; expiresAt: Date | null; revokedAt: Date | null };

/** In force at `now`: not revoked, and not past its expiry (exclusive). */
export const overrideActive = (o: PhaseOverrideInfo, now: Date) => !o.revokedAt && (!o.expiresAt || now.getTime() < o.expiresAt.getTime());

/** How far ahead an override may run, in days (a guard against a mistyped year). */
export const MAX_OVERRIDE_DAYS = 366;

/**
 * Whether the secretariat may allow `action` outside its phases now: only an overridable action,
 * only while the year is open and the action is not already allowed in the current phase.
 */
export function checkOverride(action: string, phase: YearPhase): string | null {
  if (!isPhaseActionKey(action)) return "Việc được cho phép không hợp lệ.";
  const a = PHASE_ACTIONS[action];
  if (a.lift === "reopen") return `“${a.label}” được mở lại cho từng đơn vị (hoặc nhiều đơn vị một lúc) bằng chức năng “Mở lại đăng ký”, không cần cho phép ngoài giai đoạn.`;
  if (a.lift === "none") return `“${a.label}” làm được ở mọi giai đoạn, không cần cho phép.`;
  if (actionInPhase(action, phase)) return `“${a.label}” đã được làm trong giai đoạn hiện tại (“${PHASE_LABELS[phase]}”), không cần cho phép.`;
  return null;
}

/** The last day of an override (inclusive, Vietnam time): today or later, at most MAX_OVERRIDE_DAYS ahead. */
export function checkOverrideUntil(untilIso: string, now: Date): string | null {
  const today = vietnamToday(now);
  if (untilIso < today) return `Ngày hết hạn cho phép (${displayIsoDate(untilIso)}) không được trước hôm nay (${displayIsoDate(today)}).`;
  const latest = vietnamDayAfter(now, MAX_OVERRIDE_DAYS);
  if (untilIso > latest) return `Chỉ có thể cho phép tối đa ${MAX_OVERRIDE_DAYS} ngày (đến ${displayIsoDate(latest)}).`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The verdict

export type PhaseVerdict = { allowed: true; by: "phase" | "override" | "reopen" } | { allowed: false; message: string };

/** Who can change what refused it, said in every refusal. */
export const PHASE_CHANGER = "Thư ký cụm";

/**
 * May a command of `action` run in a year in `phase`? Yes in its phases; outside them only through an
 * active override of that action for the year (or, for a unit's registration, its running reopen).
 * A refusal names the action, the year's phase, the phases the action belongs to, and who can
 * change it. A CLOSED year is not decided here: every write refuses it with YEAR_CLOSED_MESSAGE.
 */
export function phaseVerdict(input: {
  action: PhaseActionKey;
  phase: YearPhase;
  year: number;
  overrides: PhaseOverrideInfo[];
  /** For `registration`: the unit's reopen (reopenedUntil), if any. */
  reopenedUntil?: Date | null;
  now: Date;
}): PhaseVerdict {
  const { action, phase, year, now } = input;
  const a: PhaseAction = PHASE_ACTIONS[action];
  if (phase === "CLOSED" || actionInPhase(action, phase)) return { allowed: true, by: "phase" };
  if (a.lift === "override" && input.overrides.some((o) => o.action === action && overrideActive(o, now))) return { allowed: true, by: "override" };
  if (a.lift === "reopen" && input.reopenedUntil && now.getTime() < input.reopenedUntil.getTime()) return { allowed: true, by: "reopen" };
  const who =
    a.lift === "reopen"
      ? `${PHASE_CHANGER} có thể chuyển giai đoạn hoặc mở lại đăng ký cho đơn vị.`
      : `${PHASE_CHANGER} có thể chuyển giai đoạn hoặc cho phép làm việc này ngoài giai đoạn (trang Năm thi đua ${year}).`;
  return {
    allowed: false,
    message: `Năm thi đua ${year} đang ở giai đoạn “${PHASE_LABELS[phase]}”; “${a.label}” chỉ làm trong giai đoạn ${phaseList(a.phases)}. ${who}`,
  };
}
