import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDeadlines, deadlineStatus, deadlineStatusOn, deadlineWithStatus, earliestDeadline, latestDeadline, type Deadlines } from "@/domain/year-deadlines";
import { YEAR_SETTING_LABELS } from "@/domain/year-rules";

/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const none: Deadlines = { registrationDeadline: null, midyearReportDeadline: null, reportDeadline: null, conferenceDate: null };
const ctx = { year: 2026, openedOn: "2025-12-01", labels: YEAR_SETTING_LABELS };

describe("how a deadline is shown", () => {
  it.each<[string, string, string]>([
    ["2026-03-31", "2026-03-19T09:00:00", "đang mở, còn 12 ngày"],
    ["2026-03-31", "2026-03-30T23:59:00", "đang mở, còn 1 ngày"],
    ["2026-03-31", "2026-03-31T00:00:00", "đang mở, hôm nay là ngày cuối"],
    ["2026-03-31", "2026-03-31T23:59:59", "đang mở, hôm nay là ngày cuối"],
    ["2026-03-31", "2026-04-01T00:00:01", "đã hết hạn 1 ngày trước"],
    ["2022-03-31", "2026-12-07T10:00:00", "đã hết hạn 1712 ngày trước"],
    ["2027-01-15", "2026-12-07T10:00:00", "đang mở, còn 39 ngày"],
  ])("deadline %s seen at %s (Vietnam): %s", (iso, at, text) => {
    expect(deadlineStatus(iso, vn(at)).text).toBe(text);
  });

  it("counts Vietnamese days, not UTC ones (17:00 UTC is already the next day in Vietnam)", () => {
    expect(deadlineStatus("2026-03-31", new Date("2026-03-31T17:30:00Z"))).toMatchObject({ state: "PASSED", days: 1 });
  });

  it("says when none is set, and warns in the last week", () => {
    expect(deadlineStatusOn(null, "2026-01-01")).toEqual({ state: "UNSET", days: 0, text: "chưa đặt hạn", tone: "slate" });
    expect(deadlineStatusOn("2026-01-09", "2026-01-01").tone).toBe("green");
    expect(deadlineStatusOn("2026-01-08", "2026-01-01").tone).toBe("amber");
    expect(deadlineStatusOn("2025-12-31", "2026-01-01").tone).toBe("red");
    expect(deadlineWithStatus("2026-01-08", vn("2026-01-01T08:00:00"))).toBe("08/01/2026 (đang mở, còn 7 ngày)");
    expect(deadlineWithStatus(null, vn("2026-01-01T08:00:00"))).toBe("Chưa đặt");
  });

  it("days left and days passed add up across any two days (property)", () => {
    const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (deadline, today) => {
        const s = deadlineStatusOn(deadline, today);
        const signed = s.state === "PASSED" ? -s.days : s.days;
        expect(Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000)).toBe(signed);
        expect(s.state === "PASSED").toBe(deadline < today);
      }),
    );
  });
});

describe("which deadlines make sense", () => {
  it("the year starts on its opening day, or on 1 January when it was opened later; it ends with the next year", () => {
    expect(earliestDeadline(2026, "2025-12-01")).toBe("2025-12-01");
    expect(earliestDeadline(2022, "2026-12-07")).toBe("2022-01-01");
    expect(latestDeadline(2026)).toBe("2027-12-31");
  });

  it.each<[string, Partial<Deadlines>, Record<string, string[]>]>([
    ["registration in January of the next year", { registrationDeadline: "2027-01-15" }, {}],
    ["registration on the opening day", { registrationDeadline: "2025-12-01" }, {}],
    ["the last day of the next year", { conferenceDate: "2027-12-31" }, {}],
    ["registration past the mid-year deadline", { registrationDeadline: "2026-07-31", midyearReportDeadline: "2026-06-30", reportDeadline: "2026-11-15" }, {}],
    ["before the year was opened", { registrationDeadline: "2025-11-30" }, { registrationDeadline: ["Hạn đăng ký thi đua (30/11/2025) không được trước khi năm thi đua 2026 bắt đầu (01/12/2025)."] }],
    [
      "after the year must be closed",
      { reportDeadline: "2028-01-01" },
      { reportDeadline: ["Hạn nộp báo cáo tổng kết (01/01/2028) không được sau ngày 31/12/2027: năm thi đua 2026 phải được tổng kết và khóa sổ trước ngày đó."] },
    ],
    [
      "registration after the year-end report",
      { registrationDeadline: "2026-11-20", reportDeadline: "2026-11-15" },
      { reportDeadline: ["Hạn nộp báo cáo tổng kết (15/11/2026) không được trước hạn đăng ký thi đua (20/11/2026)."] },
    ],
    [
      "a mid-year report after the conference",
      { midyearReportDeadline: "2026-12-20", conferenceDate: "2026-12-10" },
      { conferenceDate: ["Ngày hội nghị tổng kết (10/12/2026) không được trước hạn nộp báo cáo sơ kết 6 tháng (20/12/2026)."] },
    ],
  ])("%s", (_name, change, expected) => {
    expect(checkDeadlines({ ...none, ...change }, ctx)).toEqual(expected);
  });

  it("a date left as stored is not checked against the bounds again; its order still is", () => {
    const before = { ...none, registrationDeadline: "2019-03-31" };
    expect(checkDeadlines({ ...before, reportDeadline: "2026-11-15" }, { ...ctx, before })).toEqual({});
    expect(checkDeadlines({ ...before, reportDeadline: "2019-03-01" }, { ...ctx, before })).toMatchObject({ reportDeadline: [expect.stringContaining("không được trước khi năm thi đua 2026 bắt đầu")] });
  });

  it("any dates within the bounds and in order are accepted (property)", () => {
    const inRange = fc.date({ min: new Date("2025-12-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(inRange, { minLength: 4, maxLength: 4 }), (dates) => {
        const [a, b, c, d] = [...dates].sort();
        expect(checkDeadlines({ registrationDeadline: a!, midyearReportDeadline: b!, reportDeadline: c!, conferenceDate: d! }, ctx)).toEqual({});
      }),
    );
  });
});
