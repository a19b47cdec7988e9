// Issue 16: KTNV's unit officer sees the bell's count rise when the secretariat returns the unit's
// mid-year report, opens the notification from /notifications and lands on the report with the reason.
// (The mid-year report, which no other spec uses, keeps this story out of the year-end report flow.)
import { expect, test, type Browser, type Page } from "@playwright/test";
import { allowOutsidePhase, DEMO, login } from "./helpers";

const YEAR = String(DEMO.year);

const REASON = "Đề nghị bổ sung minh chứng kết quả 6 tháng đầu năm của tiêu chí II.1.";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await login(page, username);
  return page;
}

async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId("notification-count");
  return (await badge.count()) ? Number((await badge.innerText()).replace("99+", "100")) : 0;
}

test("a returned report: the officer's bell count rises and the notification leads to the report", async ({ browser }) => {
  test.setTimeout(180_000);
  const officer = await signedIn(browser, "canbo.ktnv");
  const head = await signedIn(browser, "lanhdao.ktnv");
  const secretariat = await signedIn(browser, "thuky.cum2");
  // Reports are written and reviewed from the mid-year phase on: allowed in the demo year's phase.
  await allowOutsidePhase(secretariat, ["reports", "reportReview"]);

  // The officer drafts KTNV's mid-year report of the open year.
  await officer.goto("/reports");
  if (!(await officer.getByText(`Năm thi đua ${YEAR}`).first().isVisible())) {
    await officer.getByLabel("Năm thi đua").selectOption({ label: YEAR });
    await officer.getByRole("button", { name: "Xem" }).click();
  }
  const start = officer.getByRole("button", { name: "Soạn báo cáo sơ kết 6 tháng" });
  if (await start.isVisible()) await start.click();
  else await officer.getByRole("row", { name: /Báo cáo sơ kết 6 tháng/ }).getByRole("link", { name: "Mở báo cáo" }).click();
  await expect(officer).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportPath = new URL(officer.url()).pathname;
  const editor = officer.getByRole("form", { name: "Soạn báo cáo sơ kết 6 tháng" });
  const criteria = editor.locator('[data-testid^="criterion-"]');
  for (let i = 0; i < (await criteria.count()); i++) {
    const item = criteria.nth(i);
    const label = (await item.getAttribute("data-testid"))!.replace("criterion-", "");
    if (label.startsWith("T.") || label.startsWith("Tr.")) continue;
    const max = (await item.getByText(/^Tối đa /).innerText()).replace("Tối đa ", "");
    await item.getByLabel(`Điểm tự chấm ${label}`).fill(max);
    await item.getByLabel(`Giải trình ${label}`).fill(`Kết quả 6 tháng đầu năm ${YEAR} của tiêu chí ${label}.`);
  }
  const figures = editor.getByRole("region", { name: "Số liệu chủ yếu" }).getByRole("textbox");
  for (let i = 0; i < (await figures.count()); i++) await figures.nth(i).fill("120");
  const narrative = editor.getByLabel("Báo cáo thuyết minh");
  if (await narrative.count()) await narrative.fill(`Sáu tháng đầu năm ${YEAR}, Cục Kỹ thuật nghiệp vụ hoàn thành tốt các nhiệm vụ.`);
  await editor.getByLabel("Tệp minh chứng cho II.1").setInputFiles({ name: "Kết quả 6 tháng.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(editor.getByRole("link", { name: "Kết quả 6 tháng.pdf" })).toBeVisible();
  await expect(officer.getByTestId("save-status")).toHaveAttribute("data-state", "saved");

  // The head approves and submits it.
  await head.goto(reportPath);
  await head.getByRole("form", { name: "Duyệt và gửi báo cáo" }).getByRole("button", { name: "Duyệt và gửi báo cáo" }).click();
  await expect(head.getByText("Báo cáo đang chờ Thư ký Cụm xem xét")).toBeVisible();

  await officer.goto("/reports");
  const before = await bellCount(officer);

  // The secretariat returns it with a reason.
  await secretariat.goto(reportPath);
  const returnForm = secretariat.getByRole("form", { name: "Trả lại báo cáo" });
  await returnForm.getByLabel("Lý do trả lại").fill(REASON);
  await returnForm.getByRole("button", { name: "Trả lại báo cáo" }).click();
  await expect(secretariat.getByTestId("return-reason")).toContainText(REASON);

  // The officer's bell shows one more (it refreshes on focus and every 30 s; a reload is immediate).
  await officer.reload();
  await expect(officer.getByTestId("notification-count")).toHaveText(String(before + 1));
  await expect(officer.getByTestId("notification-bell")).toHaveAttribute("aria-label", `Thông báo: ${before + 1} thông báo chưa đọc`);

  // The centre lists it first; opening it lands on the report, with the reason.
  await officer.getByTestId("notification-bell").click();
  await expect(officer.getByRole("heading", { level: 1, name: "Thông báo" })).toBeVisible();
  const first = officer.getByTestId("notification-item").first();
  await expect(first).toContainText("Báo cáo bị trả lại");
  await expect(first).toContainText(REASON);
  await first.getByRole("button", { name: `Báo cáo sơ kết 6 tháng năm ${YEAR} của Cục Kỹ thuật nghiệp vụ bị trả lại` }).click();
  await expect(officer).toHaveURL(new RegExp(`${reportPath}$`));
  await expect(officer.getByTestId("return-reason")).toContainText(REASON);
  // Read now: the count is back where it was.
  await expect(officer.getByTestId("notification-bell")).toHaveAttribute("aria-label", before ? `Thông báo: ${before} thông báo chưa đọc` : "Thông báo: không có thông báo mới");

  // Keyboard: the bell is reachable with Tab and has a visible focus ring.
  await officer.goto("/notifications");
  await officer.keyboard.press("Tab"); // skip link
  await officer.keyboard.press("Tab"); // home link
  await officer.keyboard.press("Tab");
  await expect(officer.getByTestId("notification-bell")).toBeFocused();

  for (const p of [officer, head, secretariat]) await p.context().close();
});
