// The year-end conference of Cụm thi đua số 2 in the demo's open year (the one containing today), end
// to end: the secretariat and the five units' delegates (every unit's head has a demo login) acclaim a
// unit for the Ministry flag (a tie, then a run-off), elect next year's chair with the rotation rule
// applied, and download the minutes as a valid .docx.
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoChairs, rotationCandidates } from "../../src/server/seed/calendar";
import { allowOutsidePhase, DEMO, headOf, login, UNIT_NAMES } from "./helpers";

const UNITS = UNIT_NAMES;
type Code = keyof typeof UNITS;
const CODES = Object.keys(UNITS) as Code[];

/** The delegate (unit head) account of each unit: lanhdao.<code>, all in the demo. */
const DELEGATE = Object.fromEntries(CODES.map((c) => [c, headOf(c)])) as Record<Code, string>;

const YEAR = DEMO.year;
const ACCLAIM = `Suy tôn Cờ thi đua của Bộ Công an năm ${YEAR}`;
const RUNOFF = `${ACCLAIM} – bỏ phiếu lại`;
const CHAIR = `Bầu Cụm trưởng năm ${YEAR + 1}`;
/** Next year's rotation order: this year's chair left out, longest since last chaired first. */
const ROTATION = rotationCandidates(YEAR + 1, demoChairs(YEAR));
/** The conference elects the first of the rotation; its own delegate votes for the second. */
const ELECTED = ROTATION[0]!.code;

