import { describe, expect, it } from "vitest";
import { holidaysOfYear, seededHolidays } from "@/domain/holidays-vn";
import { addWorkingDays, dueOffset, isWorkingDay, reminderDay, vietnamDay, workingDaysBetween } from "@/domain/working-days";

const holidays = new Set(seededHolidays().map((h) => h.date));
const none = new Set<string>();

describe("working days", () => {
  it("skips Saturdays and Sundays", () => {
    // Friday 2022-03-25 → Monday 2022-03-28
    expect(addWorkingDays("2022-03-25", 1, none)).toBe("2022-03-28");
    expect(addWorkingDays("2022-03-28", -1, none)).toBe("2022-03-25");
    expect(addWorkingDays("2022-03-31", -5, none)).toBe("2022-03-24");
    expect(isWorkingDay("2022-03-26", none)).toBe(false);
  });

  it("skips public holidays: 5 working days before 06/05/2022 jumps over 30/4–3/5", () => {
    // 30/4 Sat, 1/5 Sun, nghỉ bù 2/5 and 3/5: the working days before Fri 06/05 are 5, 4, then 29, 28, 27/4.
    expect(reminderDay("2022-05-06", 5, holidays)).toBe("2022-04-27");
    expect(reminderDay("2022-05-06", 5, none)).toBe("2022-04-29");
  });

  it("skips Tết: one working day before 07/02/2022 is 28/01/2022", () => {
    expect(reminderDay("2022-02-07", 1, holidays)).toBe("2022-01-28");
  });

  it("counts working days between two dates", () => {
    expect(workingDaysBetween("2022-03-24", "2022-03-31", none)).toBe(5);
    expect(workingDaysBetween("2022-04-27", "2022-05-06", holidays)).toBe(5);
    expect(workingDaysBetween("2022-05-06", "2022-05-01", holidays)).toBe(0);
  });

  it("n = 0 is the day itself, and the arithmetic is inverse on working days", () => {
    expect(addWorkingDays("2022-03-26", 0, none)).toBe("2022-03-26");
    for (const d of ["2022-01-28", "2022-04-27", "2023-05-04", "2025-01-24"]) {
      expect(addWorkingDays(addWorkingDays(d, -7, holidays), 7, holidays)).toBe(d);
    }
  });

  it("a deadline on a holiday or weekend: the 1-day reminder is the working day before", () => {
    expect(reminderDay("2022-04-30", 1, holidays)).toBe("2022-04-29");
    expect(reminderDay("2022-09-04", 1, holidays)).toBe("2022-08-31");
  });
});

describe("which reminder is due", () => {
  const deadline = "2022-03-31"; // Thursday
  it("5 and 1 working days before, the latest applicable one only, none after the deadline", () => {
    expect(dueOffset(deadline, "2022-03-23", [5, 1], none)).toBeNull();
    expect(dueOffset(deadline, "2022-03-24", [5, 1], none)).toBe(5);
    expect(dueOffset(deadline, "2022-03-29", [5, 1], none)).toBe(5);
    expect(dueOffset(deadline, "2022-03-30", [5, 1], none)).toBe(1);
    expect(dueOffset(deadline, "2022-03-31", [5, 1], none)).toBe(1);
    expect(dueOffset(deadline, "2022-04-01", [5, 1], none)).toBeNull();
    expect(dueOffset(deadline, "2022-03-30", [], none)).toBeNull();
  });
});

describe("the seeded holidays", () => {
  it("has the fixed days, Tết and Giỗ Tổ of every year 2019–2027", () => {
    for (let y = 2019; y <= 2027; y++) {
      const dates = holidaysOfYear(y).map((h) => h.date);
      for (const md of ["01-01", "04-30", "05-01", "09-02"]) expect(dates).toContain(`${y}-${md}`);
      expect(holidaysOfYear(y).some((h) => h.name.startsWith("Giỗ Tổ"))).toBe(true);
      expect(holidaysOfYear(y).filter((h) => h.name.startsWith("Tết Nguyên đán"))).toHaveLength(5);
    }
    expect(holidaysOfYear(2026).find((h) => h.name.startsWith("Giỗ Tổ"))!.date).toBe("2026-04-26");
    // Mùng 1 Tết 2024 is a Saturday: only the weekdays of the break are stored (08–14/02).
    expect(holidaysOfYear(2024).filter((h) => h.name.startsWith("Tết Nguyên đán")).map((h) => h.date)).toEqual(["2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14"]);
  });

  it("gives a weekend holiday the next working day off (2023: 29/4–3/5, 1/9–4/9)", () => {
    const dates = holidaysOfYear(2023).map((h) => h.date);
    expect(dates).toEqual(expect.arrayContaining(["2023-05-02", "2023-05-03", "2023-09-04", "2023-01-02"]));
  });
});

it("the Vietnam day of an instant", () => {
  expect(vietnamDay(new Date("2022-03-30T17:30:00Z"))).toBe("2022-03-31");
  expect(vietnamDay(new Date("2022-03-30T16:59:59Z"))).toBe("2022-03-30");
});
