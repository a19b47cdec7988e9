// Two app instances on one Postgres, as behind a load balancer (docs/domain.md §8: several stateless
// instances): login throttling, sessions, votes and registrations behave as on one instance, because
// nothing is kept in one process's memory. scripts/e2e-server.ts starts the second instance on
// E2E_PORT+1 with the same database and AUTH_SECRET.
//
// Each person works in browser contexts bound to one instance (baseURL); where one person uses both
// instances at once, that is two contexts, like two tabs routed to different instances.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOGIN_THROTTLE } from "../../src/domain/login-throttle";
import { allowOutsidePhase, DEMO, DEMO_PASSWORD, headOf, login, UNIT_NAMES } from "./helpers";

const PORT = Number(process.env.E2E_PORT ?? "3100");
const YEAR = String(DEMO.year);
const INSTANCES = [`http://localhost:${PORT}`, `http://localhost:${PORT + 1}`] as const;
type Instance = 0 | 1;

const UNITS = UNIT_NAMES;
type Code = keyof typeof UNITS;

/** Accounts this spec creates (every unit's head is a demo account already). */
const ACCOUNTS: { username: string; role: string; unit: Code }[] = [
  { username: "haimay.khoa", role: "Cán bộ thi đua đơn vị", unit: "NT" }, // attacked with wrong passwords
  { username: "haimay.khac", role: "Cán bộ thi đua đơn vị", unit: "NT" }, // must stay unaffected
  { username: "haimay.phien", role: "Cán bộ thi đua đơn vị", unit: "NT" }, // sessions, then disabled
  { username: "haimay.cacphien", role: "Cán bộ thi đua đơn vị", unit: "NT" }, // ends its other sessions
  { username: "haimay.canbo", role: "Cán bộ thi đua đơn vị", unit: "NT" }, // registers NT's officers
];
const DELEGATE = Object.fromEntries((Object.keys(UNITS) as Code[]).map((c) => [c, headOf(c)])) as Record<Code, string>;

const WRONG_PASSWORD = "Không đúng, Không đúng.";
const NEW_PASSWORD = "Mat-khau-moi-2022";
const INVALID_MESSAGE = "Tên đăng nhập hoặc mật khẩu không đúng.";
const LOCK_MESSAGE = `Đăng nhập tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${LOGIN_THROTTLE.pair.lockMs / 60_000} phút.`;

async function onInstance(browser: Browser, instance: Instance): Promise<Page> {
  const context = await browser.newContext({ baseURL: INSTANCES[instance] });
  const page = await context.newPage();
  // Every irreversible action asks first; the people here say yes.
  page.on("dialog", (dialog) => void dialog.accept());
  return page;
}

async function signedIn(browser: Browser, instance: Instance, username: string): Promise<Page> {
  const page = await onInstance(browser, instance);
  await login(page, username);
  return page;
}

