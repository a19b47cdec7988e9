// Public disclosure (công khai) and sending (docs/domain.md §9): the window counts working days
// (src/domain/working-days.ts: no Saturdays, Sundays or public holidays, the holidays as data).
import { addWorkingDays, type HolidaySet, type IsoDate } from "../working-days";
import { formatIso } from "../excel-rows";
import type { DossierStatus } from "./catalogue";

export const DEFAULT_DISCLOSURE_DAYS = 5;

/**
 * The window of a list published on `publishedOn`: `days` working days, starting the working day
 * after publication (the day of publication does not count) and ending on `lastDay`, inclusive.
 */
export function disclosureWindow(publishedOn: IsoDate, days: number, holidays: HolidaySet): { firstDay: IsoDate; lastDay: IsoDate } {
  if (!Number.isInteger(days) || days < 1) throw new RangeError("days must be a positive integer");
  return { firstDay: addWorkingDays(publishedOn, 1, holidays), lastDay: addWorkingDays(publishedOn, days, holidays) };
}

/** Objections are taken from publication until the end of the window's last day. */
export const isWindowOpen = (today: IsoDate, lastDay: IsoDate) => today <= lastDay;

export const NOT_DISCLOSING = "Hồ sơ không trong thời gian công khai; không thể gửi ý kiến.";

/** Why an objection cannot be lodged now (null: it can). */
export function objectionRefusal(d: { status: DossierStatus; lastDay: IsoDate | null; today: IsoDate; itemStatus: string }): string | null {
  if (d.status !== "DISCLOSING" || !d.lastDay) return NOT_DISCLOSING;
  if (!isWindowOpen(d.today, d.lastDay)) return `Thời gian công khai đã kết thúc ngày ${formatIso(d.lastDay)}; không thể gửi thêm ý kiến.`;
  if (d.itemStatus !== "PROPOSED") return "Đề nghị này đã được rút; không thể gửi ý kiến.";
  return null;
}

/**
 * Why the dossier cannot be sent to the Ministry now (null: it can). From DISCLOSING: the window has
 * ended and every objection has an answer. From RETURNED (amended after the Ministry's return): the
 * same, and no proposal added since the last publication (a new proposal must be disclosed first).
 */
export function sendRefusal(d: {
  status: DossierStatus;
  today: IsoDate;
  lastDay: IsoDate | null;
  unanswered: number;
  proposed: number;
  addedSincePublication: number;
}): string | null {
  if (d.status === "DRAFT") return "Hồ sơ chưa được công khai cho các đơn vị; hãy công khai trước khi gửi Bộ.";
  if (d.status === "SENT" || d.status === "ACCEPTED") return "Hồ sơ đã được gửi Bộ.";
  if (!d.lastDay) return "Hồ sơ chưa được công khai cho các đơn vị; hãy công khai trước khi gửi Bộ.";
  if (isWindowOpen(d.today, d.lastDay)) return `Chưa hết thời gian công khai (đến hết ngày ${formatIso(d.lastDay)}); chưa thể gửi Bộ.`;
  if (d.unanswered > 0) return `Còn ${d.unanswered} ý kiến chưa được trả lời; hãy trả lời mọi ý kiến trước khi gửi Bộ.`;
  if (d.addedSincePublication > 0) return `Có ${d.addedSincePublication} đề nghị được thêm sau lần công khai gần nhất; hãy công khai lại trước khi gửi Bộ.`;
  if (d.proposed === 0) return "Hồ sơ không còn đề nghị nào; không có gì để gửi Bộ.";
  return null;
}

/** Items may be added or removed while the dossier is with the cluster (being drafted, or returned). */
export const isEditable = (status: DossierStatus) => status === "DRAFT" || status === "RETURNED";

export const NOT_EDITABLE = "Hồ sơ đang công khai hoặc đã gửi Bộ; không thể thêm, bớt đề nghị.";
