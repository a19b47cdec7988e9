// The commendation register (issue 14 item 4): the secretariat enters a Bằng khen for an officer by
// code, sees it in the register and in the officer's history; the Ministry office revokes it (a reason,
// the decision's number, a confirmation) and it stays in the register, marked.
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const CODE = "KTNV-E2E-KT1";
const NAME = "Đặng Thị Khen";

test("enter a commendation, see it in the officer's history, revoke it", async ({ page }) => {
  const now = new Date(Date.now() + 7 * 3600_000);
  const year = now.getUTCFullYear();
  const today = `${String(now.getUTCDate()).padStart(2, "0")}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${year}`;

  // The unit's officer (the officer the decision names).
  await login(page, "canbo.ktnv");
  await page.goto("/officers/new");
  const add = page.getByRole("form", { name: "Thêm cán bộ" });
  await add.getByLabel("Mã cán bộ").fill(CODE);
  await add.getByLabel("Họ và tên").fill(NAME);
  await add.getByLabel("Cấp bậc").selectOption("Đại úy");
  await add.getByLabel("Chức vụ").fill("Cán bộ");
  await add.getByRole("button", { name: "Thêm cán bộ" }).click();
  await expect(page).toHaveURL(/\/officers\/[0-9a-f-]{36}/);
  const officerUrl = new URL(page.url()).pathname;
  await page.context().clearCookies();

  // The secretariat enters it; a missing field is refused next to it.
  await login(page, "thuky.cum2");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Sổ khen thưởng" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sổ khen thưởng" })).toBeVisible();
  const entry = page.getByRole("form", { name: "Ghi khen thưởng vào sổ" });
  await entry.getByLabel("Mã cán bộ (khen thưởng cá nhân)").fill(CODE.toLowerCase());
  await entry.getByLabel("Năm thành tích").fill(String(year));
  await entry.getByLabel("Hình thức khen thưởng").selectOption({ label: "Bằng khen của Bộ trưởng Bộ Công an" });
  await entry.getByLabel("Ngày quyết định").fill(today);
  await entry.getByLabel("Người ký").fill("Bộ trưởng Bộ Công an");
  await entry.getByRole("button", { name: "Ghi vào sổ" }).click();
  await expect(entry.getByText("Số quyết định là bắt buộc.")).toBeVisible();
  await entry.getByLabel("Số quyết định").fill("E2E-915/QĐ-BCA");
  await entry.getByRole("button", { name: "Ghi vào sổ" }).click();
  await expect(entry.getByRole("status")).toContainText("Đã ghi Bằng khen của Bộ trưởng Bộ Công an (Quyết định số E2E-915/QĐ-BCA) vào sổ khen thưởng.");

  await page.goto(`/commendations?q=${CODE}`);
  const register = page.getByTestId("commendation-register");
  await expect(register.getByTestId("commendation-row")).toHaveCount(1);
  await expect(register).toContainText(NAME);
  await expect(register).toContainText("Còn hiệu lực");
  await page.goto(officerUrl);
  await expect(page.getByTestId("officer-commendations")).toContainText("Bằng khen của Bộ trưởng Bộ Công an");
  await page.context().clearCookies();

  // The Ministry office revokes it, after confirming; the record stays, marked.
  await login(page, "vanphong.bo");
  await page.goto(`/commendations?q=${CODE}`);
  const row = page.getByTestId("commendation-row").filter({ hasText: NAME });
  await row.getByText("Thu hồi…").click();
  const revoke = row.getByRole("form", { name: /^Thu hồi Bằng khen/ });
  await revoke.getByLabel("Lý do thu hồi").fill("Thành tích kê khai không đúng sự thật.");
  await revoke.getByLabel("Số quyết định thu hồi").fill("E2E-12/QĐ-BCA");
  page.once("dialog", (dialog) => void dialog.accept());
  await revoke.getByRole("button", { name: "Thu hồi khen thưởng" }).click();
  // The answer stays on screen; the row stays in the register, marked, with the revoking decision and the reason.
  await expect(revoke.getByRole("status")).toContainText("Đã thu hồi Bằng khen của Bộ trưởng Bộ Công an");
  await expect(row).toContainText("Đã thu hồi");
  await expect(row).toContainText("QĐ số E2E-12/QĐ-BCA");
  await page.reload();
  await expect(page.getByTestId("commendation-row").filter({ hasText: NAME })).toContainText("Thành tích kê khai không đúng sự thật.");
});
