// The home page's to-do list (issue 13 item 4): what the signed-in person has to do now, each with its
// deadline, how that deadline stands ("đang mở, còn N ngày" / "đã hết hạn N ngày trước": year-deadlines.ts) and a link to where it is done.
// Pure: src/server/queries/home.ts loads the facts (the actor's own unit or cluster only) and passes the
// clock. What each role is asked, per emulation year that is not closed:
//
// - unit officer: send the unit's registration (or, once it can no longer be written, ask for a reopen);
//   draft the mid-year report (from the mid-year phase, when the year asks for one) and the year-end
//   report (from the reporting phase), or mend a returned one; send the unit's cross-scoring sheets;
// - unit head: approve and submit a drafted report; vote in every open round the unit has not voted in;
//   the cross-scoring sheets (the head may send them too); and follow up what the unit still owes
//   (registration, reports not drafted or returned);
// - secretariat: open the current year; finish the set-up; follow the registrations, reports and
//   cross-scoring of the phase; take in submitted reports; open, close and finalise scoring; hold the
//   conference and close its open rounds; record the decisions and close the year; move the phase on
//   when its work is done;
// - admin: failed e-mail deliveries, and the public holidays of this year and (from October) the next.
// Everyone: unread notifications. Overdue items come first (most overdue first), then by deadline,
// then those without one, each group in the order above.
import { formatCount } from "./dashboard/labels";
import { deadlineStatus, type DeadlineStatus } from "./year-deadlines";
import type { Role } from "./permissions";
import { registrationWindow, vietnamToday } from "./registration-window";
import { PHASE_LABELS, YEAR_PHASES, type YearPhase } from "./year-phases";

export type ReportKind = "MIDYEAR" | "YEAR_END";
export type ReportStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export type YearDeadlines = { registration: string | null; midyearReport: string | null; report: string | null; conference: string | null };

/** One of the unit's reports: `drafted` once a draft has been saved (the head then has something to approve). */
export type ReportFact = { id: string; status: ReportStatus; drafted: boolean; returnReason: string | null };

/** The actor's own unit in one year (unit officers and heads). */
export type UnitYearFacts = {
  registration: { status: "DRAFT" | "SUBMITTED" | null; hasTargetTitle: boolean; agreementSigned: boolean; reopenedUntil: Date | null };
  officers: { active: number; registered: number };
  reports: Partial<Record<ReportKind, ReportFact>>;
  /** Cross-scoring sheets assigned to the unit in an open round and not sent yet. */
  pendingCrossSheets: number;
  /** Vote rounds open now in which the unit has not voted yet. */
  roundsToVote: { id: string; title: string }[];
};

/** The actor's cluster in one year (the secretariat). */
export type ClusterYearFacts = {
  /** Active member units. */
  units: number;
  registrationsSubmitted: number;
  /** Reports per kind: how many are in (submitted or accepted), how many accepted, and those waiting to be taken in. */
  reports: Record<ReportKind, { delivered: number; accepted: number; toReview: { id: string; unitName: string }[] }>;
  scoring: { state: "OPEN" | "CLOSED" | "FINALISED"; pendingSheets: number } | null;
  rounds: { id: string; title: string; state: "DRAFT" | "OPEN" | "CLOSED"; voted: number }[];
};

export type YearFacts = {
  id: string;
  year: number;
  phase: YearPhase;
  deadlines: YearDeadlines;
  unit?: UnitYearFacts;
  cluster?: ClusterYearFacts;
};

export type TodoFacts = {
  role: Role;
  now: Date;
  /** The cluster's years that are not closed, oldest first. */
  openYears: YearFacts[];
  /** The cluster's latest year, open or closed; null when it has none (or the actor has no cluster). */
  latestYear: number | null;
  unreadNotifications: number;
  /** Admins: e-mails that could not be delivered, and how many holidays each year has (this year and the next). */
  admin?: { failedDeliveries: number; holidays: { year: number; count: number }[] };
};

export type TodoItem = {
  /** Stable within the list (React key, tests). */
  key: string;
  /** What to do, in Vietnamese. */
  title: string;
  detail: string | null;
  /** yyyy-mm-dd (inclusive), or null. */
  deadline: string | null;
  status: DeadlineStatus;
  href: string;
};

