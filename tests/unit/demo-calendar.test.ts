// The demo's calendar (src/server/seed/calendar.ts): the chairs rotate by the rotation rule from the
// 2021 story on, and the open year's dates make sense for every day of a year — the registration
// deadline just passed, the extension and the later deadlines ahead, in order, within the bounds the
// app accepts — and the demo accounts cover every unit with people who are in the officer list.
import { describe, expect, it } from "vitest";
import { chairRotation } from "@/domain/voting";
import { checkDeadlines, DEADLINE_KEYS, type DeadlineKey } from "@/domain/year-deadlines";
import {
  addDays,
  closedYearDeadlines,
  conferenceDay,
  DEMO_UNIT_CODES,
  DEMO_UNIT_NAMES,
  demoChairs,
  demoCurrentYear,
  demoCurrentYearPlan,
  demoLeadership,
  generatedClosedYears,
  LATE_UNIT,
} from "@/server/seed/calendar";
import { buildDemoOfficers, DEMO_ACCOUNTS, demoAccounts, demoYears } from "@/server/seed/demo";

/** The app's own bounds on a year's deadlines (year-deadlines.ts): no field errors. */
const LABELS = Object.fromEntries(DEADLINE_KEYS.map((k) => [k, k])) as Record<DeadlineKey, string>;
const deadlineErrors = (year: number, openedOn: string, deadlines: Record<DeadlineKey, string | null>) => checkDeadlines(deadlines, { year, openedOn, labels: LABELS });

const everyDay = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
};

