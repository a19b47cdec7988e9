// What the production server answers, as a client sees it on the wire:
// - a page that says "not found" (another unit's registration or history, the Ministry view for a role
//   without it, an unknown id) answers HTTP 404, not 200;
// - an upload over its limit is stopped while it streams, with 413, also when it is chunked (no
//   Content-Length): evidence files and the Excel import. Sent with node:http so that the body really
//   goes out chunk by chunk, and the answer is awaited while it is still being sent.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
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

test.describe("every page that refuses answers 404, whoever asks", () => {
  /** The href of the first link on `path` matching `pattern`, as `who` sees it. */
  async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
    await page.goto(path);
    const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    expect(href, `a link like ${pattern} on ${path}`).toBeDefined();
    return href!.split("?")[0]!;
  }

  test("other units' records, other roles' pages and unknown ids, as each role", async ({ page }) => {
    test.setTimeout(120_000);
    // Ids as the pages link to them: Cục Kỹ thuật nghiệp vụ (KTNV), one of its officers, the current year.
    await login(page, "thuky.cum2");
    await page.goto("/overview");
    const ktnv = (await page.getByRole("link", { name: "Cục Kỹ thuật nghiệp vụ" }).first().getAttribute("href"))!.split("/").pop()!;
    const year = (await firstHref(page, "/cluster", /^\/cluster\/years\/[0-9a-f-]{36}$/)).split("/").pop()!;
    await page.context().clearCookies();
    await login(page, "canbo.ktnv");
    const ktnvOfficer = (await firstHref(page, "/officers", /^\/officers\/[0-9a-f-]{36}$/)).split("/").pop()!;
    await page.context().clearCookies();
    const unknown = randomUUID();

    const refused: Record<string, string[]> = {
      // A unit officer of Cục An ninh mạng: another unit's records, the secretariat's and the admin's pages.
      "canbo.anm": [
        `/registration/units/${ktnv}`,
        `/overview/units/${ktnv}`,
        `/results/units/${ktnv}`,
        `/officers/${ktnvOfficer}`,
        `/overview/officers/${ktnvOfficer}`,
        "/overview/ministry",
        "/cluster",
        `/cluster/years/${year}`,
        "/cluster/criteria",
        `/cluster/criteria/${year}`,
        `/reports/scoring/${year}`,
        `/reports/scoring/${year}/ranking`,
        "/audit",
        "/audit/security",
        "/admin/users",
        "/admin/units",
        "/admin/clusters",
        "/admin/holidays",
        "/admin/deliveries",
      ],
      // A unit head (not the chair): another unit's registration and officers, what only officers do.
      "lanhdao.qlxnc": [`/registration/units/${ktnv}`, `/officers/${ktnvOfficer}`, `/results/units/${ktnv}`, "/officers/new", "/registration/import", "/cluster", "/audit"],
      // The secretariat: the admin's pages and the units' own work.
      "thuky.cum2": ["/overview/ministry", "/admin/users", "/admin/units", "/admin/clusters", "/audit/security", "/officers/new", "/registration/import", "/reports/cross"],
      // The admin: the secretariat's and the units' own work.
      admin: ["/cluster", `/cluster/years/${year}`, "/officers/new", "/registration/import", "/reports/cross"],
    };
    // Unknown or malformed ids, on every page with an id, as a role that could open a real one.
    const unknownIds: Record<string, string[]> = {
      admin: [
        `/admin/users/${unknown}`,
        `/admin/units/${unknown}`,
        `/admin/clusters/${unknown}`,
        `/admin/clusters/blocks/${unknown}`,
        `/titles/${unknown}`,
        "/titles/khong-phai-ma",
        `/overview/units/${unknown}`,
        `/overview/officers/${unknown}`,
        `/registration/units/${unknown}`,
        "/registration/units/khong-phai-ma",
        `/results/units/${unknown}`,
        `/reports/${unknown}`,
        `/reports/${unknown}/print`,
        `/reports/${unknown}/scores`,
        `/reports/criteria/${unknown}`,
        `/reports/scoring/${unknown}`,
        `/conference/rounds/${unknown}`,
        `/conference/rounds/${unknown}/screen`,
        `/notifications/${unknown}`,
      ],
      "thuky.cum2": [`/cluster/years/${unknown}`, `/cluster/criteria/${unknown}`, `/reports/scoring/${unknown}/ranking`, `/officers/${unknown}`],
      "canbo.anm": [`/reports/cross/${unknown}`, "/reports/cross/khong-phai-ma"],
      "lanhdao.qlxnc": [`/conference/rounds/${unknown}/vote`],
    };

    let checked = 0;
    for (const [who, paths] of Object.entries(refused).map(([w, p]) => [w, [...p, ...(unknownIds[w] ?? [])]] as const)) {
      await login(page, who);
      for (const url of paths) {
        const response = await page.request.get(url);
        expect(response.status(), `${url} as ${who}`).toBe(404);
        expect(await response.text(), `${url} as ${who}`).toContain("Không tìm thấy");
        checked++;
      }
      await page.context().clearCookies();
    }
    expect(checked).toBeGreaterThan(60);
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

test.describe("the agreement upload (a route handler, like the other uploads)", () => {
  /** The secretariat on Cục Kỹ thuật nghiệp vụ's registration page, with the agreement form's year. */
  async function agreementPage(page: Page) {
    await login(page, "thuky.cum2");
    await page.goto("/overview");
    const history = await page.getByRole("link", { name: "Cục Kỹ thuật nghiệp vụ" }).first().getAttribute("href");
    const unitId = history!.split("/").pop()!;
    await page.goto(`/registration/units/${unitId}`);
    const form = page.getByRole("form", { name: "Ghi nhận giao ước thi đua" });
    const yearId = await form.locator('input[name="emulationYearId"]').getAttribute("value");
    return { form, unitId, yearId: yearId! };
  }

  test("an oversize chunked body gets a Vietnamese 413 long before it is all sent, and nothing is written", async ({ page, baseURL }) => {
    const { form, unitId, yearId } = await agreementPage(page);
    const fields = { emulationYearId: yearId, unitId, signedOn: dmy(DEMO.today), signer: "Người Ký Tệp Quá Lớn" };
    const cookie = await cookieHeader(page);
    for (const size of [6 * MB, 200 * MB]) {
      const sent = await chunkedUpload(baseURL!, "/registration/agreement", cookie, fields, size);
      expect(sent.status, `${size} bytes`).toBe(413);
      expect(JSON.parse(sent.body)).toEqual({
        ok: false,
        message: "Tệp giao ước quá lớn: chỉ nhận tệp tối đa 5 MB. Giao ước chưa được lưu.",
        fieldErrors: { file: ["Tệp giao ước quá lớn: chỉ nhận tệp tối đa 5 MB. Giao ước chưa được lưu."] },
      });
      // The server stopped reading at about 5 MB: 200 MB are never all sent.
      if (size > 40 * MB) {
        expect(sent.finished).toBe(false);
        expect(sent.sentWhenAnswered).toBeLessThan(40 * MB);
      }
    }
    await page.reload();
    await expect(page.getByRole("main")).not.toContainText("Người Ký Tệp Quá Lớn");
    await expect(form).toBeVisible();
  });

  test("the form sends a small file and shows it; a file over 5 MB is refused before it is sent", async ({ page }) => {
    const { form } = await agreementPage(page);
    let posted = 0;
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/registration/agreement") posted++;
    });
    await form.getByLabel("Ngày ký").fill(dmy(DEMO.today));
    await form.getByLabel("Người ký").fill("Thiếu tướng Hoàng Văn Khải");
    await form.getByLabel("Bản chụp giao ước (không bắt buộc)").setInputFiles({ name: "giao-uoc-lon.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * MB, 0x25) });
    await form.getByRole("button", { name: "Lưu giao ước" }).click();
    await expect(form.getByRole("alert")).toHaveText("Tệp giao ước quá lớn: chỉ nhận tệp tối đa 5 MB. Giao ước chưa được lưu.");
    expect(posted).toBe(0);

    const pdf = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    await form.getByLabel("Bản chụp giao ước (không bắt buộc)").setInputFiles({ name: "giao-uoc-ktnv.pdf", mimeType: "application/pdf", buffer: pdf });
    await form.getByRole("button", { name: "Lưu giao ước" }).click();
    await expect(form.getByRole("status")).toHaveText(`Đã lưu giao ước thi đua ký ngày ${dmy(DEMO.today)} kèm tệp giao-uoc-ktnv.pdf.`);
    expect(posted).toBe(1);
    // The page shows it without a reload.
    await expect(page.getByRole("link", { name: "giao-uoc-ktnv.pdf" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Thiếu tướng Hoàng Văn Khải");
  });
});
