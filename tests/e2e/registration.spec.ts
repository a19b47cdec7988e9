import { expect, test, type Page } from "@playwright/test";
import { LATE_UNIT } from "../../src/server/seed/calendar";
import { DEMO, dmy, login, UNIT_NAMES } from "./helpers";

// The unit whose registration is late in the demo (Cục Kỹ thuật nghiệp vụ): the deadline passed, no extension.
const KTNV = UNIT_NAMES[LATE_UNIT];
const YEAR = DEMO.year;

/** dd/mm/yyyy of the day `days` from today in Vietnam. */
function vietnamDate(days: number): string {
  const iso = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  return iso.split("-").reverse().join("/");
}

/** Clicks a button that asks for confirmation, and confirms. */
async function clickConfirmed(page: Page, button: ReturnType<Page["getByRole"]>) {
  page.once("dialog", (dialog) => void dialog.accept());
  await button.click();
}

/**
 * The secretariat lifts, with a written reason, the refusals a bulk registration met (an officer
 * disciplined this year cannot be registered: docs/domain.md §4 step 2; the bulk setting registers the
 * others and names them), officer by officer from the answer's text ("Họ tên (MÃ) không được đăng ký …");
 * returns how many it lifted.
 */
async function allowRefused(unitPage: Page, secretariatPage: Page, form: ReturnType<Page["getByRole"]>, title: string): Promise<number> {
  const answer = form.getByRole("alert").or(form.getByRole("status"));
  await expect(answer).toBeVisible();
  const text = (await answer.textContent()) ?? "";
  const codes = [...text.matchAll(/\(([A-Z]+-\d+)\) không được đăng ký/g)].map((m) => m[1]!);
  if (codes.length === 0) return 0;
  expect(text).toMatch(/Đã đăng ký CST cho \d+ cán bộ phù hợp bộ lọc.*Không đăng ký \d+ cán bộ: /);
  expect(text).toContain("Thư ký cụm có thể cho phép đăng ký với lý do bằng văn bản.");
  for (const code of codes) {
    await secretariatPage.goto("/officers");
    const search = secretariatPage.getByRole("search", { name: "Tìm kiếm cán bộ" });
    await search.getByLabel("Đơn vị").selectOption({ label: KTNV });
    await search.getByLabel("Tìm theo họ tên hoặc mã").fill(code);
    await search.getByRole("button", { name: "Tìm kiếm" }).click();
    await secretariatPage.getByRole("table").getByRole("link").first().click();
    const override = secretariatPage.getByRole("form", { name: "Cho phép đăng ký danh hiệu" });
    await override.getByLabel("Danh hiệu").selectOption(title);
    await override.getByLabel("Lý do cho phép").fill("Kiểm thử: hội đồng thi đua đơn vị đã xem xét, cho phép đăng ký");
    await clickConfirmed(secretariatPage, override.getByRole("button", { name: "Cho phép đăng ký" }));
    await expect(override.getByRole("status")).toBeVisible();
  }
  await unitPage.reload();
  return codes.length;
}

/** "Apply to every officer matching the filters (all pages)" with one title. */
async function bulkSetAllFiltered(page: Page, title: string) {
  await page.getByLabel("Danh hiệu áp dụng").selectOption(title);
  await page.getByLabel(/^Chọn tất cả \d+ cán bộ đang lọc \(mọi trang\)$/).check();
  const form = page.getByRole("form", { name: "Áp dụng cho tất cả cán bộ đang lọc" });
  await clickConfirmed(page, form.getByRole("button", { name: /^Áp dụng cho \d+ cán bộ đang lọc$/ }));
  return form;
}

