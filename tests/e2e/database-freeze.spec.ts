// Issue 18, fault 5, in the browser: the production build in front of a Postgres of this spec's own,
// frozen (SIGSTOP on the postmaster and every backend: tests/support/own-postgres.ts) while a user saves
// a form and opens a page. Each statement alone may wait 30 s here (the pool's timeouts raised on
// purpose); the request's deadline (REQUEST_TIMEOUT_MS, 4 s) must answer first: the save with the busy
// message in its form, values kept; the page with the error page saying the system is unavailable.
// Then the database thaws and the same save, sent again, creates the account once.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freePort } from "../../scripts/lib/database";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";

const root = path.resolve(import.meta.dirname, "../..");
const DEADLINE_MS = 4_000;
const ADMIN = "quantri.dongbang";
const PASSWORD = "Dong-bang-Postgres-2026";
const BUSY = "Hệ thống đang bận hoặc không sẵn sàng, vui lòng thử lại.";

let db: OwnPostgres | undefined;
let app: ChildProcess | undefined;
let base = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  db = await startOwnPostgres("e2e-freeze");
  db.migrate();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "updatedAt") VALUES ($1, $2, $3, 'Quản trị thử đóng băng', 'ADMIN', now())`, [
    randomUUID(),
    ADMIN,
    await hash(PASSWORD),
  ]);
  await client.end();
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "error",
      JOBS: "off",
      REQUEST_TIMEOUT_MS: String(DEADLINE_MS),
      DATABASE_CONNECT_TIMEOUT_MS: "30000",
      DATABASE_STATEMENT_TIMEOUT_MS: "30000",
    },
  });
  await expect.poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status, { timeout: 120_000, intervals: [500] }).toBe(200);
});

test.afterAll(async () => {
  db?.thaw();
  if (app && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await db?.remove();
});

test("a save and a page against a frozen Postgres are answered 'busy' within the request's deadline", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${base}/login`);
  await page.getByLabel("Tên đăng nhập").fill(ADMIN);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();

  await page.goto(`${base}/admin/users/new`);
  const form = page.getByRole("form", { name: "Thêm tài khoản" });
  await form.getByLabel("Tên đăng nhập").fill("thuky.dongbang");
  await form.getByLabel("Họ tên hiển thị").fill("Thư ký thử đóng băng");
  await form.getByLabel("Vai trò").selectOption({ label: "Quản trị" });
  await form.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
  await form.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);

  db!.freeze();
  try {
    let started = Date.now();
    await form.getByRole("button", { name: "Thêm tài khoản" }).click();
    await expect(form.getByRole("alert")).toContainText(BUSY, { timeout: DEADLINE_MS + 6_000 });
    const saveMs = Date.now() - started;
    await expect(form.getByLabel("Tên đăng nhập")).toHaveValue("thuky.dongbang");
    await expect(form.getByLabel("Họ tên hiển thị")).toHaveValue("Thư ký thử đóng băng");

    started = Date.now();
    await page.goto(`${base}/admin/users`);
    await expect(page.getByRole("heading", { name: "Hệ thống đang bận hoặc không sẵn sàng" })).toBeVisible({ timeout: DEADLINE_MS + 8_000 });
    const pageMs = Date.now() - started;
    await expect(page.getByTestId("error-explanation")).not.toContainText("chưa bị thay đổi");
    console.log(`[freeze] save answered in ${saveMs} ms, page in ${pageMs} ms (deadline ${DEADLINE_MS} ms; 30 s per statement)`);
  } finally {
    db!.thaw();
  }

  // Thawed: the same form sent again saves, once.
  await page.goBack();
  await page.goto(`${base}/admin/users/new`);
  const again = page.getByRole("form", { name: "Thêm tài khoản" });
  await again.getByLabel("Tên đăng nhập").fill("thuky.dongbang");
  await again.getByLabel("Họ tên hiển thị").fill("Thư ký thử đóng băng");
  await again.getByLabel("Vai trò").selectOption({ label: "Quản trị" });
  await again.getByLabel("Mật khẩu ban đầu").fill(PASSWORD);
  await again.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
  await again.getByRole("button", { name: "Thêm tài khoản" }).click();
  await expect(again.getByRole("status").or(again.getByRole("alert").filter({ hasText: "Tên đăng nhập đã tồn tại." }))).toBeVisible({ timeout: 30_000 });
  const client = new pg.Client({ connectionString: db!.url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE username = 'thuky.dongbang'`);
  await client.end();
  expect(rows[0].n).toBe(1);
});
