// Issue 18, fault 3, in the browser: a save whose answer is lost after the server committed it. The
// request reaches the server (route.fetch: the officer is created), then its response is dropped
// (route.abort), as when the connection breaks on the way back. The form must say the save may have
// happened ("có thể đã được lưu") — never "not saved" — keep what the user typed, and sending it again
// must not create a second record (the submission key: src/server/commands/submission-key.ts).
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const NAME = "Đinh Thị Thu Hà";
const CODE = "KTNV-E2E-MAT-01";

test("a lost answer says 'may have been saved', keeps the values, and sending again creates one record", async ({ page }) => {
  await login(page, "canbo.ktnv");
  await page.goto("/officers");
  await page.getByRole("link", { name: "Thêm cán bộ" }).click();
  const form = page.getByRole("form", { name: "Thêm cán bộ" });
  await form.getByLabel("Mã cán bộ").fill(CODE.toLowerCase());
  await form.getByLabel("Họ và tên").fill(NAME);
  await form.getByLabel("Cấp bậc").selectOption("Đại úy");
  await form.getByLabel("Chức vụ").fill("Cán bộ");

  // The first post reaches the server, which answers; the answer is thrown away.
  let delivered = 0;
  await page.route("**/officers/new", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    const answer = await route.fetch();
    delivered = answer.status();
    await route.abort("connectionreset");
  });
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  const alert = form.getByRole("alert");
  await expect(alert).toContainText("Có thể đã được lưu; tải lại trang để kiểm tra.");
  expect(delivered).toBe(200);
  await expect(alert).not.toContainText("chưa được lưu");
  await expect(page.getByRole("heading", { name: "Đã có lỗi xảy ra" })).toHaveCount(0);
  // The form still holds what was typed.
  await expect(form.getByLabel("Mã cán bộ")).toHaveValue(CODE.toLowerCase());
  await expect(form.getByLabel("Họ và tên")).toHaveValue(NAME);
  await expect(form.getByLabel("Cấp bậc")).toHaveValue("Đại úy");
  await expect(form.getByLabel("Chức vụ")).toHaveValue("Cán bộ");

  // Sent again (the connection is back): the first save's outcome, the officer's page — not "code taken".
  await page.unroute("**/officers/new");
  await form.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/officers\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(NAME);

  // One record.
  await page.goto(`/officers?q=${encodeURIComponent(CODE)}`);
  const table = page.getByTestId("officer-table");
  await expect(table.getByRole("row")).toHaveCount(2); // header + the one officer
  await expect(table).toContainText(CODE);
});
