import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, deadlineStatus } from "@/domain/deadline-status";

/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe("how a deadline stands today", () => {
  it.each<[string, string, string, string, number | null]>([
    ["days ahead", "2026-03-31", "2026-03-26T09:00:00", "còn 5 ngày", 5],
    ["the day before", "2026-03-31", "2026-03-30T23:59:59", "còn 1 ngày", 1],
    ["the deadline day itself, first minute", "2026-03-31", "2026-03-31T00:00:00", "hôm nay là hạn cuối", 0],
    ["the deadline day itself, last minute", "2026-03-31", "2026-03-31T23:59:59", "hôm nay là hạn cuối", 0],
    ["the day after", "2026-03-31", "2026-04-01T00:00:00", "quá hạn 1 ngày", 1],
    ["years after (the 2022 demo deadline seen in 2026)", "2022-03-31", "2026-03-31T10:00:00", "quá hạn 1461 ngày", 1461],
    ["across the new year", "2027-01-15", "2026-12-31T08:00:00", "còn 15 ngày", 15],
    ["across 29 February", "2028-03-01", "2028-02-28T08:00:00", "còn 2 ngày", 2],
  ])("%s", (_name, deadline, now, text, days) => {
    const s = deadlineStatus(deadline, vn(now));
    expect(s.text).toBe(text);
    expect(s.days).toBe(days);
  });

  it("counts Vietnamese calendar days, not UTC ones (17:00 UTC is already the next day in Hà Nội)", () => {
    expect(deadlineStatus("2026-03-31", new Date("2026-03-31T16:59:59Z")).state).toBe("TODAY");
    expect(deadlineStatus("2026-03-31", new Date("2026-03-31T17:00:00Z"))).toEqual({ state: "PASSED", days: 1, text: "quá hạn 1 ngày" });
  });

  it("says so when there is no deadline", () => {
    expect(deadlineStatus(null, vn("2026-01-01T00:00:00"))).toEqual({ state: "NONE", days: null, text: "chưa đặt hạn" });
    expect(deadlineStatus(undefined, vn("2026-01-01T00:00:00")).state).toBe("NONE");
  });

  it("is upcoming, today or passed exactly as the deadline day compares with today", () => {
    const day = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 86_399_999 }), (deadline, today, ms) => {
        const now = new Date(Date.parse(`${today}T00:00:00+07:00`) + ms);
        const s = deadlineStatus(deadline, now);
        const expected = deadline > today ? "UPCOMING" : deadline === today ? "TODAY" : "PASSED";
        expect(s.state).toBe(expected);
        expect(s.days).toBe(Math.abs(daysBetween(today, deadline)));
      }),
    );
  });
});
