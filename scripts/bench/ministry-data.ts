// Ministry-scale data for the dashboard benchmark (docs/domain.md §8): about 20 clusters, 150 member units,
// 400,000 officers and 10 years of history — officers' results and registrations every year (millions
// of rows), initiatives and discipline records, criteria tables, year-end reports with every score,
// fixed rankings, unit titles, conference votes with ballots, and accounts. The latest year is in
// progress (conference phase: provisional ranking, open scoring round, an open vote).
//
// Generated inside Postgres (INSERT … SELECT generate_series, deterministic hash-based choices), never
// row by row from JavaScript: memory stays flat and 400,000 officers × 10 years load in a few minutes
// on 2 cores. Foreign-key and summary triggers are off during the load (session_replication_role =
// replica); the summary table is rebuilt once at the end, then VACUUM ANALYZE.
//
// Only ever run against a throwaway database. As a command:
//   npx tsx scripts/bench/ministry-data.ts [--officers 400000] [--clusters 20] [--units 150] [--years 10] [--dir /tmp/sothidua-bench]
// starts (or reuses) an embedded Postgres in --dir, fills it when empty, and prints its URL (with
// --refresh-summaries, rebuilds the summary tables of existing data). Or, with DATABASE_URL set, fills
// a new database on that server and prints its URL.
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { TITLE_CATALOGUE } from "../../src/domain/title-catalogue";
import { nameSortKey, searchKey, textSortKey } from "../../src/domain/vietnamese";
import { DEFAULT_YEAR_SETTINGS } from "../../src/domain/year-settings";
import { hashPassword } from "../../src/server/auth/password";
import { mulberry32, randomFullName } from "../../src/server/seed/names";
import { SUMMARY_REBUILD_SQL } from "../../src/server/summary-tables";
import { startEmbeddedPostgres, type Database } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

export type MinistryScale = { clusters: number; units: number; officers: number; years: number; lastYear: number };
export const FULL_SCALE: MinistryScale = { clusters: 20, units: 150, officers: 400_000, years: 10, lastYear: 2022 };
export const BENCH_PASSWORD = "ThiDua@2022";

const root = path.resolve(import.meta.dirname, "../..");
const log = (m: string) => console.log(`[ministry-data] ${m}`);

const PROVINCES = [
  "Hà Nội", "Hải Phòng", "Quảng Ninh", "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam",
  "Vĩnh Phúc", "Phú Thọ", "Thái Nguyên", "Bắc Giang", "Lạng Sơn", "Cao Bằng", "Hà Giang", "Tuyên Quang", "Yên Bái", "Lào Cai",
  "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế",
  "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
  "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "Long An",
  "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Cần Thơ", "Hậu Giang", "Sóc Trăng",
  "Bạc Liêu", "Cà Mau", "Bắc Kạn",
];
const DEPARTMENTS = [
  "Cục An ninh đối ngoại", "Cục An ninh chính trị nội bộ", "Cục An ninh kinh tế", "Cục An ninh điều tra", "Cục An ninh nội địa",
  "Cục Cảnh sát điều tra tội phạm về trật tự xã hội", "Cục Cảnh sát điều tra tội phạm về ma túy", "Cục Cảnh sát giao thông",
  "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "Cục Cảnh sát môi trường",
  "Cục Cảnh sát kinh tế", "Cục Cảnh sát hình sự", "Cục Cảnh sát cơ động", "Cục Cảnh sát quản lý trại giam", "Cục Hồ sơ nghiệp vụ",
  "Cục Tổ chức cán bộ", "Cục Đào tạo", "Cục Công tác đảng và công tác chính trị", "Cục Kế hoạch và tài chính", "Cục Hậu cần",
  "Cục Trang bị và kho vận", "Cục Y tế", "Cục Pháp chế và cải cách hành chính, tư pháp", "Cục Truyền thông Công an nhân dân",
  "Cục Viễn thông và cơ yếu", "Cục Công nghiệp an ninh", "Cục Quản lý xây dựng và doanh trại", "Cục Đối ngoại", "Văn phòng Bộ Công an",
  "Thanh tra Bộ Công an", "Viện Chiến lược và Khoa học Công an", "Học viện An ninh nhân dân", "Học viện Cảnh sát nhân dân",
  "Trường Đại học Phòng cháy chữa cháy", "Bệnh viện 19-8", "Báo Công an nhân dân", "Nhà xuất bản Công an nhân dân",
];
const BLOCKS = [
  { code: "KHOI-BT", name: "Khối các đơn vị thuộc Bộ trưởng" },
  { code: "KHOI-AN", name: "Khối các đơn vị An ninh, Cảnh sát" },
  { code: "KHOI-HCKT", name: "Khối các đơn vị Hậu cần, Kỹ thuật, Đào tạo" },
  { code: "KHOI-DP", name: "Khối Công an các tỉnh, thành phố" },
];