test("a unit officer registers the unit and all its officers (a quota warning seen and fixed); the secretariat sees 100%", async ({ page, browser }) => {
  test.setTimeout(240_000);

  // The open year's registration deadline passed a few days ago and KTNV is late: the secretariat reopens it.
  const secretariat = await browser.newContext();
  const sp = await secretariat.newPage();
  await login(sp, "thuky.cum2");
  await sp.goto("/registration");
  await expect(sp.getByRole("heading", { name: `Theo dõi đăng ký thi đua năm ${YEAR}` })).toBeVisible();
  await sp.getByTestId("board-row-KTNV").getByRole("link", { name: `Xem đăng ký của ${KTNV}` }).click();
  await expect(sp.getByRole("heading", { name: `Đăng ký thi đua năm ${YEAR}` })).toBeVisible();
  await expect(sp.getByTestId("registration-window")).toContainText(`Đã hết hạn đăng ký thi đua (hạn cuối: ${dmy(DEMO.plan.deadlines.registrationDeadline)})`);
  const reopen = sp.getByRole("form", { name: "Mở lại đăng ký" });
  await reopen.getByLabel("Mở lại đến hết ngày").fill(vietnamDate(14));
  await reopen.getByLabel("Lý do mở lại").fill("Kiểm thử: đơn vị đăng ký bổ sung sau hạn");
  await clickConfirmed(sp, reopen.getByRole("button", { name: "Mở lại đăng ký" }));
  await expect(reopen.getByRole("status")).toContainText(`Đã mở lại đăng ký thi đua năm ${YEAR} cho ${KTNV} đến hết ngày ${vietnamDate(14)}.`);

  // The unit officer: the unit's own target title.
  await login(page, "canbo.ktnv");
  await page.goto("/registration");
  await expect(page.getByTestId("registration-window")).toContainText(`Thư ký cụm đã mở lại đăng ký cho đơn vị đến hết ngày ${vietnamDate(14)}.`);
  const unitForm = page.getByRole("form", { name: "Danh hiệu đăng ký của đơn vị" });
  await unitForm.getByLabel("Danh hiệu đăng ký của đơn vị").selectOption({ label: "Đơn vị Quyết thắng" });
  await expect(unitForm.getByTestId("unit-target-eligibility")).toBeVisible();
  await unitForm.getByRole("button", { name: "Lưu danh hiệu đơn vị" }).click();
  await expect(unitForm.getByRole("status")).toHaveText("Đã lưu danh hiệu đăng ký của đơn vị: Đơn vị Quyết thắng.");

  // Filter one sub-unit and register everyone in it as CST (all pages of the filter).
  const search = page.getByRole("search", { name: "Lọc cán bộ" });
  await search.getByLabel("Phòng/Đội").selectOption({ label: "Phòng 1" });
  await search.getByRole("button", { name: "Lọc" }).click();
  await expect(page).toHaveURL(/sub=/);
  // An officer disciplined this year is left out and named; the secretariat lifts the refusal, with its reason.
  let phong1 = await bulkSetAllFiltered(page, "CST");
  if (await allowRefused(page, sp, phong1, "CST")) phong1 = await bulkSetAllFiltered(page, "CST");
  await expect(phong1.getByRole("status")).toContainText(/Đã đăng ký CST cho \d+ cán bộ phù hợp bộ lọc/);

  // Then everyone not registered yet, across every page.
  await page.goto("/registration?target=none");
  let rest = await bulkSetAllFiltered(page, "CST");
  if (await allowRefused(page, sp, rest, "CST")) rest = await bulkSetAllFiltered(page, "CST");
  await expect(rest.getByRole("status")).toContainText(/Đã đăng ký CST cho \d+ cán bộ phù hợp bộ lọc/);
  await page.goto("/registration");
  await expect(page.getByTestId("registered-count")).toHaveText(/^(\d+)\/\1 cán bộ \(100%\)$/);

  // Too many CSTĐCS on this page: the quota warning shows at once, and saving is refused with the reason.
  await page.getByLabel("Chọn tất cả cán bộ trên trang này").check();
  await page.getByLabel("Danh hiệu áp dụng").selectOption("CSTDCS");
  await page.getByRole("button", { name: /^Áp dụng cho 50 dòng đã chọn$/ }).click();
  const quota = page.getByTestId("quota-status");
  await expect(quota).toHaveAttribute("role", "alert");
  await expect(quota).toContainText(/Vượt chỉ tiêu CSTĐCS:.*vượt \d+\./);
  await expect(page.getByTestId("registration-table").getByText("Vượt chỉ tiêu CSTĐCS").first()).toBeVisible();
  const saveForm = page.getByRole("form", { name: "Lưu đăng ký cán bộ" });
  await saveForm.getByRole("button", { name: "Lưu nháp (50 thay đổi)" }).click();
  await expect(saveForm.getByRole("alert")).toContainText("Vượt chỉ tiêu Chiến sĩ thi đua cơ sở");

  // Fixed: undo, then two officers as CSTĐCS, within the quota; saved.
  await saveForm.getByRole("button", { name: "Hoàn tác thay đổi" }).click();
  const selects = page.getByTestId("registration-table").getByRole("combobox");
  await selects.nth(0).selectOption("CSTDCS");
  await selects.nth(1).selectOption("CSTDCS");
  await expect(quota).toHaveAttribute("role", "status");
  await expect(quota).toContainText(/Chỉ tiêu CSTĐCS:.*đã đăng ký 2, còn \d+\./);
  await saveForm.getByRole("button", { name: "Lưu nháp (2 thay đổi)" }).click();
  await expect(saveForm.getByRole("status")).toContainText("Đã lưu đăng ký của 2 cán bộ (sửa 2).");

  // Submit for the unit: afterwards the registration is read-only for the unit.
  const submit = page.getByRole("form", { name: "Gửi đăng ký của đơn vị" });
  await clickConfirmed(page, submit.getByRole("button", { name: "Gửi đăng ký của đơn vị" }));
  await expect(page.getByTestId("registration-window")).toContainText("Đơn vị đã gửi đăng ký thi đua, không thể chỉnh sửa");
  await expect(page.getByTestId("registration-table").getByRole("combobox")).toHaveCount(0);

  // The secretariat's board: KTNV at 100%, submitted.
  await sp.goto("/registration");
  const row = sp.getByTestId("board-row-KTNV");
  await expect(row.getByTestId("board-percent")).toHaveText("100%");
  await expect(row).toContainText("Đã gửi");
  await expect(row).toContainText("Đơn vị Quyết thắng");
  await secretariat.close();

  // The unit's head reads it, without any control to change it.
  const head = await browser.newContext();
  const hp = await head.newPage();
  await login(hp, "lanhdao.ktnv");
  await hp.goto("/registration");
  await expect(hp.getByTestId("registration-window")).toContainText("Bạn đang xem ở chế độ chỉ đọc.");
  await expect(hp.getByTestId("registration-table").getByRole("combobox")).toHaveCount(0);
  await expect(hp.getByRole("form", { name: "Lưu đăng ký cán bộ" })).toHaveCount(0);
  await head.close();
});

test("another unit's officer cannot open a unit's registration", async ({ page }) => {
  await login(page, "thuky.cum2");
  await page.goto("/registration");
  const href = await page.getByTestId("board-row-KTNV").getByRole("link", { name: `Xem đăng ký của ${KTNV}` }).getAttribute("href");
  expect(href).toMatch(/^\/registration\/units\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Signed out only once the login page shows; going there earlier would still find the old session.
  await expect(page).toHaveURL(/\/login/);
  await login(page, "canbo.anm");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await expect(page.getByText(`Đăng ký thi đua năm ${YEAR}`)).toHaveCount(0);
});
