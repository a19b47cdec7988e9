// Sub-units' collective titles (docs/domain.md §3 "Sub-units"), end to end in a cluster of the spec's
// own (the demo's years are left alone): a unit officer registers Đơn vị Quyết thắng for one of the
// unit's sub-units on the registration page; the year then reaches its results (written into the
// database: the passing of the year, which the UI cannot do in one spec — the phase and the officers'
// recorded results); the secretariat records the sub-unit's title with its decision on the unit's
// results page; the unit officer sees it, with the registration, on the unit's history page.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { DEFAULT_YEAR_SETTINGS } from "../../src/domain/year-settings";
import { nameSortKey, searchKey, textSortKey } from "../../src/domain/vietnamese";
import { expectAccessible } from "./axe";
import { withDb } from "./db-fixture";
import { login } from "./helpers";

const PASSWORD = "SubUnit@2022";

async function subUnitWorld() {
  const suffix = randomUUID().slice(0, 6);
  const passwordHash = await hash(PASSWORD);
  return withDb(async (db) => {
    const q = (text: string, values: unknown[]) => db.query(text, values);
    const [blockId, clusterId, unitId, otherId, subId, yearId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await q(`INSERT INTO "Block" (id, code, name) VALUES ($1, $2, $3)`, [blockId, `SU-${suffix}`, "Khối kiểm thử"]);
    await q(`INSERT INTO "Cluster" (id, "blockId", code, name) VALUES ($1, $2, $3, $4)`, [clusterId, blockId, `SU-${suffix}`, `Cụm thi đua đơn vị trực thuộc ${suffix}`]);
    const unit = { id: unitId, name: `Cục Hồ sơ ${suffix}` };
    const sub = { id: subId, name: `Phòng Lưu trữ ${suffix}` };
    for (const [id, name, parent, code] of [[unitId, unit.name, null, "M"], [otherId, `Cục Tham mưu ${suffix}`, null, "N"], [subId, sub.name, unitId, "S"]] as const) {
      await q(`INSERT INTO "Unit" (id, "clusterId", "parentId", code, name, "sortKey") VALUES ($1, $2, $3, $4, $5, $6)`, [id, clusterId, parent, `SU-${suffix}-${code}`, name, textSortKey(name)]);
    }
    const officers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      const fullName = `Phạm Văn Lưu ${suffix} ${i}`;
      await q(
        `INSERT INTO "Officer" (id, "unitId", "subUnitId", code, "fullName", "searchName", "sortKey", rank, position, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, 'Đại úy', 'Cán bộ', now())`,
        [id, unitId, subId, `SU-${suffix}-${i}`, fullName, searchKey(fullName), nameSortKey(fullName)],
      );
      officers.push(id);
    }
    const settings = JSON.stringify({ ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31" });
    await q(`INSERT INTO "EmulationYear" (id, "clusterId", year, phase, settings, "chairUnitId", "updatedAt") VALUES ($1, $2, 2022, 'REGISTRATION', $3, $4, now())`, [yearId, clusterId, settings, unitId]);
    const users = { secretariat: `su.thuky.${suffix}`, officer: `su.canbo.${suffix}` };
    await q(`INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "clusterId", "updatedAt") VALUES ($1, $2, $3, 'Thư ký cụm kiểm thử', 'SECRETARIAT', $4, now())`, [randomUUID(), users.secretariat, passwordHash, clusterId]);
    await q(`INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "clusterId", "unitId", "updatedAt") VALUES ($1, $2, $3, 'Cán bộ thi đua kiểm thử', 'UNIT_OFFICER', $4, $5, now())`, [randomUUID(), users.officer, passwordHash, clusterId, unitId]);
    return { unit, sub, officers, yearId, users };
  });
}

/** The year's end: the year in its results phase, the sub-unit's officers rated "tốt", three CST and one CSTĐCS. */
async function reachResults(w: Awaited<ReturnType<typeof subUnitWorld>>) {
  await withDb(async (db) => {
    await db.query(`UPDATE "EmulationYear" SET phase = 'RESULTS' WHERE id = $1`, [w.yearId]);
    for (const [i, officerId] of w.officers.entries()) {
      await db.query(`INSERT INTO "OfficerYearResult" (id, "officerId", year, rating, "awardedTitleCode", verified, "updatedAt") VALUES ($1, $2, 2022, 'GOOD', $3, true, now())`, [
        randomUUID(),
        officerId,
        i === 0 ? "CSTDCS" : "CST",
      ]);
    }
  });
}

test("a unit officer registers a sub-unit's title; the secretariat records it; it shows in the unit's history", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const w = await subUnitWorld();

  await login(page, w.users.officer, PASSWORD);
  await page.goto("/registration");
  const card = page.getByTestId(`sub-unit-titles`);
  await expect(card).toBeVisible();
  await expect(page.getByTestId("sub-unit-quota")).toContainText("1 đơn vị trực thuộc: được tối đa 0 Đơn vị Quyết thắng");
  await expectAccessible(page);
  // Half of one sub-unit rounds down to none: Quyết thắng is refused with the reason, next to the field.
  const form = page.getByRole("form", { name: `Danh hiệu đăng ký của ${w.sub.name}` });
  await form.getByLabel(`Danh hiệu đăng ký của ${w.sub.name}`).selectOption({ label: "Đơn vị Quyết thắng" });
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("alert").first()).toContainText("Vượt chỉ tiêu của đơn vị");
  // Đơn vị tiên tiến uses no place.
  await form.getByLabel(`Danh hiệu đăng ký của ${w.sub.name}`).selectOption({ label: "Đơn vị tiên tiến" });
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("status")).toContainText(`Đã lưu danh hiệu đăng ký của ${w.sub.name}: Đơn vị tiên tiến.`);
  await page.reload();
  await expect(page.getByRole("form", { name: `Danh hiệu đăng ký của ${w.sub.name}` }).getByLabel(`Danh hiệu đăng ký của ${w.sub.name}`)).toHaveValue("DV_TIEN_TIEN");

  await reachResults(w);

  const secretariat = await browser.newContext();
  const sp = await secretariat.newPage();
  await login(sp, w.users.secretariat, PASSWORD);
  await sp.goto(`/results/units/${w.unit.id}`);
  const record = sp.getByRole("form", { name: "Ghi danh hiệu của đơn vị trực thuộc" });
  await record.getByLabel("Đơn vị trực thuộc").selectOption({ label: w.sub.name });
  await record.getByLabel("Danh hiệu được công nhận").selectOption({ label: "Đơn vị tiên tiến" });
  await record.getByLabel("Số quyết định").fill("2412/QĐ-HS");
  await record.getByLabel("Ngày quyết định").fill("20/12/2022");
  await record.getByLabel("Người ký").fill("Cục trưởng");
  await record.getByRole("button", { name: "Lưu danh hiệu của đơn vị trực thuộc" }).click();
  await expect(record.getByRole("status")).toContainText(`Đã ghi nhận danh hiệu năm 2022 của ${w.sub.name}.`);
  await expect(sp.getByTestId("sub-unit-results")).toContainText("2412/QĐ-HS, 20/12/2022");
  await expectAccessible(sp);
  await secretariat.close();

  await page.goto(`/overview/units/${w.unit.id}`);
  const history = page.getByTestId("sub-unit-history");
  const row = history.getByRole("row", { name: new RegExp(w.sub.name) });
  await expect(row).toContainText("2022");
  await expect(row.getByRole("cell").nth(2)).toHaveText("Đơn vị tiên tiến");
  await expect(row.getByRole("cell").nth(3)).toContainText("Đơn vị tiên tiến");
  await expect(row.getByRole("cell").nth(3)).toContainText("QĐ số 2412/QĐ-HS ngày 20/12/2022");
  await expectAccessible(page);
});
