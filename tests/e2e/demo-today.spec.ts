// Issue 13: the demo reaches today. On a fresh start every demo account lands in the current year (the
// one containing the machine's day), open, in registration, with something live to do: two units
// registered, two drafting on an extension, one late; each person's home page lists what they have to do
// in it (the late unit asks for a reopen, the drafting ones send by their extension, the secretariat
// follows the registrations). The same on a day pinned for the test (APP_TODAY,
// a year-end: the extension and the later deadlines run into the next year), served by the third
// instance scripts/e2e-server.ts starts on E2E_PORT+2 with its own database.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_UNIT_CODES, demoCurrentYearPlan, vietnamDay, type CurrentYearPlan } from "../../src/server/seed/calendar";
import { DEMO, dmy, headOf, login, officerOf, UNIT_NAMES } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? "3100");
const PINNED_URL = `http://localhost:${PORT + 2}`;

const ACCOUNTS = ["admin", "thuky.cum2", ...DEMO_UNIT_CODES.flatMap((u) => [officerOf(u), headOf(u)]), "vanphong.bo"];
const unitOf = (username: string) => DEMO_UNIT_CODES.find((u) => username.endsWith(`.${u.toLowerCase()}`)) ?? null;

const PHASE = "Đăng ký thi đua";

/** The home page's to-do list: what `username` has to do in the open year of `plan`. */
async function expectTodos(page: Page, username: string, plan: CurrentYearPlan) {
  const y = plan.year;
  await page.goto("/");
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Việc cần làm" }) });
  await expect(card.getByRole("heading", { name: "Việc cần làm" })).toBeVisible();
  const item = (title: string | RegExp) => page.getByTestId("todo-item").filter({ has: page.getByRole("link", { name: title }) });
  const registration = page.getByTestId("todo-item").filter({ hasText: `đăng ký thi đua năm ${y}` });
  if (username === "thuky.cum2") {
    const submitted = DEMO_UNIT_CODES.filter((u) => plan.units[u].state === "SUBMITTED").length;
    const follow = item(`Theo dõi đăng ký thi đua năm ${y}: ${submitted}/${DEMO_UNIT_CODES.length} đơn vị đã gửi`);
    await expect(follow).toContainText(dmy(plan.deadlines.registrationDeadline));
    await expect(follow.getByTestId("deadline-status")).toHaveText(/^đã hết hạn \d+ ngày trước$/);
    return;
  }
  const unit = unitOf(username);
  if (!unit) return; // the admin's and the Ministry office's lists are not about the cluster's year
  const head = username === headOf(unit);
  const state = plan.units[unit].state;
  if (state === "SUBMITTED") {
    await expect(registration).toHaveCount(0);
  } else if (state === "DRAFT") {
    const send = item(head ? `Đôn đốc gửi đăng ký thi đua năm ${y}` : `Gửi đăng ký thi đua năm ${y}`);
    await expect(send).toContainText("Thư ký cụm đã mở lại đăng ký.");
    await expect(send).toContainText(dmy(plan.extendedUntil));
    await expect(send.getByTestId("deadline-status")).toHaveText(/^đang mở, còn \d+ ngày$/);
  } else {
    const late = item(`Đăng ký thi đua năm ${y} chưa được gửi`);
    await expect(late).toContainText("đề nghị Thư ký cụm mở lại đăng ký cho đơn vị");
    await expect(late.getByTestId("deadline-status")).toHaveText(/^đã hết hạn \d+ ngày trước$/);
  }
}

