// Year-end reports and scoring of Cụm thi đua số 2 for the demo's open year, end to end with the demo accounts:
// KTNV's unit officer drafts (autosaved) and attaches evidence, its head approves and submits; the
// secretariat returns it with a reason; the unit fixes it and resubmits; ANM does the same and both are
// accepted; the two units cross-score each other (each sees only its assigned report); the secretariat
// closes the round, fixes the final scores and finalises; the ranking shows KTNV first, ANM second.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { allowOutsidePhase, DEMO, login } from "./helpers";

const KTNV = "Cục Kỹ thuật nghiệp vụ";
const ANM = "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao";
const YEAR = String(DEMO.year);
const RETURN_REASON = "Đề nghị bổ sung giải trình tiêu chí II.1 (kết quả thực hiện Kế hoạch công tác năm).";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Irreversible steps ask for confirmation; the people in this story say yes.
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

/** /reports showing the demo's open year, whatever year is the latest. */
async function openReports(page: Page) {
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Báo cáo, chấm điểm" })).toBeVisible();
  if (!(await page.getByText(`Năm thi đua ${YEAR}`, { exact: false }).first().isVisible())) {
    await page.getByLabel("Năm thi đua").selectOption({ label: YEAR });
    await page.getByRole("button", { name: "Xem" }).click();
  }
  await expect(page.getByText(`Năm thi đua ${YEAR}`).first()).toBeVisible();
}

/**
 * The unit officer fills every scored criterion (its max minus `below` points, or the max when the
 * max is smaller), an explanation for each, every key figure and the narrative; attaches the evidence
 * II.1 needs; and waits for the autosave.
 */
async function draftReport(page: Page, opts: { below: number; figure: string; narrative: string }) {
  const editor = page.getByRole("form", { name: "Soạn báo cáo tổng kết" });
  await expect(editor).toBeVisible();
  const criteria = editor.locator('[data-testid^="criterion-"]');
  const count = await criteria.count();
  expect(count).toBe(25); // 18 scored criteria, 4 bonus and 3 penalty items in the year's table
  for (let i = 0; i < count; i++) {
    const item = criteria.nth(i);
    const label = (await item.getAttribute("data-testid"))!.replace("criterion-", "");
    if (label.startsWith("T.") || label.startsWith("Tr.")) continue; // no bonus, no penalty: left empty (0)
    const max = Number((await item.getByText(/^Tối đa /).innerText()).replace("Tối đa ", "").replace(",", "."));
    const score = Math.max(0, max - opts.below);
    await item.getByLabel(`Điểm tự chấm ${label}`).fill(String(score).replace(".", ","));
    await item.getByLabel(`Giải trình ${label}`).fill(`Kết quả thực hiện tiêu chí ${label} năm ${YEAR}: hoàn thành theo kế hoạch.`);
  }
  const figures = editor.getByRole("region", { name: "Số liệu chủ yếu" }).getByRole("textbox");
  for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).fill(opts.figure);
  await editor.getByLabel("Báo cáo thuyết minh").fill(opts.narrative);
  await editor.getByLabel("Tệp minh chứng cho II.1").setInputFiles({ name: `Báo cáo kết quả thực hiện Kế hoạch công tác năm ${YEAR}.pdf`, mimeType: "application/pdf", buffer: PDF });
  await expect(editor.getByRole("link", { name: `Báo cáo kết quả thực hiện Kế hoạch công tác năm ${YEAR}.pdf` })).toBeVisible();
  await expectSaved(page);
  await expect(editor.getByRole("heading", { name: "Báo cáo đã đủ nội dung; đề nghị lãnh đạo đơn vị duyệt và gửi." })).toBeVisible();
}

