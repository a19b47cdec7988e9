// One proposal dossier through the whole path (issue 14, "done when"): the secretariat builds it from the
// closed conference, adds an officer's CSTĐ CAND and a unit's Bằng khen, publishes it; a member unit
// objects; the secretariat answers; the window ends; the dossier is sent; the Ministry office returns it
// once, takes it again and records a decision approving part of it; the awarded titles then show in the
// unit's and the officer's histories and in next year's eligibility, with no other entry.
// Fixtures (tests/e2e/db-fixture.ts): a cluster of its own with the closed conference (the demo's years
// are left alone, whatever the demo's open year is), and the end of the disclosure window, moved to
// yesterday in the database — the passing of time, independent of APP_TODAY.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, login } from "./helpers";
import { dossierWorld, endDisclosureWindow, type DossierWorld } from "./db-fixture";

test.describe.configure({ mode: "serial" });

let world: DossierWorld;
let dossierUrl: string;

test.beforeAll(async () => {
  world = await dossierWorld(DEMO_PASSWORD);
});

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test("a dossier from the closed conference to the Ministry's decision and back into the histories", async ({ page }) => {
  test.setTimeout(180_000);
  page.on("dialog", (d) => void d.accept());

  // --- The secretariat builds the dossier from the closed conference ------------------------------
  await login(page, world.secretariat);
  await page.goto("/dossiers");
  const row = page.getByTestId("dossier-list").getByRole("row").filter({ hasText: String(world.year) });
  await row.getByLabel("Số tờ trình").fill(`12/TTr-${world.suffix}`);
  await row.getByRole("button", { name: "Lập hồ sơ từ kết quả hội nghị" }).click();
  // The new dossier opens, holding the unit the conference acclaimed, with the round's aggregate result.
  await expect(page.getByRole("heading", { level: 1, name: `Hồ sơ đề nghị khen thưởng năm ${world.year}` })).toBeVisible();
  await expect(page).toHaveURL(/\/dossiers\/[0-9a-f-]{36}$/);
  dossierUrl = page.url();
  const items = page.getByTestId("dossier-items");
  await expect(items).toContainText(world.units[0]!.name);
  await expect(items).toContainText("Phiếu phát ra 3, thu về 3; 3 phiếu đồng ý (100%)");

  // ... adds the officer's CSTĐ CAND and a Bằng khen for unit 2, each checked by the rules
  const add = page.locator("form").filter({ has: page.getByRole("button", { name: "Thêm vào hồ sơ" }) });
  for (const [kind, subject, code, text] of [
    ["Danh hiệu cá nhân", new RegExp(world.candidate.fullName), "CSTD_CAND", `Chiến sĩ thi đua Công an nhân dân — Đại úy ${world.candidate.fullName}`],
    ["Hình thức khen thưởng tập thể", new RegExp(`^${world.units[1]!.name}$`), "BANG_KHEN_BO", `Bằng khen của Bộ trưởng Bộ Công an — ${world.units[1]!.name}`],
  ] as const) {
    await add.getByLabel("Loại đề nghị").selectOption({ label: kind });
    const option = add.getByLabel("Tập thể hoặc cá nhân").locator("option").filter({ hasText: subject });
    await add.getByLabel("Tập thể hoặc cá nhân").selectOption(await option.first().getAttribute("value") ?? "");
    await add.getByLabel("Danh hiệu / hình thức khen thưởng").selectOption(code);
    await add.getByRole("button", { name: "Thêm vào hồ sơ" }).click();
    await expect(items).toContainText(text);
  }

  // ... publishes it to the member units
  await page.getByRole("button", { name: "Công khai cho các đơn vị" }).click();
  await expect(page.getByRole("status").filter({ hasText: "các đơn vị gửi ý kiến đến hết ngày" })).toBeVisible();

  // --- A member unit objects to the Bằng khen ---------------------------------------------------
  await signOut(page);
  await login(page, world.unitOfficer);
  await page.goto(dossierUrl);
  const objection = page.getByRole("form", { name: new RegExp(`Ý kiến về Bằng khen của Bộ trưởng Bộ Công an — ${world.units[1]!.name}`) });
  await objection.getByLabel("Ý kiến của đơn vị").fill("Đề nghị bổ sung thành tích phòng, chống tội phạm công nghệ cao.");
  await objection.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(page.getByText(/Đã gửi ý kiến/).first()).toBeVisible();

  // --- The secretariat answers it ------------------------------------------------------------------
  await signOut(page);
  await login(page, world.secretariat);
  await page.goto(dossierUrl);
  const answer = page.locator("form").filter({ has: page.getByRole("button", { name: "Trả lời" }) }).first();
  await answer.getByLabel("Giải quyết").selectOption("AMENDED");
  await answer.getByLabel("Nội dung trả lời").fill("Đã bổ sung thành tích vào tờ trình.");
  await answer.getByRole("button", { name: "Trả lời" }).click();
  await expect(page.getByRole("main")).toContainText("Điều chỉnh đề nghị");
  await expect(page.getByRole("main")).toContainText("Đã bổ sung thành tích vào tờ trình.");

  // ... cannot send inside the window; the window ends (fixture); then sends
  await page.getByRole("button", { name: "Gửi hồ sơ lên Bộ" }).click();
  await expect(page.getByText(/Chưa hết thời gian công khai/).first()).toBeVisible();
  await endDisclosureWindow(world.clusterName);
  await page.goto(dossierUrl);
  await page.getByRole("button", { name: "Gửi hồ sơ lên Bộ" }).click();
  await expect(page.getByText("Hồ sơ đang ở Bộ.")).toBeVisible();

  // --- The Ministry office returns it once ---------------------------------------------------------
  await signOut(page);
  await login(page, "vanphong.bo");
  await page.goto(dossierUrl);
  await page.getByLabel("Lý do trả lại").fill("Bổ sung biên bản hội nghị tổng kết.");
  await page.getByRole("button", { name: "Trả lại cho cụm" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Bộ đã trả lại hồ sơ: Bổ sung biên bản hội nghị tổng kết." })).toBeVisible();

  // ... the cluster sends it again (history kept)
  await signOut(page);
  await login(page, world.secretariat);
  await page.goto(dossierUrl);
  await expect(page.getByRole("status").filter({ hasText: "Bộ đã trả lại hồ sơ: Bổ sung biên bản hội nghị tổng kết." })).toBeVisible();
  await page.getByRole("button", { name: "Gửi hồ sơ lên Bộ" }).click();
  await expect(page.getByText("Hồ sơ đang ở Bộ.")).toBeVisible();
  // The history keeps both sendings and the return.
  await expect(page.getByRole("main").getByText(/· Gửi Bộ ·/)).toHaveCount(2);
  await expect(page.getByRole("main").getByText(/· Bộ trả lại ·/)).toHaveCount(1);

  // ... the Ministry office accepts it and records a decision approving the flag and the CSTĐ CAND only
  await signOut(page);
  await login(page, "vanphong.bo");
  await page.goto(dossierUrl);
  await page.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
  const decide = page.locator("form").filter({ has: page.getByRole("button", { name: "Ghi quyết định" }) });
  await expect(decide).toBeVisible();
  await decide.getByLabel("Số quyết định").fill(`77${world.suffix.replace(/\D/g, "").slice(0, 2)}/QĐ-BCA`);
  await decide.getByLabel("Ngày quyết định").fill(`20/12/${world.year}`);
  await decide.getByLabel("Người ký").fill("Bộ trưởng Bộ Công an");
  await decide.getByLabel("Cấp quyết định").selectOption("MINISTER");
  await decide.locator('input[type="file"]').setInputFiles({ name: "quyet-dinh.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
  await decide.getByLabel(new RegExp(`^Cờ thi đua của Bộ Công an — ${world.units[0]!.name}`)).check();
  await decide.getByLabel(new RegExp(`Chiến sĩ thi đua Công an nhân dân — .*${world.candidate.fullName}`)).check();
  await decide.getByRole("button", { name: "Ghi quyết định" }).click();
  await expect(page.getByText(/2 đề nghị được khen thưởng; còn 1 đề nghị chờ quyết định khác/).first()).toBeVisible();
  await expect(page.getByTestId("decisions")).toContainText("2 đề nghị được khen thưởng");

  // --- The histories show the awarded titles, with no other entry -------------------------------
  await signOut(page);
  await login(page, world.secretariat);
  await page.goto(`/overview/officers/${world.candidate.id}`);
  const years = page.getByTestId("officer-years");
  await expect(years.getByRole("row").filter({ hasText: String(world.year) })).toContainText("Chiến sĩ thi đua Công an nhân dân");
  await expect(years.getByRole("row").filter({ hasText: String(world.year) })).toContainText("/QĐ-BCA");
  await page.goto(`/overview/units/${world.units[0]!.id}`);
  await expect(page.getByRole("main")).toContainText("Cờ thi đua của Bộ Công an");

  // ... and next year's eligibility reads them: the officer's CSTĐCS streak now runs to the decided year
  await page.goto(`/overview/officers/${world.candidate.id}`);
  await expect(page.getByTestId("officer-streaks")).toContainText(String(world.year));

  // The dossier's documents open for the Ministry office (the lists carry the decision).
  await signOut(page);
  await login(page, "vanphong.bo");
  const doc = await page.request.get(`${dossierUrl}/documents/collectives`);
  expect(doc.status()).toBe(200);
  expect(doc.headers()["content-type"]).toContain("wordprocessingml");

  // The Ministry office revokes (thu hồi) the flag where it was decided, after confirming; the answer
  // stays on screen and the item is marked.
  await page.goto(dossierUrl);
  const flagRow = page.getByTestId("dossier-items").getByRole("row").filter({ hasText: /^Cờ thi đua của Bộ Công an/ });
  await flagRow.getByText("Thu hồi…").click();
  const revoke = flagRow.getByRole("form", { name: /^Thu hồi Cờ thi đua của Bộ Công an/ });
  await revoke.getByLabel("Lý do thu hồi").fill("Đơn vị có cán bộ vi phạm pháp luật bị phát hiện sau khi khen thưởng.");
  await revoke.getByLabel("Số quyết định thu hồi").fill("E2E-31/QĐ-BCA");
  await revoke.getByRole("button", { name: "Thu hồi" }).click();
  await expect(revoke.getByRole("status")).toContainText("Đã thu hồi Cờ thi đua của Bộ Công an");
  await expect(flagRow).toContainText("Đã thu hồi");
  await expect(flagRow).toContainText("QĐ số E2E-31/QĐ-BCA");
  await page.reload();
  await expect(page.getByTestId("dossier-items").getByRole("row").filter({ hasText: /^Cờ thi đua của Bộ Công an/ })).toContainText("Đã thu hồi");
  // The unit's history keeps the revoked flag, marked.
  await signOut(page);
  await login(page, world.secretariat);
  await page.goto(`/overview/units/${world.units[0]!.id}`);
  await expect(page.getByRole("main")).toContainText("Cờ thi đua của Bộ Công an (đã thu hồi, QĐ số E2E-31/QĐ-BCA)");
});