describe("the demo's chairs", () => {
  it("keep the story (2021 ANM/QLXNC, 2022 KTNV/NT), then follow the rotation order: never the outgoing chair, longest since last chaired first", () => {
    const leadership = demoLeadership(2035);
    expect(leadership.get(2021)).toEqual({ chair: "ANM", deputy: "QLXNC" });
    expect(leadership.get(2022)).toEqual({ chair: "KTNV", deputy: "NT" });
    expect([2023, 2024, 2025, 2026, 2027].map((y) => leadership.get(y)!.chair)).toEqual(["BTLCV", "NT", "QLXNC", "ANM", "KTNV"]);
    const members = DEMO_UNIT_CODES.map((code) => ({ id: code, name: DEMO_UNIT_NAMES[code], active: true }));
    for (let y = 2023; y <= 2035; y++) {
      const history = [...leadership].filter(([year]) => year < y).map(([year, l]) => ({ year, chairUnitId: l.chair }));
      const order = chairRotation(y, members, history, { outgoingChairMayBeReelected: false }).candidates.map((c) => c.unitId);
      expect(leadership.get(y), String(y)).toEqual({ chair: order[0], deputy: order[1] });
      expect(leadership.get(y)!.chair).not.toBe(leadership.get(y - 1)!.chair);
    }
    expect([...demoChairs(2026).keys()]).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it("hold the conference on the third Friday of November (19/11/2021 for the story)", () => {
    expect(conferenceDay(2021)).toBe("2021-11-19");
    for (let y = 2021; y <= 2040; y++) {
      const day = conferenceDay(y);
      expect(new Date(`${day}T00:00:00Z`).getUTCDay(), day).toBe(5);
      expect(Number(day.slice(8)), day).toBeGreaterThanOrEqual(15);
      expect(Number(day.slice(8)), day).toBeLessThanOrEqual(21);
      const d = closedYearDeadlines(y);
      expect(d.registrationDeadline < d.reportDeadline && d.reportDeadline < d.conferenceDate).toBe(true);
      expect(deadlineErrors(y, `${y}-01-05`, d), String(y)).toEqual({});
    }
    expect(closedYearDeadlines(2021)).toMatchObject({ registrationDeadline: "2021-03-31", reportDeadline: "2021-11-05", conferenceDate: "2021-11-19" });
  });
});

describe("the open year", () => {
  it("is the calendar year of today; every year before it from 2022 is a generated closed year; no demo before 2022", () => {
    expect(demoCurrentYear("2026-12-07")).toBe(2026);
    expect(demoCurrentYear("2027-01-01")).toBe(2027);
    expect(generatedClosedYears(2026)).toEqual([2022, 2023, 2024, 2025]);
    expect(generatedClosedYears(2022)).toEqual([]);
    expect(() => demoCurrentYear("2021-12-31")).toThrow(/01\/01\/2022/);
    expect(demoYears(demoCurrentYearPlan("2026-12-07")).map((y) => `${y.year} ${y.phase} ${y.chair}/${y.deputy}`)).toEqual([
      "2021 CLOSED ANM/QLXNC",
      "2022 CLOSED KTNV/NT",
      "2023 CLOSED BTLCV/NT",
      "2024 CLOSED NT/QLXNC",
      "2025 CLOSED QLXNC/ANM",
      "2026 REGISTRATION ANM/KTNV",
    ]);
  });

  it("has, on every day of a year, a registration deadline just passed, an extension and later deadlines ahead, in order and within the next year", () => {
    for (const today of [...everyDay("2026-01-01", "2026-12-31"), "2022-01-01", "2022-06-30", "2027-12-31"]) {
      const plan = demoCurrentYearPlan(today);
      const y = plan.year;
      const d = plan.deadlines;
      expect(d.registrationDeadline >= `${y}-01-01`, today).toBe(true);
      expect(d.registrationDeadline <= today, today).toBe(true);
      if (today >= `${y}-01-04`) expect(d.registrationDeadline < today, today).toBe(true); // passed: one unit is late
      expect(plan.extendedUntil > today, today).toBe(true);
      expect(d.registrationDeadline < d.midyearReportDeadline && d.midyearReportDeadline < d.reportDeadline && d.reportDeadline < d.conferenceDate, today).toBe(true);
      expect(plan.extendedUntil < d.midyearReportDeadline, today).toBe(true);
      expect(d.conferenceDate <= `${y + 1}-12-31`, today).toBe(true);
      // As the secretariat could have set them on the year page.
      expect(deadlineErrors(y, plan.openedOn, d), today).toEqual({});
      for (const unit of DEMO_UNIT_CODES) {
        const s = plan.units[unit];
        // The agreement: in the year before or the year itself, not in the future.
        expect(s.agreementSignedOn <= today && s.agreementSignedOn >= `${y - 1}-01-01`, `${today} ${unit}`).toBe(true);
        if (s.submittedAt) expect(s.submittedAt.slice(0, 10) <= d.registrationDeadline, `${today} ${unit}`).toBe(true);
      }
    }
  });

  it("has two units registered, two drafting on an extension and one late, and knows next year's rotation", () => {
    const plan = demoCurrentYearPlan("2026-12-31");
    expect(Object.fromEntries(DEMO_UNIT_CODES.map((u) => [u, plan.units[u].state]))).toEqual({ ANM: "SUBMITTED", KTNV: "LATE", NT: "DRAFT", QLXNC: "SUBMITTED", BTLCV: "DRAFT" });
    expect(LATE_UNIT).toBe("KTNV");
    // A year-end day: the deadlines run into the next year.
    expect(plan.deadlines).toEqual({ registrationDeadline: "2026-12-28", midyearReportDeadline: "2027-02-04", reportDeadline: "2027-03-06", conferenceDate: "2027-03-16" });
    expect(plan.extendedUntil).toBe("2027-01-14");
    expect(plan.leadership).toEqual({ chair: "ANM", deputy: "KTNV" });
    expect(plan.nextRotation).toEqual(["KTNV", "BTLCV", "NT", "QLXNC"]);
    // Deterministic: the same day, the same plan.
    expect(demoCurrentYearPlan("2026-12-31")).toEqual(plan);
  });
});

describe("the demo accounts", () => {
  it("give every member unit a unit officer and a unit head, named canbo.<code> and lanhdao.<code>", () => {
    for (const unit of DEMO_UNIT_CODES) {
      const code = unit.toLowerCase();
      expect(DEMO_ACCOUNTS.find((a) => a.username === `canbo.${code}`)).toMatchObject({ role: "UNIT_OFFICER", unitCode: unit });
      expect(DEMO_ACCOUNTS.find((a) => a.username === `lanhdao.${code}`)).toMatchObject({ role: "UNIT_HEAD", unitCode: unit });
    }
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual(expect.arrayContaining(["admin", "thuky.cum2"]));
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.password)).size).toBe(1);
  });

  it("are people of the officer list: the name in the account is the officer's, a head is the unit's head", () => {
    const officers = [...buildDemoOfficers().values()].flat();
    for (const a of DEMO_ACCOUNTS.filter((a) => a.officerCode)) {
      const officer = officers.find((o) => o.code === a.officerCode);
      expect(officer, a.username).toBeDefined();
      expect(a.displayName, a.username).toContain(`Đ/c ${officer!.fullName} – `);
      if (a.role === "UNIT_HEAD") expect(["Cục trưởng", "Tư lệnh"]).toContain(officer!.position);
    }
  });

  it("say what each sees on the day: the chair of the open year, the unit's registration", () => {
    const accounts = demoAccounts("2026-12-07");
    expect(accounts.find((a) => a.username === "lanhdao.anm")!.sees).toContain("là Cụm trưởng năm 2026");
    expect(accounts.find((a) => a.username === "lanhdao.ktnv")!.sees).not.toContain("Cụm trưởng năm");
    expect(accounts.find((a) => a.username === "canbo.ktnv")!.sees).toContain("quá hạn đăng ký năm 2026 (hạn 04/12/2026)");
    expect(accounts.find((a) => a.username === "canbo.nt")!.sees).toContain("được gia hạn đến 21/12/2026");
    expect(accounts.find((a) => a.username === "thuky.cum2")!.sees).toContain("các năm 2021–2025 (đã khóa sổ), năm 2026 (đang đăng ký");
  });
});