/** One login attempt that is expected to fail; returns the message the login form shows. */
async function failedLogin(page: Page, username: string, password: string): Promise<string> {
  await page.goto("/login");
  const form = page.getByRole("form", { name: "Đăng nhập" });
  await form.getByLabel("Tên đăng nhập").fill(username);
  await form.getByLabel("Mật khẩu").fill(password);
  await form.getByRole("button", { name: "Đăng nhập" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  return (await alert.innerText()).trim();
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  const second = await fetch(`${INSTANCES[1]}/login`).catch(() => null);
  expect(second?.ok, `the second instance (${INSTANCES[1]}) is not running: scripts/e2e-server.ts starts it unless E2E_INSTANCES=1`).toBe(true);
  // The admin creates the accounts on instance 1; each test uses them on both instances.
  const page = await signedIn(browser, 0, "admin");
  for (const account of ACCOUNTS) {
    await page.goto("/admin/users/new");
    const form = page.getByRole("form", { name: "Thêm tài khoản" });
    await form.getByLabel("Tên đăng nhập").fill(account.username);
    await form.getByLabel("Họ tên hiển thị").fill(`Thử hai máy chủ ${account.username}`);
    await form.getByLabel("Vai trò").selectOption({ label: account.role });
    await form.getByLabel("Đơn vị").selectOption({ label: `${UNITS[account.unit]} — CUM-2` });
    await form.getByLabel("Mật khẩu ban đầu").fill(DEMO_PASSWORD);
    await form.getByLabel("Nhập lại mật khẩu").fill(DEMO_PASSWORD);
    await form.getByRole("button", { name: "Thêm tài khoản" }).click();
    await expect(form.getByRole("status").or(form.getByRole("alert").filter({ hasText: "Tên đăng nhập đã tồn tại." }))).toBeVisible();
  }
  await page.context().close();
});

test("login throttling counts failures from both instances and locks the username on both", async ({ browser }) => {
  test.setTimeout(120_000); // argon2 per attempt, two servers and a browser on two cores
  const one = await onInstance(browser, 0);
  const two = await onInstance(browser, 1);
  const limit = LOGIN_THROTTLE.pair.free;
  expect(limit).toBeGreaterThanOrEqual(4); // the sequence below: alternating, then two at once, then the last

  // Failures alternate between the instances…
  for (let i = 1; i <= limit - 3; i++) {
    expect(await failedLogin(i % 2 ? one : two, "haimay.khoa", WRONG_PASSWORD), `failure ${i}`).toBe(INVALID_MESSAGE);
  }
  // …two arrive on both at the same moment (neither may be lost)…
  const together = await Promise.all([failedLogin(one, "haimay.khoa", WRONG_PASSWORD), failedLogin(two, "haimay.khoa", WRONG_PASSWORD)]);
  expect(together).toEqual([INVALID_MESSAGE, INVALID_MESSAGE]);
  // …and the last allowed one, on instance 2, locks the username.
  expect(await failedLogin(two, "haimay.khoa", WRONG_PASSWORD)).toBe(LOCK_MESSAGE);

  // Locked on both instances, even with the right password.
  expect(await failedLogin(one, "haimay.khoa", DEMO_PASSWORD)).toBe(LOCK_MESSAGE);
  expect(await failedLogin(two, "haimay.khoa", DEMO_PASSWORD)).toBe(LOCK_MESSAGE);
  for (const page of [one, two]) {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  }

  // Another username is not affected, on either instance.
  expect(await failedLogin(one, "haimay.khac", WRONG_PASSWORD)).toBe(INVALID_MESSAGE);
  await login(two, "haimay.khac");
  await expect(two.getByTestId("current-user")).toContainText("Thử hai máy chủ haimay.khac");
  await login(one, "haimay.khac");

  for (const page of [one, two]) await page.context().close();
});

test("a session minted by one instance is valid on the other; signing out, a password reset and disabling end it on both at once", async ({ browser }) => {
  test.setTimeout(120_000); // argon2 per attempt, two servers and a browser on two cores
  const one = await signedIn(browser, 0, "haimay.phien");
  await expect(one.getByTestId("current-user")).toContainText("Thử hai máy chủ haimay.phien");

  // The same cookies, sent to instance 2 (what a load balancer does): the same user is signed in.
  const two = await onInstance(browser, 1);
  const cookies = await one.context().cookies();
  expect(cookies.some((c) => c.name === "authjs.session-token")).toBe(true);
  await two.context().addCookies(cookies);
  await two.goto("/registration");
  await expect(two.getByTestId("current-user")).toContainText("Thử hai máy chủ haimay.phien");
  await expect(two.getByRole("heading", { level: 1 })).toContainText(`Đăng ký thi đua năm ${YEAR}`);

  // Signing out on instance 2 ends the session itself, not only that browser's cookie: the copy still
  // held by the other browser is refused at once by both instances.
  await two.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(two).toHaveURL(/\/login/);
  await two.goto("/registration");
  await expect(two).toHaveURL(/\/login/);
  await one.goto(`${INSTANCES[0]}/registration`);
  await expect(one).toHaveURL(`${INSTANCES[0]}/login`);
  await one.goto(`${INSTANCES[1]}/registration`);
  await expect(one).toHaveURL(`${INSTANCES[1]}/login`);

  // The admin resets the password on instance 2: the session opened on instance 1 ends at once.
  await login(one, "haimay.phien");
  const admin = await signedIn(browser, 1, "admin");
  await admin.goto("/admin/users?q=haimay.phien");
  await admin.getByRole("link", { name: "Sửa Thử hai máy chủ haimay.phien" }).click();
  const reset = admin.getByRole("form", { name: "Đặt lại mật khẩu" });
  await reset.getByLabel(/^Mật khẩu mới/).fill(NEW_PASSWORD);
  await reset.getByLabel("Nhập lại mật khẩu mới").fill(NEW_PASSWORD);
  await reset.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  await expect(reset.getByRole("status")).toHaveText("Đã đặt lại mật khẩu cho tài khoản “haimay.phien”.");
  await one.goto(`${INSTANCES[0]}/registration`);
  await expect(one).toHaveURL(`${INSTANCES[0]}/login`);
  await login(one, "haimay.phien", NEW_PASSWORD);
  await expect(one.getByTestId("current-user")).toContainText("Thử hai máy chủ haimay.phien");

  // The admin disables the account on instance 2: the very next request of the user on instance 1
  // (and on instance 2) is sent to the login page, because every request reloads the user.
  await admin.goto("/admin/users?q=haimay.phien");
  await admin.getByRole("link", { name: "Sửa Thử hai máy chủ haimay.phien" }).click();
  const status = admin.getByRole("form", { name: "Khóa hoặc mở khóa tài khoản" });
  await status.getByRole("button", { name: "Khóa tài khoản" }).click();
  await expect(status.getByRole("status")).toHaveText("Đã khóa tài khoản “haimay.phien”.");

  await one.goto(`${INSTANCES[0]}/registration`);
  await expect(one).toHaveURL(`${INSTANCES[0]}/login`);
  await expect(one.getByTestId("current-user")).toHaveCount(0);
  await one.goto(`${INSTANCES[1]}/officers`);
  await expect(one).toHaveURL(`${INSTANCES[1]}/login`);
  // And signing in again is refused on both.
  expect(await failedLogin(one, "haimay.phien", NEW_PASSWORD)).toBe(INVALID_MESSAGE);
  expect(await failedLogin(two, "haimay.phien", NEW_PASSWORD)).toBe(INVALID_MESSAGE);

  for (const page of [one, two, admin]) await page.context().close();
});

test("“Đăng xuất các phiên khác” on one instance ends the user's other sessions on the other at once", async ({ browser }) => {
  test.setTimeout(120_000);
  const here = await signedIn(browser, 0, "haimay.cacphien");
  const there = await signedIn(browser, 1, "haimay.cacphien");
  await here.getByTestId("current-user").click();
  await expect(here.getByRole("heading", { level: 1 })).toHaveText("Tài khoản của tôi");
  await expect(here.getByTestId("session-list").locator("tbody tr")).toHaveCount(2);
  await expect(here.getByTestId("session-list")).toContainText("Phiên này");
  const form = here.getByRole("form", { name: "Đăng xuất các phiên khác" });
  await form.getByRole("button", { name: "Đăng xuất các phiên khác" }).click();
  await expect(form.getByRole("status")).toHaveText("Đã đăng xuất 1 phiên đăng nhập khác.");
  await there.goto("/registration");
  await expect(there).toHaveURL(`${INSTANCES[1]}/login`);
  await here.goto("/account");
  await expect(here.getByTestId("session-list").locator("tbody tr")).toHaveCount(1);
  for (const page of [here, there]) await page.context().close();
});

// --- Votes -----------------------------------------------------------------------------------------

type Ballot = { approve: Code[]; reject: Code[] };
const ALREADY_VOTED = "Đơn vị đã bỏ phiếu trong vòng này.";

/** A delegate fills the round's ballot up to the review step (not confirmed yet). */
async function fillBallot(page: Page, roundPath: string, ballot: Ballot) {
  await page.goto(`${roundPath}/vote`);
  for (const code of ballot.approve) await page.getByRole("group", { name: UNITS[code] }).getByLabel("Đồng ý", { exact: true }).check();
  for (const code of ballot.reject) await page.getByRole("group", { name: UNITS[code] }).getByLabel("Không đồng ý", { exact: true }).check();
  await page.getByRole("button", { name: "Xem lại phiếu →" }).click();
  await expect(page.getByTestId("ballot-review")).toBeVisible();
}

/** Confirms the reviewed ballot; "recorded" or the message of the refusal. */
async function confirmBallot(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Xác nhận bỏ phiếu" }).click();
  const recorded = page.getByTestId("ballot-recorded");
  const refused = page.getByRole("form", { name: "Xác nhận phiếu bầu" }).getByRole("alert");
  await expect(recorded.or(refused)).toBeVisible();
  return (await recorded.count()) ? "recorded" : (await refused.innerText()).trim();
}

/** The round page's participation list as each instance shows it (names with voted / not voted). */
async function turnout(page: Page, roundPath: string): Promise<string[]> {
  await page.goto(roundPath);
  // Each item: a ✓ or … mark (hidden from screen readers), the unit's name, ": đã bỏ phiếu" / ": chưa bỏ phiếu".
  return (await page.getByTestId("turnout").locator("li").allTextContents()).map((t) => t.replace(/^[✓…]/, "").replace(/\s+/g, " ").trim());
}

test("a vote held on both instances counts every ballot once; a unit's second ballot is refused on the other instance", async ({ browser }) => {
  test.setTimeout(240_000);
  const ROUND = `Suy tôn Đơn vị Quyết thắng năm ${YEAR} – hai máy chủ`;
  const secretariat = [await signedIn(browser, 0, "thuky.cum2"), await signedIn(browser, 1, "thuky.cum2")] as const;
  // Votes belong to the conference phase: the secretariat allows them in the demo year's phase.
  await allowOutsidePhase(secretariat[0], ["votePreparation", "voting"]);

  // The secretariat creates and opens the round on instance 1.
  await secretariat[0].goto("/conference");
  const yearLink = secretariat[0].getByRole("navigation", { name: "Chọn năm thi đua" }).getByRole("link", { name: YEAR, exact: true });
  if (await yearLink.count()) await yearLink.click();
  await expect(secretariat[0].getByRole("heading", { level: 1, name: `Hội nghị tổng kết năm ${YEAR}` })).toBeVisible();
  const form = secretariat[0].getByRole("form", { name: "Tạo vòng suy tôn" });
  await form.getByLabel("Danh hiệu suy tôn").selectOption("DV_QUYET_THANG");
  await form.getByLabel("Số suất").fill("2");
  for (const code of ["NT", "QLXNC", "BTLCV"] as Code[]) await form.getByRole("checkbox", { name: UNITS[code] }).check();
  await form.getByLabel("Tên vòng bỏ phiếu").fill(ROUND);
  await form.getByRole("button", { name: "Tạo vòng suy tôn" }).click();
  await expect(secretariat[0]).toHaveURL(/\/conference\/rounds\/[0-9a-f-]{36}$/);
  await expect(secretariat[0].getByRole("heading", { level: 1, name: ROUND })).toBeVisible();
  const roundPath = new URL(secretariat[0].url()).pathname;
  await secretariat[0].getByRole("button", { name: "Mở vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat[0].getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true })).toBeVisible();

  // Delegates alternate between the instances; KTNV's head has the ballot open on both.
  // Expected: QLXNC 4 of 5 (80%), BTLCV 3 (60%), NT 2 (40%): two seats, QLXNC and BTLCV acclaimed.
  const ballots: Record<Code, Ballot> = {
    ANM: { approve: ["NT", "QLXNC", "BTLCV"], reject: [] },
    KTNV: { approve: ["QLXNC", "BTLCV"], reject: ["NT"] },
    NT: { approve: ["QLXNC"], reject: ["BTLCV"] },
    QLXNC: { approve: ["BTLCV"], reject: ["NT"] },
    BTLCV: { approve: ["QLXNC", "NT"], reject: [] },
  };
  const delegates = {
    ANM: await signedIn(browser, 0, DELEGATE.ANM),
    KTNV: await signedIn(browser, 1, DELEGATE.KTNV),
    NT: await signedIn(browser, 1, DELEGATE.NT),
    QLXNC: await signedIn(browser, 0, DELEGATE.QLXNC),
    BTLCV: await signedIn(browser, 1, DELEGATE.BTLCV),
  } satisfies Record<Code, Page>;
  const ktnvAgain = await signedIn(browser, 0, DELEGATE.KTNV);

  // Four confirmations at the same moment: ANM (instance 1), NT (2), and KTNV on both instances.
  for (const code of ["ANM", "NT", "KTNV"] as Code[]) await fillBallot(delegates[code], roundPath, ballots[code]);
  await fillBallot(ktnvAgain, roundPath, ballots.KTNV);
  const [anm, nt, ktnv2, ktnv1] = await Promise.all([delegates.ANM, delegates.NT, delegates.KTNV, ktnvAgain].map(confirmBallot));
  expect([anm, nt]).toEqual(["recorded", "recorded"]);
  // Exactly one of KTNV's two ballots is in the box; the other is refused with the reason.
  expect([ktnv1, ktnv2].sort()).toEqual([ALREADY_VOTED, "recorded"].sort());

  // The participation list is the same seen from both instances: ANM, KTNV, NT have voted.
  const seen = await Promise.all(secretariat.map((page) => turnout(page, roundPath)));
  expect(seen[1]).toEqual(seen[0]);
  expect(seen[0]!.filter((t) => t.endsWith(": đã bỏ phiếu")).sort()).toEqual(
    (["ANM", "KTNV", "NT"] as Code[]).map((c) => `${UNITS[c]}: đã bỏ phiếu`).sort(),
  );
  for (const page of secretariat) await expect(page.getByText("Đơn vị đã bỏ phiếu: 3/5")).toBeVisible();

  // A fresh try of KTNV on either instance finds the unit has voted.
  for (const page of [ktnvAgain, delegates.KTNV]) {
    await page.goto(`${roundPath}/vote`);
    await expect(page.getByText("Đơn vị đã bỏ phiếu trong vòng này. Phiếu đã bỏ không thể thay đổi.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Xem lại phiếu →" })).toHaveCount(0);
  }

  // The last two at once, one on each instance.
  await fillBallot(delegates.QLXNC, roundPath, ballots.QLXNC);
  await fillBallot(delegates.BTLCV, roundPath, ballots.BTLCV);
  expect(await Promise.all([delegates.QLXNC, delegates.BTLCV].map(confirmBallot))).toEqual(["recorded", "recorded"]);
  const full = await Promise.all(secretariat.map((page) => turnout(page, roundPath)));
  expect(full[1]).toEqual(full[0]);
  expect(full[0]!.filter((t) => t.endsWith(": đã bỏ phiếu"))).toHaveLength(5);

  // Closed on instance 2: five ballots from five units, each counted once.
  await secretariat[1].goto(roundPath);
  await secretariat[1].getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true }).click();
  const check = secretariat[1].getByTestId("ballot-check");
  await expect(check).toContainText("Phiếu thu về: 5");
  await expect(check).toContainText("Số đơn vị đã bỏ phiếu: 5");
  await expect(check).toContainText("Khớp: số phiếu bằng số đơn vị đã bỏ phiếu");
  const results = secretariat[1].getByTestId("results-table");
  await expect(results.getByRole("row", { name: new RegExp(UNITS.QLXNC) })).toContainText("80%");
  await expect(results.getByRole("row", { name: new RegExp(UNITS.BTLCV) })).toContainText("60%");
  await expect(results.getByRole("row", { name: new RegExp(UNITS.NT) })).toContainText("40%");
  const outcome = secretariat[1].getByTestId("outcome");
  await expect(outcome).toContainText(UNITS.QLXNC);
  await expect(outcome).toContainText(UNITS.BTLCV);
  await expect(outcome).not.toContainText(UNITS.NT);

  // Instance 1 shows the same closed round, the same totals.
  await secretariat[0].goto(roundPath);
  await expect(secretariat[0].getByTestId("outcome")).toBeVisible();
  for (const id of ["ballot-check", "results-table", "outcome"]) {
    expect(await secretariat[0].getByTestId(id).innerText(), id).toBe(await secretariat[1].getByTestId(id).innerText());
  }

  for (const page of [...secretariat, ...Object.values(delegates), ktnvAgain]) await page.context().close();
});