const reached = (phase: YearPhase, step: YearPhase) => YEAR_PHASES.indexOf(phase) >= YEAR_PHASES.indexOf(step);

const REPORT_NAMES: Record<ReportKind, string> = { MIDYEAR: "báo cáo sơ kết 6 tháng", YEAR_END: "báo cáo tổng kết" };

/** Whether the year asks for this report now: the year-end one from the reporting phase; the mid-year one
 * (optional) from its phase on, when the year is in it or has set a deadline for it. */
function reportDue(y: YearFacts, kind: ReportKind): boolean {
  if (kind === "YEAR_END") return reached(y.phase, "REPORTING");
  return reached(y.phase, "MIDYEAR") && (y.deadlines.midyearReport !== null || y.phase === "MIDYEAR");
}

const reportDeadline = (y: YearFacts, kind: ReportKind) => (kind === "MIDYEAR" ? y.deadlines.midyearReport : y.deadlines.report);
const reportHref = (r: ReportFact | undefined) => (r ? `/reports/${r.id}` : "/reports");

type Draft = Omit<TodoItem, "status">;

// ---------------------------------------------------------------------------------------------
// A unit's officer and head

function registrationItems(role: "UNIT_OFFICER" | "UNIT_HEAD", y: YearFacts, u: UnitYearFacts, now: Date): Draft[] {
  const reg = u.registration;
  if (!reached(y.phase, "REGISTRATION") || reg.status === "SUBMITTED") return [];
  const window = registrationWindow({ phase: y.phase, deadline: y.deadlines.registration, status: reg.status, reopenedUntil: reg.reopenedUntil, now });
  const progress = `đã đăng ký ${formatCount(u.officers.registered)}/${formatCount(u.officers.active)} cán bộ, chiến sĩ`;
  const missing = [progress, !reg.hasTargetTitle && "chưa chọn danh hiệu của đơn vị", !reg.agreementSigned && "chưa ghi nhận giao ước thi đua"].filter(Boolean);
  const key = `registration-${y.year}`;
  if (!window.writable) {
    return [
      {
        key,
        title: `Đăng ký thi đua năm ${y.year} chưa được gửi`,
        detail: `Đã hết thời gian đăng ký (${missing.join(", ")}); đề nghị Thư ký cụm mở lại đăng ký cho đơn vị.`,
        deadline: y.deadlines.registration,
        href: "/registration",
      },
    ];
  }
  const reopened = window.reason === "REOPENED" ? "Thư ký cụm đã mở lại đăng ký. " : "";
  return [
    role === "UNIT_OFFICER"
      ? {
          key,
          title: `Gửi đăng ký thi đua năm ${y.year}`,
          detail: `${reopened}Đơn vị ${missing.join(", ")}. Có thể nhập danh sách từ Excel.`,
          deadline: window.until,
          href: "/registration",
        }
      : {
          key,
          title: `Đôn đốc gửi đăng ký thi đua năm ${y.year}`,
          detail: `${reopened}Đơn vị ${missing.join(", ")}; cán bộ thi đua của đơn vị gửi đăng ký.`,
          deadline: window.until,
          href: "/registration",
        },
  ];
}

function reportItems(role: "UNIT_OFFICER" | "UNIT_HEAD", y: YearFacts, u: UnitYearFacts): Draft[] {
  const items: Draft[] = [];
  for (const kind of ["MIDYEAR", "YEAR_END"] as const) {
    if (!reportDue(y, kind)) continue;
    const r = u.reports[kind];
    if (r && (r.status === "SUBMITTED" || r.status === "ACCEPTED")) continue;
    const name = REPORT_NAMES[kind];
    const base = { key: `report-${kind}-${y.year}`, deadline: reportDeadline(y, kind), href: reportHref(r) };
    if (r?.status === "RETURNED") {
      const reason = r.returnReason ? `Lý do trả lại: ${r.returnReason}` : "Thư ký cụm đã trả lại báo cáo.";
      items.push(
        role === "UNIT_OFFICER"
          ? { ...base, title: `Sửa ${name} năm ${y.year} bị trả lại`, detail: `${reason} Sửa xong, lãnh đạo đơn vị duyệt và nộp lại.` }
          : { ...base, title: `Duyệt và nộp lại ${name} năm ${y.year}`, detail: `${reason} Cán bộ thi đua sửa, lãnh đạo đơn vị nộp lại.` },
      );
    } else if (role === "UNIT_OFFICER") {
      items.push({
        ...base,
        title: `Soạn ${name} năm ${y.year}`,
        detail: r?.drafted ? "Bản nháp đã lưu; hoàn thiện rồi đề nghị lãnh đạo đơn vị duyệt và nộp." : "Chưa có bản nháp.",
      });
    } else if (r?.drafted) {
      items.push({ ...base, title: `Duyệt và nộp ${name} năm ${y.year}`, detail: "Cán bộ thi đua đã lưu bản nháp, chờ lãnh đạo đơn vị duyệt và nộp." });
    } else {
      items.push({ ...base, title: `Đôn đốc soạn ${name} năm ${y.year}`, detail: "Đơn vị chưa có bản nháp." });
    }
  }
  return items;
}

