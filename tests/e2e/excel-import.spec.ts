import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { login } from "./helpers";

const HEADER = ["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"];
const PEOPLE = [
  ["ANM-E2E-001", "Quách Thị Thu Hường", "Thượng úy", "Cán bộ", "Phòng Tham mưu"],
  ["ANM-E2E-002", "Khuất Văn Tường", "Đại úy", "Cán bộ", "Phòng 1"],
];

/** A workbook with the template's "Cán bộ" sheet, written to a temporary file. */
async function officersFile(dir: string, name: string, rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cán bộ");
  ws.addRow(HEADER);
  for (const row of rows) ws.addRow(row);
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

test("a unit officer downloads the template, imports a file with one bad row (nothing saved), fixes it and imports it", async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "so-thi-dua-e2e-"));
  await login(page, "canbo.anm");
  await page.goto("/registration/import");
  await expect(page.getByRole("heading", { name: "Nhập dữ liệu từ Excel" })).toBeVisible();

  // The template downloads as .xlsx and holds the three data sheets.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Tải tệp mẫu (.xlsx)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = new ExcelJS.Workbook();
  await template.xlsx.readFile((await download.path())!);
  expect(template.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Hướng dẫn", "Cán bộ", "Đăng ký danh hiệu", "Kết quả"]));

  // One bad row (an unknown rank on row 3): the error names the sheet, row and column; nothing is saved.
  const bad = await officersFile(dir, "can-bo-loi.xlsx", [PEOPLE[0]!, [...PEOPLE[1]!.slice(0, 2), "Đại sứ", ...PEOPLE[1]!.slice(3)]]);
  const form = page.getByRole("form", { name: "Nhập dữ liệu từ tệp Excel" });
  await form.getByLabel("Tệp Excel (.xlsx)").setInputFiles(bad);
  await form.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "chưa có dữ liệu nào được lưu" })).toBeVisible();
  const errors = page.getByTestId("import-errors");
  await expect(errors.getByRole("row")).toHaveCount(2); // header + the one error
  const cells = errors.getByRole("row").nth(1).getByRole("cell");
  await expect(cells.nth(0)).toHaveText("Cán bộ");
  await expect(cells.nth(1)).toHaveText("3");
  await expect(cells.nth(2)).toContainText("Cấp bậc");
  await expect(cells.nth(2)).toContainText("C3");
  await expect(cells.nth(3)).toContainText("Đại sứ");

  await page.goto("/officers?q=ANM-E2E");
  await expect(page.getByText("Không tìm thấy cán bộ phù hợp.")).toBeVisible();

  // The fixed file goes in; the officers appear.
  const good = await officersFile(dir, "can-bo.xlsx", PEOPLE);
  await page.goto("/registration/import");
  await form.getByLabel("Tệp Excel (.xlsx)").setInputFiles(good);
  await form.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập tệp" })).toContainText("cán bộ: 2 mới");
  await expect(page.getByTestId("import-summary").getByRole("row", { name: /Cán bộ/ })).toContainText("2");

  await page.goto("/officers?q=ANM-E2E");
  const table = page.getByTestId("officer-table");
  await expect(table.getByRole("row")).toHaveCount(3);
  for (const [code, name] of PEOPLE) {
    await expect(table).toContainText(code as string);
    await expect(table).toContainText(name as string);
  }

  // The same file again changes nothing.
  await page.goto("/registration/import");
  await form.getByLabel("Tệp Excel (.xlsx)").setInputFiles(good);
  await form.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("status").filter({ hasText: "không có thay đổi nào" })).toBeVisible();
});

test("a file over 5 MB is refused before it is uploaded, and a non-Excel file after", async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "so-thi-dua-e2e-"));
  await login(page, "canbo.anm");
  await page.goto("/registration/import");
  const form = page.getByRole("form", { name: "Nhập dữ liệu từ tệp Excel" });

  const huge = path.join(dir, "lon.xlsx");
  writeFileSync(huge, Buffer.alloc(6 * 1024 * 1024, 0x41));
  await form.getByLabel("Tệp Excel (.xlsx)").setInputFiles(huge);
  await form.getByRole("button", { name: "Nhập dữ liệu" }).click();
  // (Scoped by text: Next's route announcer is an alert too.)
  await expect(page.getByRole("alert").filter({ hasText: "Tệp quá lớn" })).toBeVisible();

  const html = path.join(dir, "trang.xlsx");
  writeFileSync(html, "<html><body><table><tr><td>Mã cán bộ</td></tr></table></body></html>");
  await form.getByLabel("Tệp Excel (.xlsx)").setInputFiles(html);
  await form.getByRole("button", { name: "Nhập dữ liệu" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tệp không phải định dạng Excel (.xlsx)." })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Tệp quá lớn" })).toHaveCount(0);
});