// --- Registrations ---------------------------------------------------------------------------------

/** dd/mm/yyyy of the day `days` from today in Vietnam. */
function vietnamDate(days: number): string {
  const iso = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  return iso.split("-").reverse().join("/");
}

/** The board's row of Cục Ngoại tuyến as the secretariat sees it on one instance. */
async function boardRow(page: Page): Promise<string> {
  await page.goto("/registration");
  // Visible first: a streamed page's content can still sit in its hidden holder, whose innerText
  // has no separators between the cells.
  const row = page.getByTestId("board-row-NT");
  await expect(row).toBeVisible();
  return (await row.innerText()).replace(/\s+/g, " ").trim();
}

test.describe("registrations of Cục Ngoại tuyến, edited on both instances at once", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });

  test.beforeAll(async ({ browser }) => {
    // NT is drafting on the extension the secretariat granted; the secretariat reopens it again, to be sure of the day.
    const sp = await signedIn(browser, 0, "thuky.cum2");
    await sp.goto("/registration");
    await sp.getByTestId("board-row-NT").getByRole("link", { name: `Xem đăng ký của ${UNITS.NT}` }).click();
    const reopen = sp.getByRole("form", { name: "Mở lại đăng ký" });
    await reopen.getByLabel("Mở lại đến hết ngày").fill(vietnamDate(14));
    await reopen.getByLabel("Lý do mở lại").fill("Kiểm thử: hai máy chủ");
    await reopen.getByRole("button", { name: "Mở lại đăng ký" }).click();
    await expect(reopen.getByRole("status")).toContainText(`Đã mở lại đăng ký thi đua năm ${YEAR} cho ${UNITS.NT}`);
    await sp.context().close();
  });

  test("two saves of different officers at the same moment both land, and both instances show the same figures", async ({ browser }) => {
    const a = await signedIn(browser, 0, "haimay.canbo");
    const b = await signedIn(browser, 1, "haimay.canbo");
    for (const page of [a, b]) await page.goto("/registration?target=none");
    const count = /^(\d+)\/(\d+) cán bộ \((\d+)%\)$/;
    const [before, officers] = count.exec(await a.getByTestId("registered-count").innerText())!.slice(1, 3).map(Number) as [number, number];

    await a.getByTestId("registration-table").getByRole("combobox").nth(0).selectOption("CST");
    await b.getByTestId("registration-table").getByRole("combobox").nth(1).selectOption("CST");
    const forms = [a, b].map((page) => page.getByRole("form", { name: "Lưu đăng ký cán bộ" }));
    await Promise.all(forms.map((form) => form.getByRole("button", { name: "Lưu nháp (1 thay đổi)" }).click()));
    for (const form of forms) await expect(form.getByRole("status")).toContainText("Đã lưu đăng ký của 1 cán bộ (thêm 1).");

    // Both officers are registered, seen alike from both instances.
    const seen: string[] = [];
    for (const page of [a, b]) {
      await page.goto("/registration");
      const registered = page.getByTestId("registered-count");
      await expect(registered).toHaveText(new RegExp(`^${before + 2}/${officers} cán bộ \\(\\d+%\\)$`));
      seen.push(await registered.innerText());
    }
    expect(seen[1]).toBe(seen[0]);
    const sp = [await signedIn(browser, 0, "thuky.cum2"), await signedIn(browser, 1, "thuky.cum2")];
    const rows = await Promise.all(sp.map(boardRow));
    expect(rows[1]).toBe(rows[0]);
    expect(rows[0]).toContain(`${before + 2}/${officers}`);
    for (const page of [a, b, ...sp]) await page.context().close();
  });

  test("two saves of the same officer at the same moment: one lands, the other is refused as stale, nothing lost silently", async ({ browser }) => {
    const a = await signedIn(browser, 0, "haimay.canbo");
    const b = await signedIn(browser, 1, "haimay.canbo");
    for (const page of [a, b]) await page.goto("/registration?target=none");
    // The first officer not registered yet, the same row on both pages.
    const rowId = (await a.getByTestId("registration-table").locator("tbody tr").first().getAttribute("data-testid"))!;
    expect(rowId).toMatch(/^row-/);
    await a.getByTestId("registration-table").getByRole("combobox").first().selectOption("CST");
    await b.getByTestId("registration-table").getByRole("combobox").first().selectOption("CSTDCS");
    const forms = [a, b].map((page) => page.getByRole("form", { name: "Lưu đăng ký cán bộ" }));
    await Promise.all(forms.map((form) => form.getByRole("button", { name: "Lưu nháp (1 thay đổi)" }).click()));
    const outcomes = await Promise.all(
      forms.map(async (form) => {
        const saved = form.getByRole("status").filter({ hasText: "Đã lưu đăng ký của 1 cán bộ (thêm 1)." });
        const refused = form.getByRole("alert").filter({ hasText: "vừa được lưu ở nơi khác sau khi trang được mở; không có thay đổi nào được lưu." });
        await expect(saved.or(refused)).toBeVisible();
        return (await saved.count()) ? "saved" : ((await refused.innerText()).trim());
      }),
    );
    const winner = outcomes[0] === "saved" ? "CST" : "CSTĐCS";
    expect(outcomes.filter((o) => o === "saved")).toHaveLength(1);
    expect(outcomes.find((o) => o !== "saved")).toContain(`nay: ${winner})`);

    // What is stored is the one save that was reported, seen alike from both instances.
    const titleOn = async (page: Page) => {
      await page.goto(`/registration?q=${encodeURIComponent(rowId.slice("row-".length))}`);
      return page.getByTestId(rowId).getByRole("combobox").inputValue();
    };
    expect(await titleOn(a)).toBe(winner === "CST" ? "CST" : "CSTDCS");
    expect(await titleOn(b)).toBe(winner === "CST" ? "CST" : "CSTDCS");
    for (const page of [a, b]) await page.context().close();
  });

  test("the CSTĐCS quota holds when the last allowed place is taken on both instances at once: exactly one save succeeds", async ({ browser }) => {
    const a = await signedIn(browser, 0, "haimay.canbo");
    const b = await signedIn(browser, 1, "haimay.canbo");
    const quotaLeft = /đã đăng ký (\d+), còn (\d+)\./;

    // Fill the quota up to one place left (upgrading CST to CSTĐCS keeps the number of CST).
    await a.goto("/registration?target=CST");
    const match = quotaLeft.exec(await a.getByTestId("quota-status").innerText());
    expect(match, "the demo leaves NT places under the quota").not.toBeNull();
    const left = Number(match![2]);
    if (left > 1) {
      const selects = a.getByTestId("registration-table").getByRole("combobox");
      for (let i = 0; i < left - 1; i++) await selects.nth(i).selectOption("CSTDCS");
      const save = a.getByRole("form", { name: "Lưu đăng ký cán bộ" });
      await save.getByRole("button", { name: `Lưu nháp (${left - 1} thay đổi)` }).click();
      await expect(save.getByRole("status")).toContainText(`Đã lưu đăng ký của ${left - 1} cán bộ`);
    }
    const taken = Number(match![1]) + left - 1;

    // Both open the list with one place left; each gives it to a different officer.
    for (const page of [a, b]) {
      await page.goto("/registration?target=CST");
      await expect(page.getByTestId("quota-status")).toContainText(`đã đăng ký ${taken}, còn 1.`);
    }
    await a.getByTestId("registration-table").getByRole("combobox").nth(0).selectOption("CSTDCS");
    await b.getByTestId("registration-table").getByRole("combobox").nth(1).selectOption("CSTDCS");
    for (const page of [a, b]) await expect(page.getByTestId("quota-status")).toContainText("vừa đủ chỉ tiêu");
    const forms = [a, b].map((page) => page.getByRole("form", { name: "Lưu đăng ký cán bộ" }));
    await Promise.all(forms.map((form) => form.getByRole("button", { name: "Lưu nháp (1 thay đổi)" }).click()));
    const outcomes = await Promise.all(
      forms.map(async (form) => {
        const saved = form.getByRole("status").filter({ hasText: "Đã lưu đăng ký của 1 cán bộ" });
        const refused = form.getByRole("alert").filter({ hasText: "Vượt chỉ tiêu Chiến sĩ thi đua cơ sở" });
        await expect(saved.or(refused)).toBeVisible();
        return (await saved.count()) ? "saved" : "refused";
      }),
    );
    expect(outcomes.sort()).toEqual(["refused", "saved"]);

    // The unit is exactly at its quota, seen alike from both instances.
    for (const page of [a, b]) {
      await page.goto("/registration");
      await expect(page.getByTestId("quota-status")).toContainText(`đã đăng ký ${taken + 1}, vừa đủ chỉ tiêu.`);
    }
    const sp = [await signedIn(browser, 0, "thuky.cum2"), await signedIn(browser, 1, "thuky.cum2")];
    const rows = await Promise.all(sp.map(boardRow));
    expect(rows[1]).toBe(rows[0]);
    for (const page of [a, b, ...sp]) await page.context().close();
  });
});
