// Movements and drives (issue 17 item 1; docs/domain.md §10), in the browser: the secretariat launches a
// drive for its cluster, two units' officers enter their figures (a negative one refused next to its
// field first), the secretariat closes it after confirming, and the summary — totals, each unit's
// figures and rank — is on the page and in the downloaded workbook.
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, login, officerOf, UNIT_NAMES } from "./helpers";

const NAME = `Đợt thi đua hiến máu “Giọt hồng tri ân” ${DEMO.year}`;

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  // Every irreversible action asks first; the people in this story say yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

async function enterFigures(page: Page, url: string, blood: string, money: string) {
  await page.goto(url);
  const form = page.getByRole("form", { name: "Số liệu của đơn vị" });
  await form.getByLabel("Số đơn vị máu hiến tặng (đơn vị)").fill(blood);
  await form.getByLabel("Số tiền ủng hộ (triệu đồng)").fill(money);
  await form.getByRole("button", { name: "Lưu số liệu" }).click();
  return form;
}

test("a drive launched by the secretariat, figures entered by two units, closed, and its summary downloaded", async ({ browser }) => {
  // --- 1. The secretariat launches it -------------------------------------------------------------
  const secretariat = await signedIn(browser, "thuky.cum2");
  await secretariat.goto("/movements");
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Phong trào thi đua");
  await secretariat.getByRole("link", { name: "Phát động phong trào" }).click();
  const launch = secretariat.getByRole("form", { name: "Phát động phong trào" });
  await launch.getByLabel("Tên phong trào, đợt thi đua").fill(NAME);
  await launch.getByLabel("Mục đích, nội dung").fill("Vận động cán bộ, chiến sĩ hiến máu tình nguyện và ủng hộ quỹ an sinh.");
  await launch.getByLabel("Ngày bắt đầu").fill(`01/01/${DEMO.year}`);
  await launch.getByLabel("Ngày kết thúc").fill(`31/12/${DEMO.year}`);
  await launch.getByLabel("Số liệu 1").fill("Số đơn vị máu hiến tặng");
  await launch.getByLabel("Đơn vị tính 1").fill("đơn vị");
  await launch.getByRole("button", { name: "Thêm số liệu" }).click();
  await launch.getByLabel("Số liệu 2").fill("Số tiền ủng hộ");
  await launch.getByLabel("Đơn vị tính 2").fill("triệu đồng");
  await launch.getByRole("button", { name: "Phát động" }).click();
  await expect(secretariat).toHaveURL(/\/movements\/[0-9a-f-]{36}$/);
  await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText(NAME);
  const url = new URL(secretariat.url()).pathname;

  // --- 2. Two units enter their figures -----------------------------------------------------------
  const ktnv = await signedIn(browser, officerOf("KTNV"));
  const refused = await enterFigures(ktnv, url, "-5", "15,5");
  await expect(refused.getByText("Số đơn vị máu hiến tặng: Số liệu không được âm.")).toBeVisible();
  await expect(refused.getByLabel("Số đơn vị máu hiến tặng (đơn vị)")).toHaveAttribute("aria-invalid", "true");
  const saved = await enterFigures(ktnv, url, "120", "15,5");
  await expect(saved.getByRole("status")).toContainText("Đã lưu 2 số liệu");

  const nt = await signedIn(browser, officerOf("NT"));
  await expect((await enterFigures(nt, url, "95", "20")).getByRole("status")).toContainText("Đã lưu 2 số liệu");

  // --- 3. The secretariat closes it, after confirming ----------------------------------------------
  await secretariat.reload();
  const summary = secretariat.getByTestId("movement-summary");
  await expect(summary.getByRole("row", { name: new RegExp(UNIT_NAMES.KTNV) })).toContainText("120");
  const close = secretariat.getByRole("form", { name: "Tổng kết phong trào" });
  await close.getByRole("button", { name: "Tổng kết phong trào" }).click();
  await expect(close.getByText("Vui lòng xác nhận trước khi tổng kết phong trào.")).toBeVisible();
  await close.getByLabel(/Tôi đã kiểm tra số liệu/).check();
  await close.getByRole("button", { name: "Tổng kết phong trào" }).click();
  await expect(secretariat.getByRole("heading", { name: "Tổng hợp kết quả phong trào" })).toBeVisible();
  await expect(secretariat.getByText("Đã tổng kết").first()).toBeVisible();
  const totals = summary.getByRole("row", { name: /Tổng cộng/ });
  await expect(totals).toContainText("215");
  await expect(totals).toContainText("35,5");
  await expect(summary.getByRole("row", { name: new RegExp(UNIT_NAMES.KTNV) })).toContainText("hạng 1");

  // Closed: the unit can no longer enter figures.
  await ktnv.goto(url);
  await expect(ktnv.getByRole("form", { name: "Số liệu của đơn vị" })).toHaveCount(0);

  // --- 4. The summary as a workbook -----------------------------------------------------------------
  const [download] = await Promise.all([secretariat.waitForEvent("download"), secretariat.getByRole("link", { name: "Tải bảng tổng hợp (.xlsx)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const rows = (wb.getWorksheet("Tổng hợp")!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.slice(1));
  const rowOf = (name: string) => rows.find((r) => r[1] === name)!;
  // Unit, blood (value, rank), money (value, rank).
  expect(rowOf(UNIT_NAMES.KTNV).slice(2)).toEqual([120, 1, 15.5, 2]);
  expect(rowOf(UNIT_NAMES.NT).slice(2)).toEqual([95, 2, 20, 1]);
  const total = rowOf("Tổng cộng");
  expect([total[2], total[4]]).toEqual([215, 35.5]);
  expect(String(rows[1]?.[0])).toContain(NAME.toUpperCase());

  const [docx] = await Promise.all([secretariat.waitForEvent("download"), secretariat.getByRole("link", { name: "Tải báo cáo tổng kết (.docx)" }).click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  expect((await readFile((await docx.path())!)).subarray(0, 2).toString("latin1")).toBe("PK");
});