/** What `username` must see of the open year of `plan`. */
async function expectOpenYear(page: Page, username: string, plan: CurrentYearPlan) {
  const y = plan.year;
  const chairName = UNIT_NAMES[plan.leadership.chair];
  await expectTodos(page, username, plan);
  if (username === "vanphong.bo") {
    // The Ministry office follows every cluster's dossiers, not a cluster's year.
    await page.goto("/dossiers");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hồ sơ đề nghị khen thưởng của các cụm");
    return;
  }
  if (username === "admin") {
    // The admin has no cluster of their own: the cluster overview shows the year.
    await page.goto("/overview");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổng quan Cụm thi đua số 2");
    await expect(page.getByLabel("Năm thi đua", { exact: true })).toHaveValue(String(y));
    await expect(page.getByText(`Năm thi đua ${y}`).first()).toBeVisible();
    return;
  }
  // Home: the year, its phase, its chair, its registration deadline.
  await page.goto("/");
  const card = page.getByRole("region", { name: `Năm thi đua ${y}` }).or(page.locator("section", { has: page.getByRole("heading", { name: `Năm thi đua ${y}` }) }));
  await expect(card.first()).toBeVisible();
  await expect(card.first()).toContainText(PHASE);
  await expect(card.first()).toContainText(chairName);
  await expect(card.first()).toContainText(dmy(plan.deadlines.registrationDeadline));

  await page.goto("/registration");
  if (username === "thuky.cum2") {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Theo dõi đăng ký thi đua năm ${y}`);
    for (const unit of DEMO_UNIT_CODES) {
      const row = page.getByTestId(`board-row-${unit}`);
      const state = plan.units[unit].state;
      if (state === "SUBMITTED") await expect(row, unit).toContainText("Đã gửi");
      else await expect(row, unit).not.toContainText("Đã gửi");
      if (state === "DRAFT") await expect(row, unit).toContainText(dmy(plan.extendedUntil));
    }
    return;
  }
  // A unit's people: their unit's registration for the year, and where it stands.
  const unit = unitOf(username)!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Đăng ký thi đua năm ${y}`);
  const window = page.getByTestId("registration-window");
  const state = plan.units[unit].state;
  if (state === "SUBMITTED") await expect(window).toContainText("đã gửi đăng ký");
  if (state === "DRAFT") await expect(window).toContainText(dmy(plan.extendedUntil));
  if (state === "LATE") await expect(window).toContainText(dmy(plan.deadlines.registrationDeadline));
}

async function everyAccount(browser: Browser, plan: CurrentYearPlan, baseURL?: string) {
  for (const username of ACCOUNTS) {
    const context = await browser.newContext(baseURL ? { baseURL } : {});
    const page = await context.newPage();
    await login(page, username);
    await test.step(username, () => expectOpenYear(page, username, plan));
    await context.close();
  }
}

test("every demo account lands in the current year of the machine's day, open in registration", async ({ browser }) => {
  test.setTimeout(240_000);
  // The server seeded the demo for the machine's day (the day before, should the run have crossed midnight in Vietnam).
  const machineDay = vietnamDay(new Date());
  expect([machineDay, vietnamDay(new Date(Date.now() - 86_400_000))]).toContain(DEMO.today);
  expect(DEMO.year).toBe(Number(DEMO.today.slice(0, 4)));
  await everyAccount(browser, DEMO.plan);
});

test("a conference can be held with the demo logins alone: every unit's head is a delegate", async ({ browser }) => {
  const heads = DEMO_UNIT_CODES.map((u) => headOf(u));
  for (const username of heads) {
    const page = await (await browser.newContext()).newPage();
    await login(page, username);
    await expect(page.getByTestId("current-role")).toContainText("Lãnh đạo đơn vị");
    await page.goto("/conference");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hội nghị tổng kết năm ${DEMO.year}`);
    await page.context().close();
  }
});

test.describe("on a pinned day (APP_TODAY, a year-end)", () => {
  test("every demo account lands in the pinned day's year; the extension and the later deadlines run into the next year", async ({ browser }) => {
    test.setTimeout(240_000);
    // Without the pinned instance (E2E_PINNED=0) this fails saying so, as the two-instance spec does.
    expect(DEMO.pinnedToday, "E2E_PINNED=0: no pinned instance (APP_TODAY) was started").toBeTruthy();
    const plan = demoCurrentYearPlan(DEMO.pinnedToday!);
    expect(plan.extendedUntil > `${plan.year}-12-31`).toBe(true);
    await everyAccount(browser, plan, PINNED_URL);

    // The year's dates, as the secretariat's overview shows them: the report deadline and the conference in the next year.
    const context = await browser.newContext({ baseURL: PINNED_URL });
    const page = await context.newPage();
    await login(page, "thuky.cum2");
    await page.goto("/overview");
    const main = page.getByRole("main");
    await expect(main).toContainText(`Năm thi đua ${plan.year}`);
    for (const day of Object.values(plan.deadlines)) await expect(main).toContainText(dmy(day));
    // The years before it are closed, the chair of each elected by the conference before.
    await page.goto("/conference");
    await page.getByRole("navigation", { name: "Chọn năm thi đua" }).getByRole("link", { name: String(plan.year - 1), exact: true }).click();
    await expect(page.getByTestId("rounds-table").getByRole("row", { name: new RegExp(`Bầu Cụm trưởng năm ${plan.year}`) })).toContainText(
      `Trúng cử: ${UNIT_NAMES[plan.leadership.chair]}`,
    );
    await context.close();
  });
});
