// The hall and the phone: a conference round with 10 candidates, some with very long unit names.
// The projection screen at 1920×1080 shows the turnout and then the results without a vertical scroll
// bar and in large type; on a 390×844 phone every ballot choice (the label the delegate taps) is at
// least 44×44 px and the page never scrolls sideways. Both ballot forms are checked: the acclaim's
// "Đồng ý / Không đồng ý" and the run-off's tick boxes.
//
// The cluster has 5 member units: the admin adds 5 more for this test and stops them at the end. The
// year's quorum is lowered to 2 while the rounds are opened (two delegates vote), then restored.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { allowOutsidePhase, login, openLatestYearPage } from "./helpers";

const SUFFIX = Date.now().toString(36).slice(-4).toUpperCase();
/** Five more member units, two with names far longer than any real one, one with a 60-letter word. */
const EXTRA_UNITS = [
  { code: `HALL1${SUFFIX}`, name: "Bộ Tư lệnh Cảnh sát cơ động và các Trung đoàn Cảnh sát cơ động dự bị chiến đấu khu vực Tây Nguyên – Duyên hải Nam Trung Bộ thuộc Bộ Công an" },
  { code: `HALL2${SUFFIX}`, name: "Cục Cảnh sát quản lý hành chính về trật tự xã hội và Trung tâm Dữ liệu quốc gia về dân cư, căn cước và định danh điện tử" },
  { code: `HALL3${SUFFIX}`, name: `Trung tâm NghiệpVụĐặcBiệtKhôngCóKhoảngTrắngNàoĐểThửNgắtDòngTrênĐiệnThoại ${SUFFIX}` },
  { code: `HALL4${SUFFIX}`, name: `Phòng Hậu cần ${SUFFIX}` },
  { code: `HALL5${SUFFIX}`, name: `Viện Khoa học và Công nghệ ${SUFFIX}` },
];
const LONGEST = EXTRA_UNITS[0]!.name;
const CLUSTER_OPTION = "Cụm thi đua số 2 (CUM-2)";
const ROUND_TITLE = `Suy tôn 10 đơn vị – thử màn hình ${SUFFIX}`;
const QUORUM_LABEL = "Số đơn vị tối thiểu có mặt khi bỏ phiếu";
/** Two delegates of the demo: their votes close the rounds (quorum 2 while the test runs). */
const DELEGATES = ["lanhdao.ktnv", "lanhdao.qlxnc"] as const;

