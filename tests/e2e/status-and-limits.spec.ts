// What the production server answers, as a client sees it on the wire:
// - a page that says "not found" (another unit's registration or history, the Ministry view for a role
//   without it, an unknown id) answers HTTP 404, not 200;
// - an upload over its limit is stopped while it streams, with 413, also when it is chunked (no
//   Content-Length): evidence files and the Excel import. Sent with node:http so that the body really
//   goes out chunk by chunk, and the answer is awaited while it is still being sent.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { DEMO, dmy, login } from "./helpers";

const MB = 1024 * 1024;

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

type Sent = { status: number; body: string; sentWhenAnswered: number; total: number; finished: boolean; reset?: boolean };

/**
 * POSTs a multipart form whose file part is `fileBytes` zeros, with Transfer-Encoding: chunked (no
 * Content-Length), 64 KiB at a time, waiting for the socket to drain; stops sending once the server
 * has answered.
 */
function chunkedUpload(
  baseURL: string,
  path: string,
  cookie: string,
  fields: Record<string, string>,
  fileBytes: number,
  extraHeaders: Record<string, string> = {},
): Promise<Sent> {
  const boundary = `----sothidua${randomUUID()}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join("") + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lon.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = head.byteLength + fileBytes + tail.byteLength;
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let sentWhenAnswered = 0;
    let finished = false;
    const req = http.request(url, {
      method: "POST",
      headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "transfer-encoding": "chunked", accept: "application/json", ...extraHeaders },
    });
    req.on("response", (res) => {
      answered = true;
      sentWhenAnswered = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentWhenAnswered, total, finished });
      });
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // The server may also stop by closing the connection mid-body.
      if (error.code === "ECONNRESET" || error.code === "EPIPE") resolve({ status: 0, body: "", sentWhenAnswered: sent, total, finished, reset: true });
      else reject(error);
    });
    const write = (chunk: Buffer) =>
      new Promise<void>((r) => {
        sent += chunk.byteLength;
        if (req.write(chunk)) r();
        else req.once("drain", r);
      });
    void (async () => {
      await write(head);
      const zeros = Buffer.alloc(64 * 1024);
      for (let left = fileBytes; left > 0 && !answered && !req.destroyed; left -= zeros.byteLength) {
        await write(left >= zeros.byteLength ? zeros : zeros.subarray(0, left));
      }
      if (answered || req.destroyed) return;
      await write(tail);
      finished = true;
      req.end();
    })().catch(() => {});
  });
}

test.describe("pages that say not found answer 404", () => {
  test("another unit's registration and history, the Ministry view without access, unknown ids", async ({ page }) => {
    // The ids of another unit of the cluster, as the secretariat's pages link to them.
    await login(page, "thuky.cum2");
    await page.goto("/overview");
    const ktnvHistory = await page.getByRole("link", { name: "Cục Kỹ thuật nghiệp vụ" }).first().getAttribute("href");
    expect(ktnvHistory).toMatch(/^\/overview\/units\/[0-9a-f-]{36}$/);
    const ktnvId = ktnvHistory!.split("/").pop()!;
    const anmHistory = await page.getByRole("link", { name: /^Cục An ninh mạng/ }).first().getAttribute("href");
    expect(anmHistory).toMatch(/^\/overview\/units\/[0-9a-f-]{36}$/);
    const asSecretariat = await page.request.get("/overview/ministry");
    expect(asSecretariat.status()).toBe(404);
    expect(await asSecretariat.text()).toContain("Không tìm thấy");
    await page.context().clearCookies();

    await login(page, "canbo.anm");
    for (const url of [
      `/overview/units/${ktnvId}`,
      `/registration/units/${ktnvId}`,
      "/overview/ministry",
      `/overview/units/${randomUUID()}`,
      `/overview/officers/${randomUUID()}`,
      "/overview/units/khong-phai-ma",
    ]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(404);
      expect(await response.text(), url).toContain("Không tìm thấy");
    }
    // Their own unit's history is theirs: 200.
    expect((await page.request.get(anmHistory!)).status()).toBe(200);
    // In the browser, the 404 page itself.
    const shown = await page.goto(`/overview/units/${ktnvId}`);
    expect(shown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  });
});

test.describe("uploads over the limit are stopped while they stream", () => {
  let cookie = "";
  let baseURL = "";
  test.beforeEach(async ({ page }, info) => {
    baseURL = info.project.use.baseURL!;
    await login(page, "canbo.anm");
    cookie = await cookieHeader(page);
  });

  const routes: { name: string; path: () => string; fields: Record<string, string>; message: string }[] = [
    { name: "evidence", path: () => `/reports/${randomUUID()}/evidence`, fields: { criterionId: randomUUID() }, message: "Tệp vượt quá giới hạn 5 MB." },
    { name: "Excel import", path: () => "/registration/import/upload", fields: { yearId: randomUUID() }, message: "Tệp quá lớn; chỉ nhận tệp tối đa 5 MB." },
  ];

  for (const route of routes) {
    test(`${route.name}: chunked 6 MB and 9.5 MB get 413 with the Vietnamese message`, async () => {
      for (const size of [6 * MB, 9.5 * MB]) {
        const sent = await chunkedUpload(baseURL, route.path(), cookie, route.fields, size);
        expect(sent.status, `${size} bytes`).toBe(413);
        expect(JSON.parse(sent.body)).toMatchObject({ ok: false, message: expect.stringContaining(route.message) });
      }
    });

    test(`${route.name}: a chunked 200 MB body is answered 413 long before it is all sent`, async () => {
      const sent = await chunkedUpload(baseURL, route.path(), cookie, route.fields, 200 * MB);
      expect(sent.status).toBe(413);
      expect(sent.finished).toBe(false);
      // The server stopped reading at about 5 MB; what the client had sent by then is bounded by the
      // socket buffers, nowhere near the 200 MB.
      expect(sent.sentWhenAnswered).toBeLessThan(40 * MB);
    });

    test(`${route.name}: a small chunked body is read and reaches the command (no 413)`, async () => {
      const sent = await chunkedUpload(baseURL, route.path(), cookie, route.fields, 1024);
      expect(sent.finished).toBe(true);
      expect(sent.status).not.toBe(413);
      expect([200, 422]).toContain(sent.status);
    });
  }
});

test("a server action with a file (the agreement) stops reading a chunked body at its limit", async ({ page, baseURL }) => {
  // The secretariat records a unit's agreement (with its scanned file) on the unit's registration page.
  await login(page, "thuky.cum2");
  await page.goto("/overview");
  const history = await page.getByRole("link", { name: "Cục Kỹ thuật nghiệp vụ" }).first().getAttribute("href");
  await page.goto(`/registration/units/${history!.split("/").pop()}`);
  const form = page.getByRole("form", { name: "Ghi nhận giao ước thi đua" });
  // The action's id, from a real submission stopped on its way out.
  let captured: Request | undefined;
  await page.route("**/registration/units/**", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await form.getByLabel("Ngày ký").fill(dmy(DEMO.today));
  await form.getByLabel("Người ký").fill("Nguyễn Văn Ký");
  await form.getByRole("button", { name: "Lưu giao ước" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  const sent = await chunkedUpload(baseURL!, new URL(captured!.url()).pathname, await cookieHeader(page), { "1_signer": "Nguyễn Văn Ký" }, 200 * MB, {
    "next-action": captured!.headers()["next-action"]!,
    accept: "text/x-component",
  });
  // Next's serverActions.bodySizeLimit (6 MB) counts the streamed bytes: refused (or cut off) long
  // before the 200 MB are sent, and never a success.
  expect(sent.finished).toBe(false);
  expect(sent.sentWhenAnswered).toBeLessThan(40 * MB);
  expect(sent.status).not.toBe(200);
});