/** The unit officer starts the open year's year-end report (or opens it) and lands in the editor. */
async function startOrOpenReport(page: Page): Promise<string> {
  await openReports(page);
  const start = page.getByRole("button", { name: "Soạn báo cáo tổng kết" });
  if (await start.isVisible()) await start.click();
  else await page.getByRole("link", { name: "Mở báo cáo" }).first().click();
  await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Báo cáo tổng kết năm ${YEAR}` })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The editor's status after an autosave (data-state goes dirty → saving → saved; "idle" right after loading). */
async function expectSaved(page: Page) {
  const status = page.getByTestId("save-status");
  await expect(status).toHaveAttribute("data-state", "saved");
  await expect(status).toContainText("Đã lưu lúc");
}

/** The head opens the report, approves and submits it; the page then says it awaits the secretariat. */
async function approveAndSubmit(page: Page, reportPath: string, again = false) {
  await page.goto(reportPath);
  const form = page.getByRole("form", { name: "Duyệt và gửi báo cáo" });
  await form.getByRole("button", { name: again ? "Duyệt và gửi lại" : "Duyệt và gửi báo cáo" }).click();
  await expect(page.getByText("Báo cáo đang chờ Thư ký Cụm xem xét")).toBeVisible();
  await expect(page.getByRole("form", { name: "Duyệt và gửi báo cáo" })).toHaveCount(0);
}

test.beforeAll(async ({ browser }) => {
  // Reports, their review, cross-scoring and final scores belong to later phases; the demo's open year
  // is in registration: the secretariat allows them outside their phases (an audited override).
  const secretariat = await signedIn(browser, "thuky.cum2");
  await allowOutsidePhase(secretariat, ["reports", "reportReview", "crossScoring", "finalScores"]);
  await secretariat.context().close();
});

test("the open year's reports: draft, approve, return, resubmit, cross-score, finalise, rank", async ({ browser }) => {
  test.setTimeout(300_000);
  const officer = await signedIn(browser, "canbo.ktnv");
  const head = await signedIn(browser, "lanhdao.ktnv");
  const secretariat = await signedIn(browser, "thuky.cum2");
  const anmOfficer = await signedIn(browser, "canbo.anm");

  // --- 1. KTNV's officer drafts; a bad score is refused next to the box, nothing is saved --------------
  const ktnvReport = await startOrOpenReport(officer);
  const editor = officer.getByRole("form", { name: "Soạn báo cáo tổng kết" });
  await editor.getByLabel("Điểm tự chấm I.1").fill("4,5");
  await expect(officer.getByTestId("save-status")).toHaveAttribute("data-state", "error");
  await expect(officer.getByTestId("save-status")).toContainText("Chưa lưu: có 1 ô nhập chưa hợp lệ.");
  await expect(editor.getByText("I.1: Điểm không được vượt quá điểm tối đa (4).")).toBeVisible();
  await draftReport(officer, { below: 0.5, figure: "1.250", narrative: `Năm ${YEAR}, Cục Kỹ thuật nghiệp vụ đã hoàn thành xuất sắc các nhiệm vụ được giao.` });
  // Drafts are private: another unit's officer gets "not found", and so does the secretariat.
  await anmOfficer.goto(ktnvReport);
  await expect(anmOfficer.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await secretariat.goto(ktnvReport);
  await expect(secretariat.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  // The officer cannot submit: only the head approves.
  await officer.reload();
  await expect(officer.getByRole("form", { name: "Duyệt và gửi báo cáo" })).toHaveCount(0);

  // --- 2. The head approves and submits ----------------------------------------------------------------
  await approveAndSubmit(head, ktnvReport);
  await officer.reload();
  await expect(officer.getByText("Báo cáo đang chờ Thư ký Cụm xem xét")).toBeVisible();
  await expect(officer.getByRole("form", { name: "Soạn báo cáo tổng kết" })).toHaveCount(0);

  // --- 3. The secretariat returns it with a reason -----------------------------------------------------
  await openReports(secretariat);
  await secretariat.getByTestId("cluster-reports").getByRole("link", { name: `Xem báo cáo tổng kết của ${KTNV}` }).click();
  const returnForm = secretariat.getByRole("form", { name: "Trả lại báo cáo" });
  await returnForm.getByRole("button", { name: "Trả lại báo cáo" }).click();
  await expect(returnForm.getByText("Lý do trả lại cần nêu rõ (ít nhất 10 ký tự).")).toBeVisible();
  await returnForm.getByLabel("Lý do trả lại").fill(RETURN_REASON);
  await returnForm.getByRole("button", { name: "Trả lại báo cáo" }).click();
  await expect(secretariat.getByTestId("return-reason")).toContainText(RETURN_REASON);
  await expect(secretariat.getByText("Đơn vị đang chỉnh sửa; nội dung dưới đây là bản gửi gần nhất.")).toBeVisible();

  // --- 4. The unit fixes it and resubmits ---------------------------------------------------------------
  await officer.goto(ktnvReport);
  await expect(officer.getByTestId("return-reason")).toContainText(RETURN_REASON);
  await officer.getByLabel("Giải trình II.1").fill(`Hoàn thành 100% chỉ tiêu Kế hoạch công tác năm ${YEAR}; chi tiết tại báo cáo đính kèm.`);
  await expectSaved(officer);
  await approveAndSubmit(head, ktnvReport, true);
  await expect(head.getByTestId("report-history")).toContainText("Thư ký Cụm trả lại");
  await expect(head.getByTestId("report-history")).toContainText(RETURN_REASON);

  // --- 5. ANM drafts and submits too; the secretariat accepts both ------------------------------------
  const anmReport = await startOrOpenReport(anmOfficer);
  await draftReport(anmOfficer, { below: 1, figure: "980", narrative: `Năm ${YEAR}, Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao đã hoàn thành tốt các nhiệm vụ.` });
  const anmHead = await signedIn(browser, "lanhdao.anm");
  await approveAndSubmit(anmHead, anmReport);
  for (const path of [ktnvReport, anmReport]) {
    await secretariat.goto(path);
    await secretariat.getByRole("form", { name: "Chấp nhận báo cáo" }).getByRole("button", { name: "Chấp nhận báo cáo" }).click();
    await expect(secretariat.getByText("Đã chấp nhận", { exact: true })).toBeVisible();
    await expect(secretariat.getByRole("form", { name: "Chấp nhận báo cáo" })).toHaveCount(0);
  }

  // --- 6. The secretariat opens cross-scoring: each of the two units scores the other -----------------
  await openReports(secretariat);
  await secretariat.getByRole("link", { name: "Quản lý chấm chéo" }).click();
  await expect(secretariat.getByRole("heading", { level: 1, name: `Chấm chéo và điểm cuối cùng năm ${YEAR}` })).toBeVisible();
  const scoringUrl = new URL(secretariat.url()).pathname;
  const open = secretariat.getByRole("form", { name: "Mở vòng chấm chéo" });
  await open.getByLabel("Số đơn vị chấm mỗi báo cáo").fill("1");
  await open.getByRole("button", { name: "Mở vòng chấm chéo" }).click();
  await expect(secretariat.getByText("Đang chấm chéo", { exact: true })).toBeVisible();
  await expect(secretariat.getByTestId("sheets-submitted")).toHaveText("0/2");

  // --- 7. Each scorer sees only its assigned report and scores it ------------------------------------
  const scoreAll = async (page: Page, scoredUnit: string, below: number) => {
    await page.goto("/reports/cross");
    const list = page.getByTestId("cross-assignments");
    // The closed years' sheets are listed too; this year's is the one to fill.
    await expect(list.getByRole("row").filter({ hasText: YEAR })).toHaveCount(1);
    await list.getByRole("row").filter({ hasText: YEAR }).getByRole("link", { name: `Phiếu chấm báo cáo của ${scoredUnit}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Phiếu chấm chéo: ${scoredUnit}` })).toBeVisible();
    const sheet = page.getByRole("form", { name: "Phiếu chấm chéo" });
    // `has` is matched inside each row, so the inner locator starts from the page, not the form.
    const scoreBox = page.getByRole("textbox", { name: /^Điểm chấm chéo (I|II|III|IV)\./ });
    const rows = sheet.getByRole("row").filter({ has: scoreBox });
    const n = await rows.count();
    expect(n).toBe(18);
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const max = Number((await row.locator("td").nth(2).innerText()).replace(",", "."));
      await row.getByRole("textbox", { name: /^Điểm chấm chéo/ }).fill(String(Math.max(0, max - below)).replace(".", ","));
    }
    await sheet.getByRole("button", { name: "Lưu phiếu chấm" }).click();
    await expect(sheet.getByRole("status")).toContainText(`Đã lưu phiếu chấm báo cáo của ${scoredUnit}`);
    const submit = page.getByRole("form", { name: "Nộp phiếu chấm" });
    await submit.getByRole("button", { name: "Nộp phiếu chấm" }).click();
    await expect(page.getByText("Đã nộp phiếu chấm lúc")).toBeVisible();
  };
  await scoreAll(anmOfficer, KTNV, 0.5);
  await scoreAll(officer, ANM, 2);

  // --- 8. The secretariat closes the round, fixes the final scores and finalises ----------------------
  await secretariat.goto(scoringUrl);
  await expect(secretariat.getByTestId("sheets-submitted")).toHaveText("2/2");
  await secretariat.getByRole("form", { name: "Đóng vòng chấm chéo" }).getByRole("button", { name: "Đóng vòng chấm chéo" }).click();
  await expect(secretariat.getByText("Đã đóng, đang thống nhất điểm", { exact: true })).toBeVisible();
  // Self, cross and final side by side; ANM's big differences (KTNV scored 1 point below its self-score) are highlighted.
  await secretariat.getByRole("link", { name: `Thống nhất điểm của ${ANM}` }).click();
  const finals = secretariat.getByTestId("final-scores");
  await expect(finals.locator("tr[data-big-difference]").first()).toBeVisible();
  await expect(finals.getByText("Chênh lệch lớn").first()).toBeVisible();
  await secretariat.goto(scoringUrl);
  await secretariat.getByRole("button", { name: "Điền điểm đề xuất cho tiêu chí chưa có điểm cuối cùng" }).click();
  await expect(secretariat.getByText(/Đã điền điểm đề xuất cho \d+ tiêu chí/)).toBeVisible();
  await secretariat.getByRole("form", { name: "Chốt kết quả" }).getByRole("button", { name: "Chốt kết quả" }).click();
  await expect(secretariat.getByText(/^Kết quả đã chốt lúc/)).toBeVisible();

  // --- 9. The ranking: KTNV first, ANM second (also for the chair unit's head) ------------------------
  const chairHead = DEMO.chairHead === "lanhdao.ktnv" ? head : DEMO.chairHead === "lanhdao.anm" ? anmHead : await signedIn(browser, DEMO.chairHead);
  for (const page of [secretariat, chairHead]) {
    await page.goto(`${scoringUrl}/ranking`);
    const rows = page.getByTestId("ranking").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(KTNV);
    await expect(rows.nth(0).locator("td").first()).toHaveText("1");
    await expect(rows.nth(1)).toContainText(ANM);
    await expect(rows.nth(1).locator("td").first()).toHaveText("2");
  }
  // A unit officer does not see the ranking page, but sees its own result on its report.
  await officer.goto(`${scoringUrl}/ranking`);
  await expect(officer.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await officer.goto(ktnvReport);
  await expect(officer.getByText(/Kết quả: [\d,]+ điểm, xếp hạng 1 trong Cụm\./)).toBeVisible();

  // The outputs: the Word document of the report and the Excel sheet of scores are real Office files.
  const docx = await secretariat.request.get(`${ktnvReport}/docx`);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  const xlsx = await secretariat.request.get(`${scoringUrl}/export`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  for (const page of new Set([officer, head, secretariat, anmOfficer, anmHead, chairHead])) await page.context().close();
});
