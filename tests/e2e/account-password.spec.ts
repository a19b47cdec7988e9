// Issue 13, accounts: a password the admin sets must be changed by its user at the first sign-in, and
// every password set follows the policy stated next to the field. Until the change, every page sends the
// user to /change-password and the server refuses their server actions and route handlers — checked
// here with requests sent straight to the server, not only through the pages.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { PASSWORD_CHANGE_REQUIRED, PASSWORD_HAS_USERNAME, PASSWORD_RULES, PASSWORD_TOO_COMMON } from "../../src/domain/password-policy";
import { captureAction, changePassword, login } from "./helpers";

const FIRST = "Hoa-sen-trong-dam-2022"; // what the admin gives the user
const OWN = "Mua-thu-la-vang-Ha-Noi"; // what the user chooses

test("first login forces a password change: nothing else is served until the user sets a password of their own", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const username = `doimk.${randomUUID().slice(0, 6)}`;

  // The admin creates the account: the policy is stated next to the field and enforced.
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "admin");
  await admin.goto("/admin/users/new");
  const create = admin.getByRole("form", { name: "Thêm tài khoản" });
  await expect(create.getByLabel("Mật khẩu ban đầu")).toHaveAccessibleDescription(
    `${PASSWORD_RULES} Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên; hãy giao cho họ qua kênh an toàn.`,
  );
  await create.getByLabel("Tên đăng nhập").fill(username);
  await create.getByLabel("Họ tên hiển thị").fill("Thử đổi mật khẩu lần đầu");
  await create.getByLabel("Vai trò").selectOption({ label: "Cán bộ thi đua đơn vị" });
  await create.getByLabel("Đơn vị").selectOption({ label: "Cục Ngoại tuyến — CUM-2" });
  await create.getByLabel("Mật khẩu ban đầu").fill("Matkhau@2024");
  await create.getByLabel("Nhập lại mật khẩu").fill("Matkhau@2024");
  await create.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(create.getByLabel("Mật khẩu ban đầu")).toHaveAccessibleDescription(PASSWORD_TOO_COMMON);
  await create.getByLabel("Mật khẩu ban đầu").fill(FIRST);
  await create.getByLabel("Nhập lại mật khẩu").fill(FIRST);
  await create.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(create.getByRole("status")).toContainText(`Đã tạo tài khoản “${username}”.`);
  await admin.goto(`/admin/users?q=${username}`);
  await admin.getByRole("link", { name: "Sửa Thử đổi mật khẩu lần đầu" }).click();
  await expect(admin.getByText("Chờ người dùng đổi mật khẩu")).toBeVisible();

  // A server action of a page every user has (their e-mail settings), as the admin's browser sends it.
  await admin.goto("/notifications/settings");
  const emailForm = admin.getByRole("form", { name: "Thư điện tử nhận thông báo" });
  const emailAction = await captureAction(admin, "**/notifications/settings", async () => {
    await emailForm.getByLabel("Địa chỉ thư điện tử").fill("nguoi.la@bocongan.gov.vn");
    await emailForm.getByRole("button", { name: "Lưu" }).click();
  });

  // The user signs in with the admin's password and lands on the password change, alone.
  const user = await (await browser.newContext()).newPage();
  await user.goto("/login");
  await user.getByLabel("Tên đăng nhập").fill(username);
  await user.getByLabel("Mật khẩu").fill(FIRST);
  await user.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(user).toHaveURL(/\/change-password$/);
  await expect(user.getByRole("heading", { level: 1, name: "Đổi mật khẩu", exact: true })).toBeVisible();
  await expect(user.getByLabel(/^Mật khẩu mới/)).toHaveAccessibleDescription(PASSWORD_RULES);
  await expect(user.getByTestId("current-user")).toHaveCount(0); // no app shell, no navigation

  // Every page sends them back; the login page too.
  for (const path of ["/", "/registration", "/officers", "/account", "/notifications/settings", "/login"]) {
    await user.goto(path);
    await expect(user, path).toHaveURL(/\/change-password$/);
  }
  // Sent straight to the server: a route handler answers as to someone signed out…
  expect((await user.request.get("/api/notifications/count")).status()).toBe(401);
  const exported = await user.request.get("/registration/export", { maxRedirects: 0 });
  expect(exported.status()).toBe(307);
  expect(exported.headers()["location"]).toContain("/login");
  // …and a server action is refused, saying why, and writes nothing.
  const replayed = await user.request.post(emailAction.url(), {
    headers: {
      "next-action": emailAction.headers()["next-action"]!,
      "content-type": emailAction.headers()["content-type"]!,
      accept: "text/x-component",
      origin: new URL(baseURL!).origin,
    },
    data: emailAction.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(replayed.status()).toBe(200);
  expect(await replayed.text()).toContain(PASSWORD_CHANGE_REQUIRED);

  // The change refuses what the policy refuses, and a wrong current password, each next to its field.
  const form = user.getByRole("form", { name: "Đổi mật khẩu" });
  const newField = form.getByLabel(/^Mật khẩu mới/);
  await changePassword(user, FIRST, `${username}-2022`);
  await expect(newField).toHaveAccessibleDescription(PASSWORD_HAS_USERNAME);
  await changePassword(user, FIRST, "qwertyuiop123");
  await expect(newField).toHaveAccessibleDescription(PASSWORD_TOO_COMMON);
  await changePassword(user, "Khong-phai-mat-khau", OWN);
  await expect(form.getByLabel("Mật khẩu hiện tại")).toHaveAccessibleDescription("Mật khẩu hiện tại không đúng.");
  await changePassword(user, FIRST, FIRST);
  await expect(newField).toHaveAccessibleDescription("Mật khẩu mới phải khác mật khẩu hiện tại.");
  await expect(user).toHaveURL(/\/change-password$/);

  // A password of their own: on to the home page, and the app is theirs.
  await changePassword(user, FIRST, OWN);
  await expect(user).toHaveURL(/\/$/);
  await expect(user.getByTestId("current-user")).toContainText("Thử đổi mật khẩu lần đầu");
  await user.goto("/change-password");
  await expect(user).toHaveURL(/\/account$/);
  // The e-mail action replayed earlier wrote nothing.
  await user.goto("/notifications/settings");
  await expect(user.getByLabel("Địa chỉ thư điện tử")).toHaveValue("");
  expect((await user.request.get("/api/notifications/count")).status()).toBe(200);

  // Signed out and in again with their own password: no detour; the admin's password opens nothing.
  await user.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(user).toHaveURL(/\/login/);
  await user.getByLabel("Tên đăng nhập").fill(username);
  await user.getByLabel("Mật khẩu").fill(FIRST);
  await user.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(user.getByRole("form", { name: "Đăng nhập" }).getByRole("alert")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await user.getByLabel("Mật khẩu").fill(OWN);
  await user.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(user.getByTestId("current-user")).toBeVisible();
  await expect(user).not.toHaveURL(/change-password/);

  // The admin's account page no longer waits for a change; the audit log records it (no password in it).
  await admin.goto(`/admin/users?q=${username}`);
  await admin.getByRole("link", { name: "Sửa Thử đổi mật khẩu lần đầu" }).click();
  await expect(admin.getByText("Chờ người dùng đổi mật khẩu")).toHaveCount(0);
  await admin.goto("/audit");
  await expect(admin.getByRole("main")).toContainText("Đổi mật khẩu");
  await expect(admin.getByRole("main")).not.toContainText(OWN);

  await admin.context().close();
  await user.context().close();
});

test("the user's own change on the account page states the rules and ends their other sessions", async ({ browser }) => {
  test.setTimeout(90_000);
  const username = `doimk.${randomUUID().slice(0, 6)}`;
  const admin = await (await browser.newContext()).newPage();
  await login(admin, "admin");
  await admin.goto("/admin/users/new");
  const create = admin.getByRole("form", { name: "Thêm tài khoản" });
  await create.getByLabel("Tên đăng nhập").fill(username);
  await create.getByLabel("Họ tên hiển thị").fill("Thử đổi mật khẩu tự nguyện");
  await create.getByLabel("Vai trò").selectOption({ label: "Lãnh đạo đơn vị" });
  await create.getByLabel("Đơn vị").selectOption({ label: "Cục Ngoại tuyến — CUM-2" });
  await create.getByLabel("Mật khẩu ban đầu").fill(FIRST);
  await create.getByLabel("Nhập lại mật khẩu").fill(FIRST);
  await create.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(create.getByRole("status")).toContainText(`Đã tạo tài khoản “${username}”.`);
  await admin.context().close();

  // In two browsers (the first sign-in's forced change is made by the helper).
  const here = await (await browser.newContext()).newPage();
  const there = await (await browser.newContext()).newPage();
  await login(here, username, FIRST);
  await login(there, username, FIRST);
  await here.goto("/account");
  const form = here.getByRole("form", { name: "Đổi mật khẩu" });
  await expect(form.getByLabel(/^Mật khẩu mới/)).toHaveAccessibleDescription(PASSWORD_RULES);
  await changePassword(here, FIRST, OWN, `${OWN}!`);
  await expect(form.getByLabel("Nhập lại mật khẩu mới")).toHaveAccessibleDescription("Mật khẩu nhập lại không khớp.");
  await changePassword(here, FIRST, OWN);
  await expect(form.getByRole("status")).toHaveText("Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã được đăng xuất.");
  // The other browser is signed out; this one goes on.
  await there.goto("/registration");
  await expect(there).toHaveURL(/\/login/);
  await here.goto("/registration");
  await expect(here.getByTestId("current-user")).toBeVisible();
  await here.context().close();
  await there.context().close();
});