const HALL: BrowserContextOptions = { viewport: { width: 1920, height: 1080 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

async function signedIn(browser: Browser, username: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

/** The projection screen fits the window: no vertical (or horizontal) scroll, the type still large. */
async function expectFitsTheHall(screen: Page, rows: number) {
  const m = await screen.getByTestId("projection-screen").evaluate((box) => {
    const content = box.firstElementChild as HTMLElement;
    const zoom = Number(content.dataset.zoom ?? "1");
    const rows = box.querySelectorAll("[data-testid=screen-row-name]").length;
    // Results once the round is closed, else the turnout's unit names.
    const names = [...box.querySelectorAll<HTMLElement>("[data-testid=screen-row-name], [data-testid=screen-turnout] li")];
    return {
      box: { scrollHeight: box.scrollHeight, clientHeight: box.clientHeight, scrollWidth: box.scrollWidth, clientWidth: box.clientWidth },
      page: { scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight },
      zoom,
      rows,
      // The rendered size of the unit names, in CSS px of the 1920×1080 screen.
      nameSize: Math.min(...names.map((n) => parseFloat(getComputedStyle(n).fontSize) * zoom)),
      contentBottom: content.getBoundingClientRect().bottom,
    };
  });
  expect(m.rows, "rows on the screen").toBe(rows);
  expect(m.box.scrollHeight, `screen content ${m.box.scrollHeight} px in a ${m.box.clientHeight} px window`).toBeLessThanOrEqual(m.box.clientHeight);
  expect(m.box.scrollWidth).toBeLessThanOrEqual(m.box.clientWidth);
  expect(m.page.scrollHeight).toBeLessThanOrEqual(m.page.innerHeight);
  expect(m.contentBottom).toBeLessThanOrEqual(1080);
  // text-3xl (30 px) at full size; the fit may zoom out a little for names far longer than real ones.
  expect(m.nameSize, `unit names in large type (px; zoom ${m.zoom})`).toBeGreaterThanOrEqual(24);
  await test.info().attach(`screen-${rows}-rows.png`, { body: await screen.screenshot(), contentType: "image/png" });
  const fit = `${rows} result rows: zoom ${m.zoom}, names ${m.nameSize.toFixed(1)} px`;
  test.info().annotations.push({ type: "screen", description: fit });
  console.log(`[hall] ${fit}`);
}

/** Every choice of the ballot on the phone: its label (the tap target) at least 44×44, inside the screen's width. */
async function expectTouchTargets(phone: Page, expected: number) {
  const choices = phone.getByTestId("ballot-choice");
  await expect(choices).toHaveCount(expected);
  const boxes = await choices.evaluateAll((labels) =>
    labels.map((l) => {
      const r = l.getBoundingClientRect();
      const input = l.querySelector("input")!.getBoundingClientRect();
      return { text: l.textContent?.trim().slice(0, 40), width: r.width, height: r.height, left: r.left, right: r.right, inputWidth: input.width, inputHeight: input.height };
    }),
  );
  for (const b of boxes) {
    expect(b.width, `width of "${b.text}"`).toBeGreaterThanOrEqual(44);
    expect(b.height, `height of "${b.text}"`).toBeGreaterThanOrEqual(44);
    expect(b.left).toBeGreaterThanOrEqual(0);
    expect(b.right).toBeLessThanOrEqual(390);
    expect(b.inputWidth, `the box of "${b.text}" keeps its size`).toBeGreaterThanOrEqual(20);
    expect(b.inputHeight).toBeGreaterThanOrEqual(20);
  }
  expect(await phone.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll on the phone").toBeLessThanOrEqual(390);
  await test.info().attach(`ballot-${expected}-choices.png`, { body: await phone.screenshot({ fullPage: true }), contentType: "image/png" });
}

/** Taps a choice near its label's far corner: the whole label is the target. */
async function tapCorner(phone: Page, choice: ReturnType<Page["getByTestId"]>) {
  await choice.scrollIntoViewIfNeeded();
  const box = (await choice.boundingBox())!;
  await phone.touchscreen.tap(box.x + box.width - 4, box.y + box.height - 4);
}

test.describe.configure({ mode: "serial" });

let roundPath = "";
let yearId = "";

test.beforeAll(async ({ browser }) => {
  const admin = await signedIn(browser, "admin");
  for (const unit of EXTRA_UNITS) {
    await admin.goto("/admin/units/new");
    const form = admin.getByRole("form", { name: "Thêm đơn vị" });
    await form.getByLabel("Mã đơn vị").fill(unit.code);
    await form.getByLabel("Tên đơn vị").fill(unit.name);
    await form.getByLabel("Cụm thi đua").selectOption({ label: CLUSTER_OPTION });
    await form.getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect(form.getByRole("status")).toBeVisible();
  }
  await admin.context().close();
});

test.afterAll(async ({ browser }) => {
  // The cluster goes back to its five units and its quorum, for the tests that follow.
  const secretariat = await signedIn(browser, "thuky.cum2");
  if (yearId) {
    await setQuorum(secretariat, "");
    await revokeConferenceWork(secretariat);
  }
  await secretariat.context().close();
  const admin = await signedIn(browser, "admin");
  for (const unit of EXTRA_UNITS) {
    await admin.goto("/admin/units");
    const link = admin.getByRole("link", { name: unit.name, exact: true });
    if (!(await link.count())) continue;
    await link.first().click();
    await admin.getByRole("form", { name: "Đổi trạng thái đơn vị" }).getByRole("button").click();
    await expect(admin.getByRole("form", { name: "Đổi trạng thái đơn vị" }).getByRole("status")).toBeVisible();
  }
  await admin.context().close();
});

const OVERRIDE_REASON = `Kiểm thử màn hình hội trường với 10 đơn vị (${SUFFIX})`;
/** The year's phase actions a conference needs (src/domain/year-phase-rules.ts): preparing rounds, voting. */
const CONFERENCE_ACTIONS = ["votePreparation", "voting"];

/** Takes back what the test allowed outside the year's phase (allowOutsidePhase, with this test's reason). */
async function revokeConferenceWork(secretariat: Page) {
  await secretariat.goto(`/cluster/years/${yearId}`);
  // A revoked permission stays listed ("Đã thu hồi …") without its revoke form.
  const revokes = secretariat.getByTestId("phase-overrides").getByRole("listitem").filter({ hasText: OVERRIDE_REASON }).getByRole("button", { name: "Thu hồi" });
  for (let left = await revokes.count(); left > 0; left--) {
    await revokes.first().click();
    await expect(revokes).toHaveCount(left - 1);
  }
}

async function setQuorum(secretariat: Page, value: string) {
  await secretariat.goto(`/cluster/years/${yearId}`);
  const form = secretariat.getByRole("form", { name: "Thiết lập năm thi đua" });
  await form.getByLabel(QUORUM_LABEL).fill(value);
  await form.getByRole("button", { name: "Lưu thiết lập" }).click();
  await expect(form.getByRole("status")).toBeVisible();
}

/** A delegate on the phone: every choice ≥ 44×44, then the ballot is filled, reviewed and confirmed. */
async function voteOnPhone(phone: Page, fill: (phone: Page) => Promise<void>) {
  await phone.getByRole("button", { name: "Xem lại phiếu →" }).scrollIntoViewIfNeeded();
  await fill(phone);
  await phone.getByRole("button", { name: "Xem lại phiếu →" }).click();
  await phone.getByRole("button", { name: "Xác nhận bỏ phiếu" }).click();
  await expect(phone.getByTestId("ballot-recorded")).toBeVisible();
}

test("a round of 10 candidates: the hall's screen fits 1920×1080, each ballot choice is a 44×44 target on a 390 px phone", async ({ browser }) => {
  test.setTimeout(300_000);
  const secretariat = await signedIn(browser, "thuky.cum2", HALL);

  // --- The round: all 10 member units, the quorum lowered so two delegates can close it ------------
  // The open year; its conference work allowed outside the year's phase (audited), as a spec does.
  await openLatestYearPage(secretariat);
  yearId = new URL(secretariat.url()).pathname.split("/").pop()!;
  await allowOutsidePhase(secretariat, CONFERENCE_ACTIONS, OVERRIDE_REASON);
  await setQuorum(secretariat, "2");
  await secretariat.goto(`/conference?year=${yearId}`);
  const acclaimForm = secretariat.getByRole("form", { name: "Tạo vòng suy tôn" });
  await expect(acclaimForm).toBeVisible();
  await acclaimForm.getByLabel("Danh hiệu suy tôn").selectOption("DV_TIEN_TIEN");
  await acclaimForm.getByLabel("Số suất").fill("1");
  const unitBoxes = acclaimForm.getByRole("group", { name: /Đơn vị được đề nghị suy tôn/ }).getByRole("checkbox");
  await expect(unitBoxes).toHaveCount(10);
  for (const box of await unitBoxes.all()) await box.check();
  await acclaimForm.getByLabel("Tên vòng bỏ phiếu").fill(ROUND_TITLE);
  await acclaimForm.getByRole("button", { name: "Tạo vòng suy tôn" }).click();
  await expect(secretariat.getByRole("heading", { level: 1, name: ROUND_TITLE })).toBeVisible();
  roundPath = new URL(secretariat.url()).pathname;
  await secretariat.getByRole("button", { name: "Mở vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true })).toBeVisible();

  // --- The hall while the round is open: the turnout of 10 units ----------------------------------
  const screen = await secretariat.context().newPage();
  await screen.goto(`${roundPath}/screen`);
  await expect(screen.getByTestId("screen-turnout-count")).toHaveText("Đã bỏ phiếu: 0/10 đơn vị");
  await expect(screen.getByTestId("screen-turnout").getByRole("listitem")).toHaveCount(10);
  await expectFitsTheHall(screen, 0);
  await expectAccessible(screen);

  // --- The first delegate on a phone: "Đồng ý / Không đồng ý" for 9 units (not its own) -----------
  const phone = await signedIn(browser, DELEGATES[0], PHONE);
  await phone.goto(`${roundPath}/vote`);
  await expect(phone.getByRole("heading", { level: 1, name: ROUND_TITLE })).toBeVisible();
  await expectTouchTargets(phone, 9 * 2);
  await expectAccessible(phone);
  // The whole label is the target: a tap in its corner chooses.
  const firstAgree = phone.getByTestId("ballot-choice").filter({ hasText: /^Đồng ý$/ }).first();
  await tapCorner(phone, firstAgree);
  await expect(firstAgree.getByRole("radio")).toBeChecked();
  await voteOnPhone(phone, async (p) => {
    for (const label of await p.getByTestId("ballot-choice").filter({ hasText: /^Đồng ý$/ }).all()) await label.getByRole("radio").check();
  });

  const other = await signedIn(browser, DELEGATES[1], PHONE);
  await other.goto(`${roundPath}/vote`);
  await voteOnPhone(other, async (p) => {
    for (const label of await p.getByTestId("ballot-choice").filter({ hasText: /^Đồng ý$/ }).all()) await label.getByRole("radio").check();
  });
  await expect(screen.getByTestId("screen-turnout-count")).toHaveText("Đã bỏ phiếu: 2/10 đơn vị", { timeout: 15_000 });
  await expectFitsTheHall(screen, 0);

  // --- Closed: 10 results on the screen, then the run-off between the 8 tied units ----------------
  await secretariat.reload();
  await secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByTestId("ballot-check")).toContainText("Phiếu thu về: 2");
  await expect(screen.getByTestId("screen-results")).toBeVisible({ timeout: 15_000 });
  await expectFitsTheHall(screen, 10);
  await expectAccessible(screen);
  for (const unit of EXTRA_UNITS) await expect(screen.getByTestId("screen-results")).toContainText(unit.name);

  await secretariat.getByRole("button", { name: "Mở vòng bỏ phiếu lại", exact: true }).click();
  await expect(secretariat.getByRole("heading", { level: 1, name: `${ROUND_TITLE} – bỏ phiếu lại` })).toBeVisible();
  const runoffPath = new URL(secretariat.url()).pathname;

  // --- The run-off's tick boxes on the phone --------------------------------------------------------
  await phone.goto(`${runoffPath}/vote`);
  await expect(phone.getByRole("heading", { level: 1, name: `${ROUND_TITLE} – bỏ phiếu lại` })).toBeVisible();
  const runoffChoices = await phone.getByTestId("ballot-choice").count();
  expect(runoffChoices).toBeGreaterThanOrEqual(8);
  await expectTouchTargets(phone, runoffChoices);
  await expectAccessible(phone);
  const longest = phone.getByTestId("ballot-choice").filter({ hasText: LONGEST });
  await tapCorner(phone, longest);
  await expect(longest.getByRole("checkbox")).toBeChecked();
  await voteOnPhone(phone, async () => {});
  await other.goto(`${runoffPath}/vote`);
  await voteOnPhone(other, async (p) => {
    await p.getByTestId("ballot-choice").filter({ hasText: LONGEST }).getByRole("checkbox").check();
  });
  await secretariat.reload();
  await secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByTestId("outcome")).toContainText(LONGEST);
  await screen.goto(`${runoffPath}/screen`);
  await expect(screen.getByTestId("screen-results")).toBeVisible();
  await expectFitsTheHall(screen, runoffChoices);

  await phone.context().close();
  await other.context().close();
  await secretariat.context().close();
});
