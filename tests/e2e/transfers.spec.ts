import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { nameSortKey, searchKey } from "../../src/domain/vietnamese";
import { withDb } from "./db-fixture";
import { DEMO, dmy, login, officerOf, UNIT_NAMES } from "./helpers";

// Officer transfers (docs/domain.md §11): an officer with a CSTĐCS streak in one unit is moved by the
// secretariat to another; the new unit's registration shows the streak that makes them eligible for
// CSTĐ CAND, and the old unit no longer finds them.
const YEAR = DEMO.year;
const FROM = "ANM" as const;
const TO = "NT" as const;

/** An officer of FROM with CSTĐCS in the two years before the open one and a ministry-level initiative. */
async function officerWithStreak() {
  const code = `DD-${randomUUID().slice(0, 6).toUpperCase()}`;
  const fullName = "Đoàn Văn Điều";
  const id = randomUUID();
  await withDb(async (db) => {
    const unit = await db.query<{ id: string }>(`SELECT id FROM "Unit" WHERE name = $1 AND "parentId" IS NULL`, [UNIT_NAMES[FROM]]);
    await db.query(
      `INSERT INTO "Officer" (id, "unitId", code, "fullName", "searchName", "sortKey", rank, position, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, 'Thiếu tá', 'Phó Trưởng phòng', now())`,
      [id, unit.rows[0]!.id, code, fullName, searchKey(fullName), nameSortKey(fullName)],
    );
    for (const y of [YEAR - 2, YEAR - 1]) {
      await db.query(
        `INSERT INTO "OfficerYearResult" (id, "officerId", year, rating, "awardedTitleCode", verified, "updatedAt") VALUES ($1, $2, $3, 'EXCELLENT', 'CSTDCS', true, now())`,
        [randomUUID(), id, y],
      );
    }
    await db.query(`INSERT INTO "Initiative" (id, "officerId", year, level, title) VALUES ($1, $2, $3, 'MINISTRY', 'Giải pháp số hóa hồ sơ xuất nhập cảnh')`, [randomUUID(), id, YEAR - 1]);
  });
  return { id, code, fullName };
}

test("the secretariat transfers an officer with a CSTĐCS streak; the new unit sees them eligible, the old unit no longer finds them", async ({ page, browser }) => {
  const officer = await officerWithStreak();

  await login(page, "thuky.cum2");
  await page.goto(`/officers/${officer.id}`);
  const form = page.getByRole("form", { name: "Điều động cán bộ" });
  // A date before the officer's last record is refused next to its field, nothing saved.
  await form.getByLabel("Đơn vị nhận").selectOption({ label: UNIT_NAMES[TO] });
  await form.getByLabel("Ngày hiệu lực").fill(`30/06/${YEAR - 1}`);
  await form.getByLabel("Số quyết định").fill("215/QĐ-BCA-X01");
  await form.getByLabel("Ngày quyết định").fill(dmy(DEMO.today));
  await form.getByLabel("Người ký").fill("Trung tướng Nguyễn Văn Ký");
  page.once("dialog", (dialog) => void dialog.accept());
  await form.getByRole("button", { name: "Điều động" }).click();
  await expect(form.getByLabel("Ngày hiệu lực")).toHaveAccessibleDescription(new RegExp(`không được trước ngày 31/12/${YEAR - 1}`));
  // The right date, confirmed.
  await form.getByLabel("Ngày hiệu lực").fill(dmy(DEMO.today));
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Điều động cán bộ ${officer.fullName}`);
    void dialog.accept();
  });
  await form.getByRole("button", { name: "Điều động" }).click();
  await expect(form.getByRole("status")).toContainText(`Đã điều động cán bộ ${officer.fullName} sang ${UNIT_NAMES[TO]}.`);
  await page.reload();
  await expect(page.getByText(`${officer.code} · ${UNIT_NAMES[TO]}`)).toBeVisible();
  const transfers = page.getByTestId("officer-transfers");
  await expect(transfers).toContainText(UNIT_NAMES[FROM]);
  await expect(transfers).toContainText("215/QĐ-BCA-X01");
  // The history keeps the years served in the old unit, with that unit.
  await expect(page.getByRole("table", { name: `Kết quả thi đua các năm của ${officer.fullName}` }).getByRole("row", { name: new RegExp(`^${YEAR - 1} `) })).toContainText(UNIT_NAMES[FROM]);

  // The new unit's registration: the streak makes them eligible for CSTĐ CAND.
  const newUnit = await browser.newPage();
  await login(newUnit, officerOf(TO));
  await newUnit.goto(`/registration?q=${officer.code}`);
  const row = newUnit.getByTestId(`row-${officer.code}`);
  await expect(row).toContainText("Cao nhất có thể đăng ký: CSTĐ CAND");

  // The old unit no longer finds them.
  const oldUnit = await browser.newPage();
  await login(oldUnit, officerOf(FROM));
  await oldUnit.goto(`/officers/${officer.id}`);
  await expect(oldUnit.getByRole("heading", { name: "Không tìm thấy" })).toBeVisible();
  await oldUnit.goto(`/officers?q=${officer.code}`);
  await expect(oldUnit.getByRole("link", { name: officer.fullName })).toHaveCount(0);
});