function unitItems(role: "UNIT_OFFICER" | "UNIT_HEAD", y: YearFacts, now: Date): Draft[] {
  const u = y.unit;
  if (!u) return [];
  const items = [...registrationItems(role, y, u, now), ...reportItems(role, y, u)];
  if (u.pendingCrossSheets > 0) {
    items.push({
      key: `cross-${y.year}`,
      title: `Chấm chéo ${u.pendingCrossSheets} báo cáo năm ${y.year}`,
      detail: "Gửi phiếu chấm chéo báo cáo tổng kết của đơn vị được phân công trước hội nghị tổng kết.",
      deadline: y.deadlines.conference,
      href: "/reports/cross",
    });
  }
  if (role === "UNIT_HEAD") {
    for (const round of u.roundsToVote) {
      items.push({
        key: `vote-${round.id}`,
        title: `Bỏ phiếu: ${round.title}`,
        detail: "Vòng bỏ phiếu đang mở; lãnh đạo đơn vị bỏ một phiếu thay mặt đơn vị.",
        deadline: y.deadlines.conference,
        href: `/conference/rounds/${round.id}/vote`,
      });
    }
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// The secretariat

const DEADLINE_NAMES: Record<keyof YearDeadlines, string> = {
  registration: "hạn đăng ký",
  midyearReport: "hạn báo cáo sơ kết",
  report: "hạn báo cáo tổng kết",
  conference: "ngày hội nghị",
};

function nextPhase(y: YearFacts, why: string): Draft {
  const next = YEAR_PHASES[YEAR_PHASES.indexOf(y.phase) + 1]!;
  return { key: `phase-${y.year}`, title: `Chuyển năm ${y.year} sang giai đoạn “${PHASE_LABELS[next]}”`, detail: why, deadline: null, href: `/cluster/years/${y.id}` };
}

function secretariatItems(y: YearFacts, now: Date): Draft[] {
  const c = y.cluster;
  if (!c) return [];
  const items: Draft[] = [];
  const yearHref = `/cluster/years/${y.id}`;
  if (y.phase === "SETUP") {
    const unset = (Object.keys(DEADLINE_NAMES) as (keyof YearDeadlines)[]).filter((k) => k !== "midyearReport" && !y.deadlines[k]).map((k) => DEADLINE_NAMES[k]);
    items.push({
      key: `setup-${y.year}`,
      title: `Hoàn tất thiết lập năm ${y.year} và mở đăng ký thi đua`,
      detail: `${unset.length ? `Chưa đặt: ${unset.join(", ")}. ` : ""}Kiểm tra Cụm trưởng, tiêu chí chấm điểm, rồi chuyển sang giai đoạn “${PHASE_LABELS.REGISTRATION}”.`,
      deadline: null,
      href: yearHref,
    });
  }
  if (y.phase === "REGISTRATION") {
    if (c.registrationsSubmitted < c.units) {
      const passed = deadlineStatus(y.deadlines.registration, now).state === "PASSED";
      items.push({
        key: `registration-${y.year}`,
        title: `Theo dõi đăng ký thi đua năm ${y.year}: ${c.registrationsSubmitted}/${c.units} đơn vị đã gửi`,
        detail: passed
          ? `${c.units - c.registrationsSubmitted} đơn vị chưa gửi sau hạn: nhắc các đơn vị, hoặc mở lại đăng ký cho họ với hạn mới.`
          : "Các đơn vị gửi đăng ký trước hạn; bảng theo dõi cho biết tiến độ của từng đơn vị.",
        deadline: y.deadlines.registration,
        href: "/registration",
      });
    } else if (c.units > 0) items.push(nextPhase(y, "Tất cả các đơn vị đã gửi đăng ký thi đua."));
  }
  for (const kind of ["MIDYEAR", "YEAR_END"] as const) {
    const r = c.reports[kind];
    if (r.toReview.length > 0) {
      items.push({
        key: `review-${kind}-${y.year}`,
        title: `Tiếp nhận ${r.toReview.length} ${REPORT_NAMES[kind]} năm ${y.year}`,
        detail: `Chờ tiếp nhận: ${r.toReview.map((x) => x.unitName).join(", ")}. Tiếp nhận, hoặc trả lại kèm lý do.`,
        deadline: null,
        href: r.toReview.length === 1 ? `/reports/${r.toReview[0]!.id}` : "/reports",
      });
    }
    const phaseOfKind: YearPhase = kind === "MIDYEAR" ? "MIDYEAR" : "REPORTING";
    if (y.phase !== phaseOfKind || !reportDue(y, kind)) continue;
    if (r.delivered < c.units) {
      items.push({
        key: `reports-${kind}-${y.year}`,
        title: `Theo dõi ${REPORT_NAMES[kind]} năm ${y.year}: ${r.delivered}/${c.units} đơn vị đã nộp`,
        detail: null,
        deadline: reportDeadline(y, kind),
        href: "/reports",
      });
    } else if (c.units > 0 && (kind === "MIDYEAR" || r.accepted === c.units)) {
      items.push(nextPhase(y, kind === "MIDYEAR" ? "Tất cả các đơn vị đã nộp báo cáo sơ kết 6 tháng." : "Báo cáo tổng kết của tất cả các đơn vị đã được tiếp nhận."));
    }
  }
  const scoringHref = `/reports/scoring/${y.id}`;
  if (!c.scoring && y.phase === "SCORING") {
    items.push({ key: `scoring-${y.year}`, title: `Mở vòng chấm chéo năm ${y.year}`, detail: "Phân công các đơn vị chấm chéo báo cáo tổng kết.", deadline: null, href: scoringHref });
  } else if (c.scoring?.state === "OPEN") {
    items.push(
      c.scoring.pendingSheets > 0
        ? { key: `scoring-${y.year}`, title: `Theo dõi chấm chéo năm ${y.year}: còn ${c.scoring.pendingSheets} phiếu chưa gửi`, detail: null, deadline: y.deadlines.conference, href: scoringHref }
        : { key: `scoring-${y.year}`, title: `Kết thúc vòng chấm chéo năm ${y.year}`, detail: "Các đơn vị đã gửi đủ phiếu chấm chéo.", deadline: null, href: scoringHref },
    );
  } else if (c.scoring?.state === "CLOSED") {
    items.push({ key: `scoring-${y.year}`, title: `Chốt kết quả chấm điểm năm ${y.year}`, detail: "Xem chênh lệch điểm, ấn định điểm cuối cùng và chốt xếp hạng.", deadline: null, href: scoringHref });
  } else if (c.scoring?.state === "FINALISED" && y.phase === "SCORING") {
    items.push(nextPhase(y, "Kết quả chấm điểm đã được chốt."));
  }
  if (y.phase === "CONFERENCE") {
    const closed = c.rounds.filter((r) => r.state === "CLOSED").length;
    items.push({
      key: `conference-${y.year}`,
      title: `Tổ chức hội nghị tổng kết năm ${y.year}`,
      detail: c.rounds.length ? `${closed}/${c.rounds.length} vòng bỏ phiếu đã kết thúc.` : "Tạo các vòng bình xét, suy tôn và bầu Cụm trưởng, Cụm phó năm sau.",
      deadline: y.deadlines.conference,
      href: "/conference",
    });
  }
  for (const round of c.rounds.filter((r) => r.state === "OPEN")) {
    items.push({
      key: `round-${round.id}`,
      title: `Kết thúc vòng bỏ phiếu: ${round.title}`,
      detail: `${round.voted}/${c.units} đơn vị đã bỏ phiếu; kết quả chỉ công bố khi kết thúc vòng.`,
      deadline: null,
      href: `/conference/rounds/${round.id}`,
    });
  }
  if (y.phase === "RESULTS") {
    items.push({
      key: `results-${y.year}`,
      title: `Ghi nhận quyết định khen thưởng năm ${y.year} và khóa sổ`,
      detail: "Nhập số, ngày, người ký quyết định; xác nhận kết quả các đơn vị đã nhập; rồi khóa sổ năm thi đua.",
      deadline: null,
      href: "/results",
    });
  }
  return items;
}

/** The year the secretariat should open: the current calendar year when the cluster has no year up to it open. */
function yearToOpen(facts: TodoFacts): Draft | null {
  const thisYear = Number(vietnamToday(facts.now).slice(0, 4));
  if (facts.openYears.length > 0) return null;
  if (facts.latestYear !== null && facts.latestYear >= thisYear) return null;
  const year = facts.latestYear === null ? thisYear : facts.latestYear + 1;
  return {
    key: `open-${year}`,
    title: `Mở năm thi đua ${year}`,
    detail: facts.latestYear === null ? "Cụm chưa có năm thi đua nào." : `Năm ${facts.latestYear} đã khóa sổ; năm ${thisYear} chưa được mở.`,
    deadline: null,
    href: "/cluster",
  };
}

// ---------------------------------------------------------------------------------------------
// The admin

function adminItems(facts: TodoFacts): Draft[] {
  const a = facts.admin;
  if (!a) return [];
  const items: Draft[] = [];
  if (a.failedDeliveries > 0) {
    items.push({
      key: "deliveries",
      title: `Xem ${formatCount(a.failedDeliveries)} thư điện tử gửi không thành công`,
      detail: "Kiểm tra địa chỉ nhận và cấu hình máy chủ thư.",
      deadline: null,
      href: "/admin/deliveries",
    });
  }
  const today = vietnamToday(facts.now);
  const thisYear = Number(today.slice(0, 4));
  for (const h of a.holidays) {
    const needed = h.year === thisYear || (h.year === thisYear + 1 && today.slice(5) >= "10-01");
    if (!needed || h.count > 0) continue;
    items.push({
      key: `holidays-${h.year}`,
      title: `Nhập ngày nghỉ lễ năm ${h.year}`,
      detail: "Lịch nhắc hạn tính theo ngày làm việc: cần các ngày nghỉ lễ, Tết do Chính phủ công bố.",
      deadline: h.year === thisYear ? null : `${thisYear}-12-31`,
      href: "/admin/holidays",
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------

const STATE_ORDER = { PASSED: 0, LAST_DAY: 1, OPEN: 2, UNSET: 3 } as const;

function compareItems(a: TodoItem, b: TodoItem): number {
  const s = STATE_ORDER[a.status.state] - STATE_ORDER[b.status.state];
  if (s !== 0) return s;
  if (a.status.state === "PASSED") return b.status.days - a.status.days;
  if (a.status.state === "OPEN") return a.status.days - b.status.days;
  return 0;
}

/** What the person has to do now, most pressing first; empty when nothing is due. */
export function todoList(facts: TodoFacts): TodoItem[] {
  const drafts: Draft[] = [];
  switch (facts.role) {
    case "UNIT_OFFICER":
    case "UNIT_HEAD":
      for (const y of facts.openYears) drafts.push(...unitItems(facts.role, y, facts.now));
      break;
    case "SECRETARIAT": {
      const open = yearToOpen(facts);
      if (open) drafts.push(open);
      for (const y of facts.openYears) drafts.push(...secretariatItems(y, facts.now));
      break;
    }
    case "ADMIN":
      drafts.push(...adminItems(facts));
      break;
  }
  if (facts.unreadNotifications > 0) {
    drafts.push({
      key: "notifications",
      title: `Đọc ${formatCount(facts.unreadNotifications)} thông báo chưa đọc`,
      detail: null,
      deadline: null,
      href: "/notifications",
    });
  }
  // Array.prototype.sort is stable: equal items keep the order above.
  return drafts.map((d) => ({ ...d, status: deadlineStatus(d.deadline, facts.now) })).sort(compareItems);
}