/** Reads one file of a zip archive (central directory + raw deflate): no extra dependency. */
function readZipEntry(buf: Buffer, name: string): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const entry = buf.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (entry === name) {
      const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
      const data = buf.subarray(start, start + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

/** The conference page of the open year (the latest in the demo; chosen explicitly should a later year exist). */
async function openConference(page: Page) {
  await page.goto("/conference");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText("Hội nghị tổng kết năm");
  if (!(await heading.innerText()).includes(String(YEAR))) {
    await page.getByRole("navigation", { name: "Chọn năm thi đua" }).getByRole("link", { name: String(YEAR), exact: true }).click();
  }
  await expect(page.getByRole("heading", { level: 1, name: `Hội nghị tổng kết năm ${YEAR}` })).toBeVisible();
}

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Every irreversible action asks first; the people in this story say yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

/** A delegate opens the round from the conference page, fills the ballot, reviews and confirms it. */
async function vote(page: Page, roundTitle: string, ballot: { approve?: Code[]; reject?: Code[]; choose?: Code[] }) {
  await openConference(page);
  await page.getByRole("link", { name: `Bỏ phiếu: ${roundTitle}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: roundTitle })).toBeVisible();
  for (const code of ballot.approve ?? []) await page.getByRole("group", { name: UNITS[code] }).getByLabel("Đồng ý", { exact: true }).check();
  for (const code of ballot.reject ?? []) await page.getByRole("group", { name: UNITS[code] }).getByLabel("Không đồng ý", { exact: true }).check();
  for (const code of ballot.choose ?? []) await page.getByRole("checkbox", { name: UNITS[code] }).check();
  await page.getByRole("button", { name: "Xem lại phiếu →" }).click();
  const review = page.getByTestId("ballot-review");
  for (const code of [...(ballot.approve ?? []), ...(ballot.choose ?? [])]) await expect(review).toContainText(UNITS[code]);
  await page.getByRole("button", { name: "Xác nhận bỏ phiếu" }).click();
  await expect(page.getByTestId("ballot-recorded")).toContainText("Phiếu bầu của đơn vị đã được ghi nhận. Phiếu đã bỏ không thể thay đổi.");
}

/** The secretariat closes the round shown on its page. */
async function closeShownRound(page: Page) {
  await page.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true }).click();
  await expect(page.getByTestId("ballot-check")).toContainText("Phiếu thu về: 5");
  await expect(page.getByTestId("ballot-check")).toContainText("Số đơn vị đã bỏ phiếu: 5");
  await expect(page.getByTestId("ballot-check")).toContainText("Khớp: số phiếu bằng số đơn vị đã bỏ phiếu");
}

test.beforeAll(async ({ browser }) => {
  // The votes belong to the conference phase; the demo's open year is in registration: the secretariat
  // allows them outside their phase (an audited override), as a cluster holding its conference early would.
  const secretariat = await signedIn(browser, "thuky.cum2");
  await allowOutsidePhase(secretariat, ["votePreparation", "voting"]);
  await secretariat.context().close();
});

test("the five units hold the open year's conference: acclaim with a tie and a run-off, next year's chair election, the minutes", async ({ browser }) => {
  test.setTimeout(300_000);
  const secretariat = await signedIn(browser, "thuky.cum2");
  const delegates = {} as Record<Code, Page>;
  for (const code of CODES) delegates[code] = await signedIn(browser, DELEGATE[code]);

  // --- 1. Acclaim for the Ministry flag: two candidates, one flag ---------------------------------
  await openConference(secretariat);
  const acclaimForm = secretariat.getByRole("form", { name: "Tạo vòng suy tôn" });
  await acclaimForm.getByLabel("Danh hiệu suy tôn").selectOption("CO_BCA");
  await acclaimForm.getByLabel("Số suất").fill("1");
  await acclaimForm.getByRole("checkbox", { name: UNITS.ANM }).check();
  await acclaimForm.getByRole("checkbox", { name: UNITS.KTNV }).check();
  await acclaimForm.getByRole("button", { name: "Tạo vòng suy tôn" }).click();
  await expect(secretariat).toHaveURL(/\/conference\/rounds\/[0-9a-f-]{36}$/);
  await expect(secretariat.getByRole("heading", { level: 1, name: ACCLAIM })).toBeVisible();
  const acclaimUrl = new URL(secretariat.url()).pathname;
  await secretariat.getByRole("button", { name: "Mở vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true })).toBeVisible();

  // The hall's screen: turnout, refreshing by itself.
  const screen = await secretariat.context().newPage();
  await screen.goto(`${acclaimUrl}/screen`);
  await expect(screen.getByTestId("screen-turnout-count")).toHaveText("Đã bỏ phiếu: 0/5 đơn vị");

  // Everyone approves both, no unit votes on itself: 4 – 4, a tie for the one flag.
  await delegates.ANM.goto(`${acclaimUrl}/vote`);
  await expect(delegates.ANM.getByRole("group", { name: UNITS.ANM })).toContainText("Đơn vị của đồng chí: không tự bỏ phiếu cho đơn vị mình.");
  await expect(delegates.ANM.getByRole("group", { name: UNITS.ANM }).getByRole("radio")).toHaveCount(0);
  await vote(delegates.ANM, ACCLAIM, { approve: ["KTNV"] });
  await vote(delegates.KTNV, ACCLAIM, { approve: ["ANM"] });
  await vote(delegates.NT, ACCLAIM, { approve: ["ANM", "KTNV"] });
  await vote(delegates.QLXNC, ACCLAIM, { approve: ["ANM", "KTNV"] });
  await expect(screen.getByTestId("screen-turnout-count")).toHaveText("Đã bỏ phiếu: 4/5 đơn vị", { timeout: 15_000 });
  await expect(screen.getByTestId("screen-results")).toHaveCount(0);

  // Results are hidden while the round is open; closing without every unit is refused with the reason.
  await secretariat.reload();
  await expect(secretariat.getByTestId("results-table")).toHaveCount(0);
  await secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByRole("form", { name: `Kết thúc vòng bỏ phiếu ${ACCLAIM}` }).getByRole("alert")).toContainText("chưa đủ số đơn vị theo quy định (tất cả 5 đơn vị phải bỏ phiếu; còn thiếu 1 đơn vị)");

  await vote(delegates.BTLCV, ACCLAIM, { approve: ["ANM", "KTNV"] });
  // A second ballot from the same unit is not possible.
  await delegates.BTLCV.goto(`${acclaimUrl}/vote`);
  await expect(delegates.BTLCV.getByText("Đơn vị đã bỏ phiếu trong vòng này. Phiếu đã bỏ không thể thay đổi.")).toBeVisible();
  await expect(delegates.BTLCV.getByRole("button", { name: "Xem lại phiếu →" })).toHaveCount(0);
  await expect(screen.getByTestId("screen-turnout-count")).toHaveText("Đã bỏ phiếu: 5/5 đơn vị", { timeout: 15_000 });

  await secretariat.reload();
  await closeShownRound(secretariat);
  const results = secretariat.getByTestId("results-table");
  await expect(results.getByRole("row", { name: new RegExp(UNITS.ANM) })).toContainText("80%");
  await expect(results.getByRole("row", { name: new RegExp(UNITS.KTNV) })).toContainText("80%");
  await expect(secretariat.getByTestId("outcome")).toContainText("Bằng phiếu cho 1 suất còn lại");
  await expect(screen.getByTestId("screen-results")).toContainText("Bằng phiếu – bỏ phiếu lại", { timeout: 15_000 });

  // --- 2. The run-off, opened with one click: choose one of the two ---------------------------------
  await secretariat.getByRole("button", { name: "Mở vòng bỏ phiếu lại", exact: true }).click();
  await expect(secretariat.getByRole("heading", { level: 1, name: RUNOFF })).toBeVisible();
  await expect(secretariat.getByTestId("candidate-list")).toHaveText(new RegExp(`${UNITS.ANM}[\\s\\S]*${UNITS.KTNV}`));
  await vote(delegates.ANM, RUNOFF, { choose: ["KTNV"] });
  await vote(delegates.KTNV, RUNOFF, { choose: ["ANM"] });
  await vote(delegates.NT, RUNOFF, { choose: ["ANM"] });
  await vote(delegates.QLXNC, RUNOFF, { choose: ["ANM"] });
  await vote(delegates.BTLCV, RUNOFF, { choose: ["KTNV"] });
  await secretariat.reload();
  await closeShownRound(secretariat);
  await expect(secretariat.getByTestId("outcome")).toHaveText(`Được suy tôn: ${UNITS.ANM}.`);
  await secretariat.getByRole("button", { name: "Ghi nhận kết quả", exact: true }).click();
  await expect(secretariat.getByText(`Đã ghi nhận đề nghị Cờ thi đua của Bộ Công an năm ${YEAR} cho: ${UNITS.ANM}.`).first()).toBeVisible();

  // --- 3. Chair election for next year with the rotation rule ----------------------------------------
  await openConference(secretariat);
  const chairForm = secretariat.getByRole("form", { name: "Tạo vòng bầu Cụm trưởng" });
  await expect(chairForm).toContainText(`${UNITS[DEMO.chair]} (Cụm trưởng năm ${YEAR}) không được bầu lại theo quy chế của cụm.`);
  await expect(secretariat.getByTestId("rotation-list").getByRole("checkbox")).toHaveCount(4);
  const rotation = await secretariat.getByTestId("rotation-list").locator("label").allInnerTexts();
  expect(rotation.map((t) => t.trim())).toEqual(ROTATION.map((c, i) => `${i + 1}. ${UNITS[c.code]} — ${c.label}`));
  await chairForm.getByRole("button", { name: "Tạo vòng bầu Cụm trưởng" }).click();
  await expect(secretariat.getByRole("heading", { level: 1, name: CHAIR })).toBeVisible();
  await secretariat.getByRole("button", { name: "Mở vòng bỏ phiếu", exact: true }).click();
  await expect(secretariat.getByRole("button", { name: "Kết thúc vòng bỏ phiếu", exact: true })).toBeVisible();

  // The first unit of the rotation: its delegate may not choose its own unit.
  await openConference(delegates[ELECTED]);
  await delegates[ELECTED].getByRole("link", { name: `Bỏ phiếu: ${CHAIR}`, exact: true }).click();
  await expect(delegates[ELECTED].getByRole("checkbox", { name: UNITS[ELECTED] })).toBeDisabled();
  for (const code of CODES.filter((c) => c !== ELECTED)) await vote(delegates[code], CHAIR, { choose: [ELECTED] });
  await vote(delegates[ELECTED], CHAIR, { choose: [ROTATION[1]!.code] });
  await secretariat.reload();
  await closeShownRound(secretariat);
  await expect(secretariat.getByTestId("outcome")).toHaveText(`Trúng cử: ${UNITS[ELECTED]}.`);
  await secretariat.getByRole("button", { name: "Ghi nhận kết quả", exact: true }).click();
  await expect(
    secretariat.getByText(
      `Kết quả đã được ghi nhận: ${UNITS[ELECTED]} trúng cử Cụm trưởng năm ${YEAR + 1}. Khi mở năm thi đua ${YEAR + 1}, đơn vị này được điền sẵn làm Cụm trưởng.`,
    ),
  ).toBeVisible();

  // Everyone in the cluster sees the totals on the conference page.
  await openConference(delegates.QLXNC);
  const rounds = delegates.QLXNC.getByTestId("rounds-table");
  await expect(rounds.getByRole("row", { name: new RegExp(RUNOFF) })).toContainText(`Được suy tôn: ${UNITS.ANM}`);
  await expect(rounds.getByRole("row", { name: new RegExp(CHAIR) })).toContainText(`Trúng cử: ${UNITS[ELECTED]}`);

  // --- 4. The minutes, as a Word document ------------------------------------------------------------
  await openConference(secretariat);
  const minutes = secretariat.getByRole("form", { name: "Tải biên bản hội nghị" });
  await minutes.getByLabel("Địa điểm").fill("Hội trường Cục Kỹ thuật nghiệp vụ, Hà Nội");
  await minutes.getByLabel("Chủ trì hội nghị").fill("Đồng chí Cục trưởng Cục Kỹ thuật nghiệp vụ");
  const [download] = await Promise.all([secretariat.waitForEvent("download"), minutes.getByRole("button", { name: "Tải biên bản (.docx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
  const xml = readZipEntry(bytes, "word/document.xml").toString("utf8");
  for (const text of [
    "BIÊN BẢN",
    `Hội nghị tổng kết công tác thi đua, khen thưởng năm ${YEAR}`,
    "Hội trường Cục Kỹ thuật nghiệp vụ, Hà Nội",
    ACCLAIM,
    RUNOFF,
    `${UNITS.ANM} được suy tôn Cờ thi đua của Bộ Công an.`,
    `${UNITS[ELECTED]} trúng cử Cụm trưởng năm ${YEAR + 1}.`,
    "Số phiếu phát ra: 5; số phiếu thu về: 5",
    "CHỦ TRÌ HỘI NGHỊ",
  ]) {
    expect(xml, text).toContain(text);
  }

  for (const page of [secretariat, ...Object.values(delegates)]) await page.context().close();
});

test("the 2021 conference is on record: the Ministry flag, the chair and the deputy for 2022", async ({ page }) => {
  await login(page, "lanhdao.qlxnc");
  await page.goto("/conference");
  await page.getByRole("navigation", { name: "Chọn năm thi đua" }).getByRole("link", { name: "2021", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hội nghị tổng kết năm 2021" })).toBeVisible();
  const rounds = page.getByTestId("rounds-table");
  await expect(rounds.getByRole("row", { name: /Suy tôn Cờ thi đua của Bộ Công an năm 2021/ })).toContainText(`Được suy tôn: ${UNITS.ANM}`);
  await expect(rounds.getByRole("row", { name: /Bầu Cụm trưởng năm 2022/ })).toContainText(`Trúng cử: ${UNITS.KTNV}`);
  await expect(rounds.getByRole("row", { name: /Bầu Cụm phó năm 2022/ })).toContainText(`Trúng cử: ${UNITS.NT}`);
  await expect(rounds).toContainText("5 phiếu / 5 đơn vị đã bỏ phiếu ✓");
});