function unitNames(count: number): string[] {
  const out: string[] = [];
  for (const d of DEPARTMENTS) out.push(d);
  for (const p of PROVINCES) out.push(`Công an ${p.startsWith("Thành phố") ? p : `tỉnh ${p}`}`);
  for (let i = out.length; i < count; i++) out.push(`Đơn vị số ${i + 1}`);
  return out.slice(0, count);
}

/** Officers per unit: between about 0.3× and 1.9× the average (clusters of 300–5,000 officers per unit at full scale). */
function unitSizes(units: number, officers: number): number[] {
  const rng = mulberry32(20221119);
  const weights = Array.from({ length: units }, () => 0.3 + 1.6 * rng());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * officers)));
  sizes[0]! += officers - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/** A tuned embedded Postgres for the benchmark, kept in `dir` between runs. */
export async function openBenchDatabase(dir: string): Promise<Database> {
  if (process.env.DATABASE_URL) {
    const { openThrowawayDatabase } = await import("../lib/database");
    return openThrowawayDatabase("bench");
  }
  mkdirSync(dir, { recursive: true });
  const first = await startEmbeddedPostgres(path.join(dir, "pg"), "sothidua_bench", { quiet: true });
  const client = new pg.Client({ connectionString: first.url });
  await client.connect();
  const { rows } = await client.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'shared_buffers'`);
  const tuned = Number(rows[0]?.setting) * 8192 >= 1024 * 1024 * 1024;
  if (!tuned) {
    // Settings of a small dedicated database server with this machine's memory (restart to apply).
    for (const [k, v] of [
      ["shared_buffers", "1GB"],
      ["effective_cache_size", "4GB"],
      ["work_mem", "16MB"],
      ["maintenance_work_mem", "512MB"],
      ["random_page_cost", "1.1"],
      ["max_wal_size", "4GB"],
      ["max_connections", "200"],
    ]) {
      await client.query(`ALTER SYSTEM SET ${k} = '${v}'`);
    }
  }
  await client.end();
  if (tuned) return first;
  await first.stop();
  return startEmbeddedPostgres(path.join(dir, "pg"), "sothidua_bench", { quiet: true });
}

async function timed(client: pg.Client, label: string, sql: string, params: unknown[] = []) {
  const start = performance.now();
  const result = await client.query(sql, params);
  log(`${label}: ${result.rowCount ?? 0} rows, ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** Whether the database already holds complete generated data (the accounts are written last but one). */
export async function isGenerated(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('"Cluster"') IS NOT NULL AS t`);
    if (!rows[0]?.t) return false;
    const counts = await client.query<{ clusters: number; users: number }>(
      `SELECT (SELECT count(*) FROM "Cluster")::int AS clusters, (SELECT count(*) FROM "User")::int AS users`,
    );
    const { clusters, users } = counts.rows[0]!;
    if (clusters > 0 && users === 0) throw new Error("The benchmark database holds an interrupted generation: remove its folder (--dir) and run again.");
    return users > 0;
  } finally {
    await client.end();
  }
}

export async function generateMinistryData(url: string, scale: MinistryScale = FULL_SCALE): Promise<void> {
  const started = performance.now();
  log(`migrating ${url.replace(/:[^:@/]+@/, ":***@")}`);
  migrateDeploy(root, url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // No FK or summary triggers during the load: the served unit ("unitId" of results, initiatives and
    // disciplines, stamped by a trigger in the app) is written by the load itself (no transfers here).
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '64MB'`);
    await client.query(`SET max_parallel_workers_per_gather = 0`); // temp tables and functions below
    // Deterministic "random" draws in 0..999 from two integers.
    await client.query(`CREATE OR REPLACE FUNCTION pg_temp.r(a bigint, b bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
      $$ SELECT ((hashint8(a * 1000003 + b) & 2147483647) % 1000)::int $$`);

    const firstYear = scale.lastYear - scale.years + 1;
    const closedYears = scale.years - 1;

    // Titles, blocks, clusters, units, sub-units.
    await client.query(
      `INSERT INTO "TitleDefinition" ("id", "code", "name", "shortName", "kind", "level", "prerequisites", "updatedAt")
       SELECT gen_random_uuid(), t->>'code', t->>'name', t->>'shortName', (t->>'kind')::"TitleKind", (t->>'level')::int, t->>'prerequisites', now()
       FROM jsonb_array_elements($1::jsonb) t`,
      [JSON.stringify(TITLE_CATALOGUE)],
    );
    await client.query(
      `INSERT INTO "Block" ("id", "code", "name") SELECT gen_random_uuid(), b->>'code', b->>'name' FROM jsonb_array_elements($1::jsonb) b`,
      [JSON.stringify(BLOCKS)],
    );
    const clusters = Array.from({ length: scale.clusters }, (_, i) => ({
      n: i + 1,
      code: `CUM-${i + 1}`,
      name: `Cụm thi đua số ${i + 1}`,
      block: BLOCKS[i < 3 ? 0 : i < 10 ? 1 : i < 13 ? 2 : 3]!.code,
    }));
    await client.query(
      `INSERT INTO "Cluster" ("id", "blockId", "code", "name")
       SELECT gen_random_uuid(), b."id", c->>'code', c->>'name' FROM jsonb_array_elements($1::jsonb) c JOIN "Block" b ON b."code" = c->>'block'`,
      [JSON.stringify(clusters)],
    );
    const names = unitNames(scale.units);
    const sizes = unitSizes(scale.units, scale.officers);
    const units = names.map((name, i) => ({ n: i + 1, code: `DV${String(i + 1).padStart(3, "0")}`, name, sortKey: textSortKey(name), cluster: `CUM-${(i % scale.clusters) + 1}`, size: sizes[i]! }));
    await client.query(`CREATE TEMP TABLE gen_unit (n int PRIMARY KEY, id uuid NOT NULL, cluster_id uuid NOT NULL, size int NOT NULL, pos int NOT NULL, members int NOT NULL)`);
    await client.query(
      `WITH u AS (
         SELECT (x->>'n')::int AS n, gen_random_uuid() AS id, c."id" AS cluster_id, x->>'code' AS code, x->>'name' AS name, x->>'sortKey' AS sort_key, (x->>'size')::int AS size
         FROM jsonb_array_elements($1::jsonb) x JOIN "Cluster" c ON c."code" = x->>'cluster'
       ), ins AS (
         INSERT INTO "Unit" ("id", "clusterId", "code", "name", "sortKey") SELECT id, cluster_id, code, name, sort_key FROM u RETURNING "id"
       )
       INSERT INTO gen_unit SELECT n, id, cluster_id, size,
         (row_number() OVER (PARTITION BY cluster_id ORDER BY n))::int - 1, (count(*) OVER (PARTITION BY cluster_id))::int FROM u`,
      [JSON.stringify(units)],
    );
    await timed(
      client,
      "sub-units",
      `INSERT INTO "Unit" ("id", "clusterId", "parentId", "code", "name", "sortKey")
       SELECT gen_random_uuid(), u.cluster_id, u.id, 'DV' || lpad(u.n::text, 3, '0') || '-P' || s, 'Phòng ' || s, '111' || s
       FROM gen_unit u CROSS JOIN generate_series(1, 5) s`,
    );

    // A pool of names with their search and sort keys (computed once in JavaScript).
    const rng = mulberry32(400_000);
    const pool = Array.from({ length: 20_000 }, (_, i) => {
      const fullName = randomFullName(rng, i % 3 === 0 ? "F" : "M");
      return [fullName, searchKey(fullName), nameSortKey(fullName)];
    });
    await client.query(`CREATE TEMP TABLE gen_name (i int PRIMARY KEY, full_name text, search_name text, sort_key text)`);
    for (let i = 0; i < pool.length; i += 2000) {
      await client.query(`INSERT INTO gen_name SELECT (i + $2)::int, x->>0, x->>1, x->>2 FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, i)`, [
        JSON.stringify(pool.slice(i, i + 2000)),
        i - 1,
      ]);
    }

    // Officers: seq 1..N, unit by contiguous ranges; merit m (0..999) drives their titles over the years.
    await client.query(`CREATE TEMP TABLE gen_officer (seq int PRIMARY KEY, id uuid NOT NULL, unit_id uuid NOT NULL, m int NOT NULL, active boolean NOT NULL)`);
    await client.query(`CREATE TEMP TABLE gen_range AS SELECT n, id, lo, lo + size - 1 AS hi FROM (SELECT n, id, size, 1 + coalesce(sum(size) OVER (ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::int AS lo FROM gen_unit) x`);
    await timed(
      client,
      "officers (ids)",
      `INSERT INTO gen_officer
       SELECT g, gen_random_uuid(), r.id, pg_temp.r(g, 0), pg_temp.r(g, 1) >= 30
       FROM gen_range r CROSS JOIN LATERAL generate_series(r.lo, r.hi) g`,
    );
    await timed(
      client,
      "officers",
      `INSERT INTO "Officer" ("id", "unitId", "subUnitId", "code", "fullName", "searchName", "sortKey", "rank", "position", "active", "updatedAt")
       SELECT o.id, o.unit_id, NULL, 'CB' || lpad(o.seq::text, 7, '0'), n.full_name, n.search_name, n.sort_key,
         (ARRAY['Thiếu úy','Trung úy','Thượng úy','Đại úy','Thiếu tá','Trung tá','Thượng tá','Đại tá'])[1 + pg_temp.r(o.seq, 2) % 8],
         (ARRAY['Cán bộ','Cán bộ','Cán bộ','Cán bộ','Phó Đội trưởng','Đội trưởng','Phó Trưởng phòng','Trưởng phòng'])[1 + pg_temp.r(o.seq, 3) % 8],
         o.active, now()
       FROM gen_officer o JOIN gen_name n ON n.i = o.seq % 20000`,
    );

    // Emulation years: the last one in progress (conference), the others closed; chairs rotate.
    await timed(
      client,
      "emulation years",
      `INSERT INTO "EmulationYear" ("id", "clusterId", "year", "phase", "chairUnitId", "deputyUnitId", "settings", "closedAt", "updatedAt")
       SELECT gen_random_uuid(), c."id", y,
         (CASE WHEN y = $2 THEN 'CONFERENCE' ELSE 'CLOSED' END)::"YearPhase",
         (SELECT u.id FROM gen_unit u WHERE u.cluster_id = c."id" AND u.pos = y % u.members),
         (SELECT u.id FROM gen_unit u WHERE u.cluster_id = c."id" AND u.pos = (y + 1) % u.members),
         $3::jsonb || jsonb_build_object('registrationDeadline', y || '-03-31', 'reportDeadline', y || '-11-15', 'conferenceDate', y || '-11-25'),
         CASE WHEN y = $2 THEN NULL ELSE make_timestamptz(y, 12, 31, 12, 0, 0, 'Asia/Ho_Chi_Minh') END, now()
       FROM "Cluster" c CROSS JOIN generate_series($1::int, $2::int) y`,
      [firstYear, scale.lastYear, JSON.stringify(DEFAULT_YEAR_SETTINGS)],
    );

    // Officers' results of the closed years: merit decides a streak-prone few (CSTĐCS most years).
    await timed(
      client,
      `officer results (${closedYears} years)`,
      `INSERT INTO "OfficerYearResult" ("id", "officerId", "unitId", "year", "rating", "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner", "verified", "updatedAt")
       SELECT gen_random_uuid(), o.id, o.unit_id, y,
         (CASE WHEN t.code IN ('CSTDCS', 'CSTD_CAND', 'CSTD_TQ') THEN 'EXCELLENT' WHEN t.code = 'CST' THEN (CASE WHEN t.r % 7 = 0 THEN 'EXCELLENT' ELSE 'GOOD' END)
               WHEN t.r % 10 = 0 THEN 'INCOMPLETE' ELSE 'COMPLETE' END)::"TaskRating",
         t.code, CASE WHEN t.code IS NULL THEN NULL ELSE y || '/QĐ-BCA' END, CASE WHEN t.code IS NULL THEN NULL ELSE make_date(y, 12, 20) END,
         CASE WHEN t.code IS NULL THEN NULL ELSE 'Thứ trưởng Bộ Công an' END, true, now()
       FROM gen_officer o CROSS JOIN generate_series($1::int, $2::int) y
       CROSS JOIN LATERAL (SELECT pg_temp.r(o.seq, y) AS r) d
       CROSS JOIN LATERAL (SELECT d.r, CASE
           WHEN o.m >= 996 AND y % 3 = 0 THEN 'CSTD_CAND'
           WHEN o.m >= 960 THEN CASE WHEN d.r < 850 THEN 'CSTDCS' WHEN d.r < 980 THEN 'CST' END
           WHEN o.m >= 850 THEN CASE WHEN d.r < 350 THEN 'CSTDCS' WHEN d.r < 950 THEN 'CST' END
           ELSE CASE WHEN d.r < 25 THEN 'CSTDCS' WHEN d.r < 800 THEN 'CST' END END AS code) t`,
      [firstYear, scale.lastYear - 1],
    );

    // Registrations every year (about 95%; 90% in the year in progress).
    await timed(
      client,
      `officer registrations (${scale.years} years)`,
      `INSERT INTO "OfficerRegistration" ("id", "emulationYearId", "unitId", "officerId", "titleCode", "updatedAt")
       SELECT gen_random_uuid(), e."id", o.unit_id, o.id,
         CASE WHEN o.m >= 996 THEN 'CSTD_CAND' WHEN o.m >= 960 THEN 'CSTDCS' WHEN o.m >= 850 AND pg_temp.r(o.seq, e."year" + 50) < 400 THEN 'CSTDCS' ELSE 'CST' END,
         now()
       FROM gen_officer o JOIN gen_unit u ON u.id = o.unit_id JOIN "EmulationYear" e ON e."clusterId" = u.cluster_id
       WHERE pg_temp.r(o.seq, e."year" + 100) >= CASE WHEN e."year" = $1 THEN 100 ELSE 50 END`,
      [scale.lastYear],
    );

    await timed(
      client,
      "initiatives",
      `INSERT INTO "Initiative" ("id", "officerId", "unitId", "year", "level", "title")
       SELECT gen_random_uuid(), o.id, o.unit_id, y, (CASE WHEN pg_temp.r(o.seq, y + 200) < 10 THEN 'MINISTRY' ELSE 'BASE' END)::"InitiativeLevel", 'Sáng kiến cải tiến nghiệp vụ năm ' || y
       FROM gen_officer o CROSS JOIN generate_series($1::int, $2::int) y
       WHERE pg_temp.r(o.seq, y + 300) < CASE WHEN o.m >= 850 THEN 400 ELSE 20 END`,
      [firstYear, scale.lastYear],
    );
    await timed(
      client,
      "disciplines",
      `INSERT INTO "Discipline" ("id", "officerId", "unitId", "form", "status", "fromDate", "toDate", "updatedAt")
       SELECT gen_random_uuid(), o.id, o.unit_id, 'KHIEN_TRACH', 'IN_FORCE', make_date($1 + o.seq % $2, 3, 1), make_date($1 + o.seq % $2 + 1, 3, 1), now()
       FROM gen_officer o WHERE pg_temp.r(o.seq, 7) < 5`,
      [firstYear, scale.years],
    );

    // Criteria tables: I (60 pts: 5 × 12), II and III (20 pts: 4 × 5), bonus and penalty groups (5 pts: 3 items).
    await timed(client, "criteria tables", `INSERT INTO "CriteriaTable" ("id", "emulationYearId", "copiedFromYear", "publishedAt", "frozenAt", "updatedAt") SELECT gen_random_uuid(), e."id", e."year" - 1, now(), now(), now() FROM "EmulationYear" e`);
    await client.query(
      `INSERT INTO "CriteriaSection" ("id", "tableId", "kind", "position", "title", "maxHalf")
       SELECT gen_random_uuid(), t."id", s.kind::"CriteriaSectionKind", s.pos, s.title, s.max_half
       FROM "CriteriaTable" t CROSS JOIN (VALUES
         (1, 'SCORED', 'Thực hiện nhiệm vụ chính trị, chuyên môn', 120),
         (2, 'SCORED', 'Xây dựng lực lượng, công tác đảng', 40),
         (3, 'SCORED', 'Thực hiện phong trào thi đua "Vì An ninh Tổ quốc"', 40),
         (4, 'BONUS', 'Điểm thưởng', 10),
         (5, 'PENALTY', 'Điểm trừ', 10)) s(pos, kind, title, max_half)`,
    );
    await timed(
      client,
      "criteria",
      `INSERT INTO "Criterion" ("id", "tableId", "sectionId", "position", "title", "maxHalf")
       SELECT gen_random_uuid(), s."tableId", s."id", c, 'Tiêu chí ' || s."position" || '.' || c,
         CASE s."position" WHEN 1 THEN 24 WHEN 2 THEN 10 WHEN 3 THEN 10 ELSE 4 END
       FROM "CriteriaSection" s CROSS JOIN LATERAL generate_series(1, CASE s."position" WHEN 1 THEN 5 WHEN 2 THEN 4 WHEN 3 THEN 4 ELSE 3 END) c`,
    );

    // Year-end reports of every unit-year (the year in progress: a few not submitted yet) and a mid-year review.
    await timed(
      client,
      "reports",
      `INSERT INTO "UnitReport" ("id", "emulationYearId", "unitId", "kind", "status", "submissionCount", "submittedAt", "acceptedAt", "updatedAt")
       SELECT gen_random_uuid(), e."id", u.id, 'YEAR_END'::"ReportKind",
         (CASE WHEN e."year" < $1 THEN 'ACCEPTED' WHEN u.pos = u.members - 1 THEN 'DRAFT' WHEN u.pos % 3 = 0 THEN 'SUBMITTED' ELSE 'ACCEPTED' END)::"ReportStatus",
         1, make_timestamptz(e."year", 11, 10, 9, 0, 0, 'Asia/Ho_Chi_Minh'), make_timestamptz(e."year", 11, 14, 9, 0, 0, 'Asia/Ho_Chi_Minh'), now()
       FROM "EmulationYear" e JOIN gen_unit u ON u.cluster_id = e."clusterId"
       UNION ALL
       SELECT gen_random_uuid(), e."id", u.id, 'MIDYEAR'::"ReportKind", 'ACCEPTED'::"ReportStatus", 1, make_timestamptz(e."year", 6, 25, 9, 0, 0, 'Asia/Ho_Chi_Minh'), NULL, now()
       FROM "EmulationYear" e JOIN gen_unit u ON u.cluster_id = e."clusterId"`,
      [scale.lastYear],
    );
    await timed(
      client,
      "report scores",
      `INSERT INTO "ReportScore" ("reportId", "criterionId", "selfHalf", "explanation", "finalHalf")
       SELECT r."id", c."id", s.self, '', CASE WHEN r."status" = 'ACCEPTED' THEN greatest(0, s.self - (pg_temp.r(hashtext(c."id"::text), 9) < 200)::int) END
       FROM "UnitReport" r JOIN "CriteriaTable" t ON t."emulationYearId" = r."emulationYearId" JOIN "Criterion" c ON c."tableId" = t."id"
       JOIN "CriteriaSection" sec ON sec."id" = c."sectionId"
       CROSS JOIN LATERAL (SELECT CASE WHEN sec."kind" = 'SCORED' THEN (c."maxHalf" * (650 + pg_temp.r(hashtext(r."id"::text), hashtext(c."id"::text)) * 35 / 100)) / 1000
         ELSE (pg_temp.r(hashtext(r."id"::text), hashtext(c."id"::text)) % 5) END AS self) s
       WHERE r."kind" = 'YEAR_END'`,
    );
    // Fixed results of the closed years: the totals (same arithmetic as the app) and the ranks.
    await timed(
      client,
      "final totals and ranks",
      `WITH sec AS (
         SELECT r."id" AS report_id, r."emulationYearId" AS year_id, s."kind", s."position",
           least(coalesce(sum(least(greatest(coalesce(rs."finalHalf", rs."selfHalf", 0), 0), c."maxHalf")), 0), s."maxHalf") AS counted
         FROM "UnitReport" r JOIN "EmulationYear" e ON e."id" = r."emulationYearId" AND e."phase" = 'CLOSED'
         JOIN "CriteriaTable" t ON t."emulationYearId" = e."id" JOIN "CriteriaSection" s ON s."tableId" = t."id"
         LEFT JOIN "Criterion" c ON c."sectionId" = s."id" LEFT JOIN "ReportScore" rs ON rs."reportId" = r."id" AND rs."criterionId" = c."id"
         WHERE r."kind" = 'YEAR_END' GROUP BY r."id", s."id"
       ), tot AS (
         SELECT report_id, year_id, greatest(0, sum(CASE WHEN "kind" = 'PENALTY' THEN -counted ELSE counted END))::int AS total,
           max(CASE WHEN "kind" = 'SCORED' AND "position" = 1 THEN counted END) AS first
         FROM sec GROUP BY report_id, year_id
       ), ranked AS (
         SELECT report_id, total, rank() OVER (PARTITION BY year_id ORDER BY total DESC, first DESC)::int AS rk FROM tot
       )
       UPDATE "UnitReport" r SET "finalTotalHalf" = ranked.total, "finalRank" = ranked.rk FROM ranked WHERE r."id" = ranked.report_id`,
    );
    await client.query(
      `INSERT INTO "ScoringRound" ("id", "emulationYearId", "state", "scorersPerReport", "seed", "differencePercent", "tieBreak", "openedAt", "closedAt", "finalisedAt")
       SELECT gen_random_uuid(), e."id", (CASE WHEN e."phase" = 'CLOSED' THEN 'FINALISED' ELSE 'OPEN' END)::"ScoringRoundState", 2, e."year", 20, 'FIRST_SECTION',
         make_timestamptz(e."year", 11, 16, 9, 0, 0, 'Asia/Ho_Chi_Minh'),
         CASE WHEN e."phase" = 'CLOSED' THEN make_timestamptz(e."year", 11, 20, 9, 0, 0, 'Asia/Ho_Chi_Minh') END,
         CASE WHEN e."phase" = 'CLOSED' THEN make_timestamptz(e."year", 11, 21, 9, 0, 0, 'Asia/Ho_Chi_Minh') END
       FROM "EmulationYear" e`,
    );
    // Cross-scoring of the year in progress: each report scored by the next two units; some sheets pending.
    await timed(
      client,
      "cross assignments",
      `INSERT INTO "CrossAssignment" ("id", "roundId", "reportId", "scorerUnitId", "submittedAt", "submittedByName")
       SELECT gen_random_uuid(), sr."id", r."id", s.id, CASE WHEN (u.pos + k) % 4 = 0 THEN NULL ELSE now() END, 'Cán bộ chấm chéo'
       FROM "ScoringRound" sr JOIN "EmulationYear" e ON e."id" = sr."emulationYearId" AND e."phase" <> 'CLOSED'
       JOIN "UnitReport" r ON r."emulationYearId" = e."id" AND r."kind" = 'YEAR_END' AND r."status" <> 'DRAFT'
       JOIN gen_unit u ON u.id = r."unitId" CROSS JOIN generate_series(1, 2) k
       JOIN gen_unit s ON s.cluster_id = u.cluster_id AND s.pos = (u.pos + k) % u.members`,
    );

    // Unit registrations and collective results.
    await timed(
      client,
      "unit registrations",
      `INSERT INTO "UnitRegistration" ("id", "emulationYearId", "unitId", "targetTitleCode", "status", "submittedAt", "agreementSignedOn", "agreementSigner", "updatedAt")
       SELECT gen_random_uuid(), e."id", u.id, CASE WHEN u.pos < 2 THEN 'CO_BCA' ELSE 'DV_QUYET_THANG' END,
         (CASE WHEN e."year" = $1 AND u.pos = u.members - 1 THEN 'DRAFT' ELSE 'SUBMITTED' END)::"RegistrationStatus", make_timestamptz(e."year", 3, 20, 9, 0, 0, 'Asia/Ho_Chi_Minh'),
         CASE WHEN e."year" = $1 AND u.pos = u.members - 2 THEN NULL ELSE make_date(e."year", 1, 15) END, 'Thủ trưởng đơn vị', now()
       FROM "EmulationYear" e JOIN gen_unit u ON u.cluster_id = e."clusterId"`,
      [scale.lastYear],
    );
    await timed(
      client,
      "unit results",
      `INSERT INTO "UnitYearResult" ("id", "emulationYearId", "unitId", "awardedTitleCode", "proposedTitleCode", "decisionNo", "decisionDate", "decisionSigner", "updatedAt")
       SELECT gen_random_uuid(), r."emulationYearId", r."unitId",
         CASE WHEN r."finalRank" = 1 THEN 'CO_BCA' WHEN r."finalRank" <= 3 THEN 'DV_QUYET_THANG' ELSE 'DV_TIEN_TIEN' END,
         CASE WHEN r."finalRank" = 1 THEN 'CO_BCA' END, e."year" || '/QĐ-BCA-V2', make_date(e."year", 12, 25), 'Bộ trưởng Bộ Công an', now()
       FROM "UnitReport" r JOIN "EmulationYear" e ON e."id" = r."emulationYearId"
       WHERE r."kind" = 'YEAR_END' AND r."finalRank" IS NOT NULL`,
    );

    // Conference votes of the closed years: acclaim (ranks 1–2), chair and deputy for the next year;
    // every unit votes. The year in progress: an open acclaim round, half the units have voted.
    await client.query(`CREATE TEMP TABLE gen_round (id uuid PRIMARY KEY, year_id uuid, kind text, closed boolean)`);
    await client.query(
      `INSERT INTO gen_round SELECT gen_random_uuid(), e."id", k.kind, e."phase" = 'CLOSED'
       FROM "EmulationYear" e CROSS JOIN (VALUES ('ACCLAIM'), ('CHAIR_ELECTION'), ('DEPUTY_ELECTION')) k(kind)
       WHERE e."phase" = 'CLOSED' OR k.kind = 'ACCLAIM'`,
    );
    await client.query(
      `INSERT INTO "VoteRound" ("id", "emulationYearId", "kind", "title", "titleCode", "seats", "state", "passThreshold", "electorateSize", "openedAt", "closedAt")
       SELECT g.id, g.year_id, g.kind::"VoteRoundKind",
         CASE g.kind WHEN 'ACCLAIM' THEN 'Suy tôn Cờ thi đua của Bộ Công an năm ' || e."year" WHEN 'CHAIR_ELECTION' THEN 'Bầu Cụm trưởng năm ' || (e."year" + 1) ELSE 'Bầu Cụm phó năm ' || (e."year" + 1) END,
         CASE WHEN g.kind = 'ACCLAIM' THEN 'CO_BCA' END, 1, (CASE WHEN g.closed THEN 'CLOSED' ELSE 'OPEN' END)::"VoteRoundState", 'MORE_THAN_HALF',
         (SELECT count(*) FROM gen_unit u WHERE u.cluster_id = e."clusterId"), make_timestamptz(e."year", 11, 25, 9, 0, 0, 'Asia/Ho_Chi_Minh'),
         CASE WHEN g.closed THEN make_timestamptz(e."year", 11, 25, 11, 0, 0, 'Asia/Ho_Chi_Minh') END
       FROM gen_round g JOIN "EmulationYear" e ON e."id" = g.year_id`,
    );
    await client.query(
      `INSERT INTO "VoteCandidate" ("id", "roundId", "unitId", "position")
       SELECT gen_random_uuid(), g.id, u.id, row_number() OVER (PARTITION BY g.id ORDER BY u.pos)::int
       FROM gen_round g JOIN "EmulationYear" e ON e."id" = g.year_id JOIN gen_unit u ON u.cluster_id = e."clusterId"
       WHERE u.pos IN ((e."year" + 1) % u.members, (e."year" + 2) % u.members)`,
    );
    await client.query(
      `INSERT INTO "VoteParticipation" ("roundId", "unitId")
       SELECT g.id, u.id FROM gen_round g JOIN "EmulationYear" e ON e."id" = g.year_id JOIN gen_unit u ON u.cluster_id = e."clusterId"
       WHERE g.closed OR u.pos % 2 = 0`,
    );
    await client.query(`CREATE TEMP TABLE gen_ballot AS SELECT gen_random_uuid() AS id, p."roundId" AS round_id, row_number() OVER (PARTITION BY p."roundId") AS k
      FROM "VoteParticipation" p JOIN gen_round g ON g.id = p."roundId" AND g.closed`);
    await client.query(`INSERT INTO "Ballot" ("id", "roundId") SELECT id, round_id FROM gen_ballot`);
    await timed(
      client,
      "ballot choices",
      `INSERT INTO "BallotChoice" ("ballotId", "candidateId", "approve")
       SELECT b.id, c."id", CASE WHEN g.kind = 'ACCLAIM' THEN (c."position" = 1 OR b.k % 3 = 0) ELSE true END
       FROM gen_ballot b JOIN gen_round g ON g.id = b.round_id JOIN "VoteCandidate" c ON c."roundId" = b.round_id
       WHERE g.kind = 'ACCLAIM' OR c."position" = CASE WHEN b.k % 4 = 0 THEN 2 ELSE 1 END`,
    );

    // Accounts: an admin, a secretariat per cluster, a head per member unit (password BENCH_PASSWORD).
    const hash = await hashPassword(BENCH_PASSWORD);
    await client.query(
      `INSERT INTO "User" ("id", "username", "passwordHash", "displayName", "role", "clusterId", "unitId", "updatedAt")
       SELECT gen_random_uuid(), 'admin', $1, 'Quản trị hệ thống', 'ADMIN'::"Role", NULL::uuid, NULL::uuid, now()
       UNION ALL SELECT gen_random_uuid(), 'thuky.' || lower(c."code"), $1, 'Thư ký ' || c."name", 'SECRETARIAT', c."id", NULL, now() FROM "Cluster" c
       UNION ALL SELECT gen_random_uuid(), 'lanhdao.' || lower(u."code"), $1, 'Lãnh đạo ' || u."name", 'UNIT_HEAD', u."clusterId", u."id", now()
         FROM "Unit" u WHERE u."parentId" IS NULL`,
      [hash],
    );

    await client.query(`SET session_replication_role = origin`);
    for (const sql of SUMMARY_REBUILD_SQL) await timed(client, "summary tables", sql);
    const vacuum = performance.now();
    await client.query(`VACUUM (ANALYZE)`);
    log(`VACUUM ANALYZE: ${((performance.now() - vacuum) / 1000).toFixed(1)} s`);
    const { rows } = await client.query<{ relname: string; n: string; size: string }>(
      `SELECT relname, n_live_tup::text AS n, pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 8`,
    );
    for (const r of rows) log(`  ${r.relname.padEnd(22)} ${Number(r.n).toLocaleString("en-US").padStart(12)} rows  ${r.size}`);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s (${os.cpus().length} CPUs)`);
  } finally {
    await client.end();
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The scale from the command line (--officers, --clusters, --units, --years), full scale by default. */
export function scaleFromArgs(): MinistryScale {
  const num = (name: keyof MinistryScale) => Number(argValue(name) ?? FULL_SCALE[name]);
  return { clusters: num("clusters"), units: num("units"), officers: num("officers"), years: num("years"), lastYear: num("lastYear") };
}

export const benchDir = (scale: MinistryScale) =>
  argValue("dir") ?? path.join(os.tmpdir(), `sothidua-bench-${scale.officers}-${scale.units}-${scale.clusters}-${scale.years}`);

/** Rebuilds the summary tables of the overview pages from the rows, timing the backfill at this scale. */
export async function refreshSummaries(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of SUMMARY_REBUILD_SQL) await timed(client, "summary backfill", sql);
    await timed(client, "VACUUM ANALYZE", `VACUUM (ANALYZE)`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = scaleFromArgs();
  const db = await openBenchDatabase(benchDir(scale));
  try {
    if (await isGenerated(db.url)) {
      if (process.argv.includes("--refresh-summaries")) await refreshSummaries(db.url);
      else log("already generated: nothing to do (--refresh-summaries rebuilds the summary tables)");
    } else await generateMinistryData(db.url, scale);
    log(`DATABASE_URL=${db.url}`);
  } finally {
    await db.stop();
  }
}
