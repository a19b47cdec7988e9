// The cluster's joint agreement (issue 17 item 5; docs/domain.md §10): the secretariat drafts it and
// records it as signed with every member unit's signatory (the open year is not in its conference yet,
// so it first allows the action outside its phase, as the year page offers); a unit head of the
// cluster then reads it, prints it (the forms are not printed) and downloads it as .docx; the demo's
// 2021 agreement, signed at the article's conference, is there too.
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { allowOutsidePhase, DEMO, dmy, login, notChairHead, UNIT_NAMES } from "./helpers";

const SIGNERS: Record<string, [string, string]> = {
  ANM: ["Lý Hữu Minh", "Cục trưởng"],
  KTNV: ["Hoàng Văn Khải", "Cục trưởng"],
  NT: ["Lê Bá Vũ", "Cục trưởng"],
  QLXNC: ["Phan Thanh Bình", "Cục trưởng"],
  BTLCV: ["Đào Tiến Hòa", "Tư lệnh"],
};

test("the secretariat records the agreement with every unit's signatory; a unit head reads, prints and downloads it", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "thuky.cum2");
  await allowOutsidePhase(page, ["jointAgreement"]);
  await page.goto("/agreement");
  await expect(page.getByRole("heading", { level: 1, name: `Giao ước thi đua năm ${DEMO.year}` })).toBeVisible();
  const form = page.getByRole("form", { name: "Soạn thảo giao ước thi đua" });
  await form.getByLabel("Nội dung giao ước (các cam kết)").fill("1. Hoàn thành xuất sắc nhiệm vụ chính trị được giao.\n2. Hưởng ứng phong trào thi đua “Vì An ninh Tổ quốc”.");
  await form.getByLabel("Địa điểm ký", { exact: true }).fill("Hà Nội");
  await form.getByLabel("Ngày ký", { exact: true }).fill(dmy(DEMO.today));
  const codes = Object.keys(SIGNERS);
  // Every unit but the last: recorded as signed, the missing signatory is named next to its field.
  for (const code of codes.slice(0, -1)) {
    const unit = UNIT_NAMES[code as keyof typeof UNIT_NAMES];
    await form.getByLabel(`Họ tên người ký – ${unit}`).fill(SIGNERS[code]![0]);
    await form.getByLabel(`Chức vụ – ${unit}`).fill(SIGNERS[code]![1]);
  }
  await form.getByLabel(/^Các đơn vị đã ký kết/).check();
  await form.getByRole("button", { name: "Lưu giao ước" }).click();
  const last = UNIT_NAMES[codes.at(-1) as keyof typeof UNIT_NAMES];
  await expect(form.getByText(`Chưa có người ký của ${last}.`)).toBeVisible();
  await form.getByLabel(`Họ tên người ký – ${last}`).fill(SIGNERS[codes.at(-1)!]![0]);
  await form.getByLabel(`Chức vụ – ${last}`).fill(SIGNERS[codes.at(-1)!]![1]);
  await form.getByRole("button", { name: "Lưu giao ước" }).click();
  await expect(page.getByText(`Đã ghi nhận giao ước thi đua năm ${DEMO.year} đã ký kết.`)).toBeVisible();
  await expect(page.getByTestId("agreement-document")).toContainText("Đã ký kết");

  await page.context().clearCookies();
  await login(page, notChairHead);
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Giao ước thi đua" }).click();
  const doc = page.getByTestId("agreement-document");
  await expect(doc).toContainText("Hưởng ứng phong trào thi đua “Vì An ninh Tổ quốc”.");
  for (const [name] of Object.values(SIGNERS)) await expect(doc).toContainText(name);
  await expect(page.getByRole("form", { name: "Soạn thảo giao ước thi đua" })).toHaveCount(0);
  // Printed: the document, not the page's controls.
  await page.emulateMedia({ media: "print" });
  await expect(doc).toBeVisible();
  await expect(page.getByRole("button", { name: "In giao ước" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải bản Word (.docx)" }).click()]);
  expect(download.suggestedFilename()).toBe(`Giao ước thi đua ${DEMO.year} - Cụm thi đua số 2.docx`);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);

  // The demo's 2021 agreement, signed at the year-end conference in Hà Nội on 19/11/2021: read-only.
  await page.getByLabel("Năm thi đua", { exact: true }).selectOption({ label: "Năm 2021 — Đã khóa sổ" });
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(doc).toContainText("Hà Nội, ngày 19/11/2021");
  await expect(doc).toContainText("Nguyễn Minh Chính");
  await expect(page.getByText("Năm thi đua đã khóa sổ: giao ước chỉ để xem.")).toBeVisible();
});
