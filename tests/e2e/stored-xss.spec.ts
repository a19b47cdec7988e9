// Stored XSS: text with <script> and an onerror handler, saved through the forms, shows literally on
// every page that displays it, and never runs (no window.__xss, no dialog).
import { expect, test, type Page } from "@playwright/test";
import { login } from "./helpers";

const PAYLOAD = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;
const NAME = "Nguyễn Văn Xét";
const CODE = "KTNV-XSS-01";

/** Watches a page for dialogs and asserts that nothing injected ran on the page shown. */
function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async (where: string) => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), `script ran on ${where}`).toBeUndefined();
    expect(await page.locator("img[src='x']").count(), `markup injected on ${where}`).toBe(0);
    expect(dialogs, `dialog on ${where}`).toEqual([]);
  };
}

test("text with <script> is stored and shown as text on every page that displays it, never run", async ({ page, browser }) => {
  const safe = guard(page);
  await login(page, "canbo.ktnv");
  await page.goto("/officers/new");
  const form = page.getByRole("form", { name: "Thêm cán bộ" });

  // A name cannot carry markup: the field says so.
  await form.getByLabel("Họ và tên").fill(PAYLOAD);
  await form.getByLabel("Mã cán bộ").fill(CODE);
  await form.getByLabel("Cấp bậc").selectOption("Đại úy");
  await form.getByLabel("Chức vụ").fill(PAYLOAD);
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(form.getByText("Họ và tên chỉ gồm chữ cái, dấu cách và các ký tự ' . - ( )")).toBeVisible();
  await safe("the refused form");

  // The position is free text: it is accepted as typed.
  await form.getByLabel("Họ và tên").fill(NAME);
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/officers\/[0-9a-f-]{36}/);
  const officerId = new URL(page.url()).pathname.split("/").at(-1)!;
  const unitId = new URL((await page.getByRole("link", { name: "Quay lại danh sách" }).getAttribute("href"))!, page.url()).searchParams.get("unit")!;
  // The unit officer sees the edit form: the value comes back intact in the field.
  await expect(page.getByRole("form", { name: "Sửa thông tin cán bộ" }).getByLabel("Chức vụ")).toHaveValue(PAYLOAD);
  await safe("the officer page");

  await page.goto(`/officers?q=${encodeURIComponent(CODE)}`);
  await expect(page.getByTestId("officer-table")).toContainText(PAYLOAD);
  await safe("the officer list");

  await page.goto(`/registration?q=${encodeURIComponent(NAME)}`);
  await expect(page.getByText(`Đại úy · ${PAYLOAD}`)).toBeVisible();
  await safe("the registration page");

  // The secretariat's views: the officer's history, the unit's officers and its registration.
  const context = await browser.newContext();
  const sec = await context.newPage();
  const secSafe = guard(sec);
  await login(sec, "thuky.cum2");
  await sec.goto(`/overview/officers/${officerId}`);
  await expect(sec.getByText(PAYLOAD, { exact: false }).first()).toBeVisible();
  await secSafe("the officer's history");

  await sec.goto(`/officers?unit=${unitId}&q=${encodeURIComponent(CODE)}`);
  await expect(sec.getByTestId("officer-table")).toContainText(PAYLOAD);
  await secSafe("the secretariat's officer list");

  await sec.goto(`/registration/units/${unitId}?q=${encodeURIComponent(NAME)}`);
  await expect(sec.getByText(`Đại úy · ${PAYLOAD}`)).toBeVisible();
  await secSafe("the secretariat's view of the unit's registration");
  await context.close();
});
