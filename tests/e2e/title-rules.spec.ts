import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// The admin adds a rule version to a title (issue 17): an overlapping one is refused next to the year,
// one for free years is saved and listed with its legal basis. Years before 2000: no shipped version
// covers them and no demo year is closed there, so the run does not change what any other spec sees.
test("the admin adds a rule version with its legal reference; an overlapping one is refused", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/titles");
  await page.getByRole("link", { name: "Sửa Chiến sĩ tiên tiến" }).click();
  await expect(page).toHaveURL(/\/titles\/[0-9a-f-]{36}$/);
  const titleUrl = new URL(page.url()).pathname;
  const versions = page.getByRole("table", { name: "Phiên bản quy tắc của Chiến sĩ tiên tiến" });
  await expect(versions).toContainText("Nghị định 152/2025/NĐ-CP");
  await expect(versions).toContainText("từ năm 2026");

  await page.getByRole("link", { name: "Thêm phiên bản quy tắc" }).click();
  const form = page.getByRole("form", { name: "Thêm phiên bản quy tắc" });
  await form.getByLabel("Năm bắt đầu áp dụng").fill("2030");
  await form.getByLabel("Luật", { exact: true }).fill("Luật Thi đua, khen thưởng số 06/2022/QH15");
  await form.getByRole("button", { name: "Thêm phiên bản" }).click();
  await expect(form.getByText(/Trùng năm áp dụng với phiên bản từ năm 2026/).first()).toBeVisible();

  await form.getByLabel("Năm bắt đầu áp dụng").fill("1995");
  await form.getByLabel("Năm cuối áp dụng").fill("1996");
  await form.getByLabel("Điều, khoản").fill("Điều 24");
  await form.getByLabel("Luật", { exact: true }).fill("Luật Thi đua, khen thưởng năm 2003");
  await form.getByRole("button", { name: "Thêm phiên bản" }).click();
  await expect(page.getByText("Đã thêm phiên bản quy tắc 1995–1996 cho Chiến sĩ tiên tiến.")).toBeVisible();

  await page.goto(titleUrl);
  await expect(page.getByRole("table", { name: "Phiên bản quy tắc của Chiến sĩ tiên tiến" })).toContainText("Điều 24, Luật Thi đua, khen thưởng năm 2003");
});
