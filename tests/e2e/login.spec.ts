import { expect, test } from "@playwright/test";
import { DEMO, login, navLabels, notChairHead } from "./helpers";

test("a wrong password shows an error and keeps the user on the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("canbo.anm");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("form", { name: "Đăng nhập" }).getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/login/);
});

test("an empty form shows the messages next to the fields", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Vui lòng nhập tên đăng nhập.")).toBeVisible();
  await expect(page.getByText("Vui lòng nhập mật khẩu.")).toBeVisible();
});

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/officers");
  await expect(page).toHaveURL(/\/login\?next=%2Fofficers/);
});

const ROLES: { username: string; who?: string; role: RegExp; nav: string[] }[] = [
  { username: "admin", role: /Quản trị/, nav: ["Trang chủ", "Tổng quan cụm", "Hồ sơ khen thưởng", "Sổ khen thưởng", "Phong trào thi đua", "Khối & cụm", "Đơn vị", "Tài khoản", "Danh hiệu thi đua", "Nhật ký hệ thống", "Ngày nghỉ", "Thư gửi lỗi"] },
  { username: "thuky.cum2", role: /Thư ký cụm/, nav: ["Trang chủ", "Tổng quan cụm", "Cụm thi đua", "Hội nghị tổng kết", "Cán bộ, chiến sĩ", "Đăng ký thi đua", "Báo cáo, chấm điểm", "Giao ước thi đua", "Kết quả thi đua", "Hồ sơ khen thưởng", "Sổ khen thưởng", "Phong trào thi đua", "Danh hiệu thi đua", "Nhật ký hệ thống"] },
  { username: "canbo.anm", role: /Cán bộ thi đua đơn vị/, nav: ["Trang chủ", "Hội nghị tổng kết", "Cán bộ, chiến sĩ", "Đăng ký thi đua", "Báo cáo, chấm điểm", "Giao ước thi đua", "Kết quả thi đua", "Hồ sơ khen thưởng", "Sổ khen thưởng", "Phong trào thi đua", "Danh hiệu thi đua"] },
  // The head of the unit that chairs the open year, and one whose unit does not.
  { username: DEMO.chairHead, who: "the chair unit's head", role: /Lãnh đạo đơn vị · Cụm trưởng/, nav: ["Trang chủ", "Tổng quan cụm", "Hội nghị tổng kết", "Cán bộ, chiến sĩ", "Đăng ký thi đua", "Báo cáo, chấm điểm", "Giao ước thi đua", "Kết quả thi đua", "Hồ sơ khen thưởng", "Sổ khen thưởng", "Phong trào thi đua", "Danh hiệu thi đua"] },
  { username: notChairHead, who: "another unit's head", role: /^Lãnh đạo đơn vị$/, nav: ["Trang chủ", "Tổng quan cụm", "Hội nghị tổng kết", "Cán bộ, chiến sĩ", "Đăng ký thi đua", "Báo cáo, chấm điểm", "Giao ước thi đua", "Kết quả thi đua", "Hồ sơ khen thưởng", "Sổ khen thưởng", "Phong trào thi đua", "Danh hiệu thi đua"] },
];

for (const { username, who, role, nav } of ROLES) {
  // Titles never name a day-dependent login: Playwright lists the tests before the server seeds the demo.
  test(`${who ?? username} signs in and sees the navigation of the role`, async ({ page }) => {
    await login(page, username);
    await expect(page.getByTestId("current-role")).toHaveText(role);
    expect(await navLabels(page)).toEqual(nav);
    // Each link of the navigation opens without an error page.
    for (const label of nav.slice(1)) {
      await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: label, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Đã có lỗi xảy ra")).toHaveCount(0);
      await expect(page.getByText("Không tìm thấy", { exact: true })).toHaveCount(0);
    }
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}

test("pages a role may not open answer 'not found'", async ({ page }) => {
  await login(page, "canbo.anm");
  for (const path of ["/admin/users", "/cluster", "/overview"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  }
});
