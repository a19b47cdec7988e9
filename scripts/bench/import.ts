// Benchmark of the Excel import: a workbook of 5,000 officers (sheet "Cán bộ") with a registration each
// (sheet "Đăng ký danh hiệu"), imported into a throwaway database by a unit officer, timed in three
// steps — reading the file (size, zip check, exceljs), validating the rows (pure), and the command
// (one transaction: database checks + writes + audit) — then the same file again (nothing changes),
// then 5,000 results (sheet "Kết quả", every awarded title checked by the rules engine).
// Last, the memory of the reading step (import-memory.ts, one process each): a zip bomb that lies about
// its sizes (220 KB, the sheet declares 4 KB, inflates to 200 MB) next to the normal 5,000-row file.
//   npx tsx scripts/bench/import.ts [officers=5000]
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openThrowawayDatabase } from "../lib/database";
import { migrateDeploy } from "../lib/migrate";

const N = Number(process.argv[2] ?? 5000);
const root = path.resolve(import.meta.dirname, "../..");
const TARGET_MS = 5000;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thu", "Ngọc", "Hữu"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Linh", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn"];
const RANKS = ["Thiếu úy", "Trung úy", "Thượng úy", "Đại úy", "Thiếu tá", "Trung tá"];

function name(i: number) {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / 10) % MIDDLE.length]} ${GIVEN[Math.floor(i / 80) % GIVEN.length]}`;
}

async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheetName);
    for (const row of rows) ws.addRow(row);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ms = (t: number) => `${t.toFixed(0)} ms`;

async function main() {
  const db = await openThrowawayDatabase("bench");
  try {
    migrateDeploy(root, db.url);
    process.env.DATABASE_URL = db.url;
    // Imported after DATABASE_URL is set: the Prisma client is created on first use.
    const { prisma } = await import("../../src/server/db");
    const { seedTitleCatalogue } = await import("../../src/server/seed/demo");
    const { readWorkbookBytes } = await import("../../src/server/excel/import");
    const { parseWorkbook } = await import("../../src/domain/excel-rows");
    const { executeCommand } = await import("../../src/server/commands/command");
    const { importWorkbook, loadImportContext } = await import("../../src/server/commands/results");
    const { DEFAULT_YEAR_SETTINGS } = await import("../../src/domain/year-settings");
    const { textSortKey } = await import("../../src/domain/vietnamese");

    await seedTitleCatalogue(prisma);
    const block = await prisma.block.create({ data: { code: "K-BENCH", name: "Khối thử" } });
    const cluster = await prisma.cluster.create({ data: { code: "C-BENCH", name: "Cụm thử", blockId: block.id } });
    const unit = await prisma.unit.create({ data: { clusterId: cluster.id, code: "BENCH", name: "Cục Thử nghiệm", sortKey: textSortKey("Cục Thử nghiệm") } });
    const subUnits = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => prisma.unit.create({ data: { clusterId: cluster.id, parentId: unit.id, code: `BENCH-P${i}`, name: `Phòng ${i}`, sortKey: textSortKey(`Phòng ${i}`) } })),
    );
    const year2022 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "REGISTRATION", settings: DEFAULT_YEAR_SETTINGS } });
    const year2021 = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS } });
    const user = await prisma.user.create({ data: { username: "bench", passwordHash: "-", displayName: "Cán bộ thử", role: "UNIT_OFFICER", clusterId: cluster.id, unitId: unit.id } });
    const actor = { userId: user.id, username: user.username, displayName: user.displayName, role: "UNIT_OFFICER" as const, clusterId: cluster.id, unitId: unit.id, chairOfClusterIds: [] };

    const cstdcsPlaces = Math.floor(N * 0.15);
    const officers: unknown[][] = [["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"]];
    const registrations: unknown[][] = [["Mã cán bộ", "Họ và tên", "Danh hiệu đăng ký"]];
    const results: unknown[][] = [["Mã cán bộ", "Họ và tên", "Xếp loại", "Danh hiệu được công nhận", "Số quyết định", "Ngày quyết định", "Người ký"]];
    for (let i = 1; i <= N; i++) {
      const code = `BENCH-${String(i).padStart(5, "0")}`;
      officers.push([code, name(i), RANKS[i % RANKS.length], i % 25 === 0 ? "Phó Trưởng phòng" : "Cán bộ", subUnits[i % 5]!.name]);
      registrations.push([code, name(i), i <= cstdcsPlaces ? "CSTĐCS" : "CST"]);
      const good = i % 10 !== 0;
      results.push([code, null, good ? "Hoàn thành tốt nhiệm vụ" : "Hoàn thành nhiệm vụ", good ? "CST" : null, good ? "1201/QĐ-BENCH" : null, good ? "20/12/2021" : null, good ? "Cục trưởng" : null]);
    }

    const run = async (label: string, bytes: Uint8Array, yearId: string) => {
      const t0 = performance.now();
      const read = await readWorkbookBytes(bytes, "bench.xlsx");
      const t1 = performance.now();
      if (!read.ok) throw new Error(read.message);
      const loaded = await loadImportContext(prisma, unit.id, yearId, new Date());
      const parsed = parseWorkbook(read.sheets, loaded!.context);
      const t2 = performance.now();
      if (parsed.errors.length) throw new Error(`${parsed.errors.length} lỗi: ${parsed.errors[0]!.message}`);
      const result = await executeCommand(importWorkbook, actor, {
        yearId,
        fileName: read.fileName,
        officers: parsed.officers,
        registrations: parsed.registrations,
        results: parsed.results,
      });
      const t3 = performance.now();
      if (!result.ok) throw new Error(result.message);
      const rows = parsed.officers.length + parsed.registrations.length + parsed.results.length;
      const total = t3 - t0;
      console.log(
        `${label}: ${rows.toLocaleString("vi-VN")} dòng, tệp ${(bytes.byteLength / 1024).toFixed(0)} KB — đọc tệp ${ms(t1 - t0)}, kiểm tra dòng ${ms(t2 - t1)}, ` +
          `ghi (1 giao dịch) ${ms(t3 - t2)}; tổng ${ms(total)} ${total < TARGET_MS ? "(đạt < 5 s)" : "(CHẬM: ≥ 5 s)"}. ${result.message}`,
      );
      return total;
    };

    const fileA = await workbook({ "Cán bộ": officers, "Đăng ký danh hiệu": registrations });
    const officersOnly = await workbook({ "Cán bộ": officers });
    const fileC = await workbook({ "Kết quả": results });
    console.log(`Máy: ${os.cpus().length} nhân, tải 1 phút ${os.loadavg()[0]!.toFixed(2)}; Postgres ${db.embedded ? "nhúng (thư mục tạm)" : "từ DATABASE_URL"}.`);
    await run(`1. ${N} cán bộ + ${N} đăng ký (mới)`, fileA, year2022.id);
    await run("2. Nhập lại đúng tệp đó (không thay đổi)", fileA, year2022.id);
    await run(`3. Chỉ trang Cán bộ, ${N} dòng (không thay đổi)`, officersOnly, year2022.id);
    await run(`4. ${N} kết quả (mỗi danh hiệu qua bộ quy tắc)`, fileC, year2021.id);

    // 5. Memory of reading a file: a lying zip bomb vs the normal file, each in a fresh process.
    const { lyingXlsx, MB } = await import("../../tests/integration/lying-zip");
    const dir = mkdtempSync(path.join(os.tmpdir(), "sothidua-import-mem-"));
    const files: [string, Uint8Array][] = [
      ["Tệp bom nén (khai 4 KB, giải nén 200 MB)", await lyingXlsx(200 * MB, 4096)],
      [`Tệp bình thường (${N} cán bộ + ${N} đăng ký)`, fileA],
    ];
    for (const [label, bytes] of files) {
      const file = path.join(dir, `${files.findIndex(([l]) => l === label)}.xlsx`);
      writeFileSync(file, bytes);
      const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(import.meta.dirname, "import-memory.ts"), file], { cwd: root, encoding: "utf8" });
      const out = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !out.startsWith("{")) throw new Error(`import-memory.ts: ${child.stderr}`);
      const m = JSON.parse(out) as { ms: number; peakRssGrowthMb: number; peakHeapGrowthMb: number; outcome: string };
      console.log(
        `5. ${label}, ${(bytes.byteLength / 1024).toFixed(0)} KB: đọc ${ms(m.ms)}, RSS đỉnh +${m.peakRssGrowthMb.toFixed(1)} MB, ` +
          `heap + bộ đệm đỉnh +${m.peakHeapGrowthMb.toFixed(1)} MB — ${m.outcome}`,
      );
    }
    await prisma.$disconnect();
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
