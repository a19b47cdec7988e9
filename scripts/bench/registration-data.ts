// The registration benchmarks' data (registration.ts in-process, registration-http.ts through the
// server): one unit of `officers` officers (5,000 by default) in 20 sub-units with ten years of
// history (ratings, awarded titles, initiatives, some discipline), in a cluster of ten units (the other
// nine of 300 officers), an emulation year in its registration phase (deadline far ahead), 95% of the
// big unit registered (CSTĐCS within the quota) and the other units fully registered; a unit officer of
// the big unit and the cluster's secretariat. Deterministic (seeded PRNG). Only ever run against a
// throwaway database whose DATABASE_URL is set before this module's database code is first used.
import { performance } from "node:perf_hooks";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { mulberry32 } from "../../src/server/seed/names";

export const HISTORY_YEARS = 10;
const OTHER_UNITS = 9;
const OTHER_UNIT_SIZE = 300;

function pick<T>(random: () => number, weighted: readonly [T, number][]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[weighted.length - 1]![0];
}
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export type RegistrationBenchData = {
  clusterId: string;
  unitId: string;
  yearId: string;
  year: number;
  /** The big unit's officers, in creation order. */
  bigOfficers: { id: string }[];
  officerUserId: string;
  secretariatUserId: string;
  /** One line (Vietnamese) saying what was generated and how long it took. */
  summary: string;
};

export async function seedRegistrationBench(prisma: PrismaClient, options: { officers: number; year: number }): Promise<RegistrationBenchData> {
  const { officers: OFFICERS, year: YEAR } = options;
  const { nameSortKey, searchKey, textSortKey } = await import("../../src/domain/vietnamese");
  const { DEFAULT_YEAR_SETTINGS } = await import("../../src/domain/year-settings");
  const { seedTitleCatalogue } = await import("../../src/server/seed/demo");
  const seedStart = performance.now();
  const random = mulberry32(20211119);
  await seedTitleCatalogue(prisma);
  const block = await prisma.block.create({ data: { code: "BENCH", name: "Khối thử tải" } });
  const cluster = await prisma.cluster.create({ data: { code: "BENCH-1", name: "Cụm thử tải", blockId: block.id } });
  const unitName = "Công an tỉnh Thử tải";
  const unit = await prisma.unit.create({ data: { clusterId: cluster.id, code: "BIG", name: unitName, sortKey: textSortKey(unitName) } });
  const subUnits = await prisma.unit.createManyAndReturn({
    data: Array.from({ length: 20 }, (_, i) => ({ clusterId: cluster.id, parentId: unit.id, code: `BIG-P${i + 1}`, name: `Phòng ${i + 1}`, sortKey: textSortKey(`Phòng ${i + 1}`) })),
    select: { id: true },
  });
  const others = await prisma.unit.createManyAndReturn({
    data: Array.from({ length: OTHER_UNITS }, (_, i) => ({ clusterId: cluster.id, code: `U${i + 1}`, name: `Đơn vị ${i + 1}`, sortKey: textSortKey(`Đơn vị ${i + 1}`) })),
    select: { id: true },
  });
  const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"];
  const MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Ngọc", "Hữu"];
  const GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến"];
  const officerRows = (unitId: string, prefix: string, n: number, subs: { id: string }[]) =>
    Array.from({ length: n }, (_, i) => {
      const fullName = `${FAMILY[Math.floor(random() * FAMILY.length)]} ${MIDDLE[Math.floor(random() * MIDDLE.length)]} ${GIVEN[Math.floor(random() * GIVEN.length)]}`;
      return {
        unitId,
        subUnitId: subs.length ? subs[i % subs.length]!.id : null,
        code: `${prefix}-${pad(i, 5)}`,
        fullName,
        searchName: searchKey(fullName),
        sortKey: nameSortKey(fullName),
        rank: "Đại úy",
        position: "Cán bộ",
      };
    });
  // Inserts in chunks below Postgres' 32,767 bind parameters per statement.
  const bigRows = officerRows(unit.id, "BIG", OFFICERS, subUnits);
  const bigOfficers: { id: string }[] = [];
  for (let i = 0; i < bigRows.length; i += 2000) {
    bigOfficers.push(...(await prisma.officer.createManyAndReturn({ data: bigRows.slice(i, i + 2000), select: { id: true } })));
  }
  const otherOfficers: { unitId: string; id: string }[] = [];
  for (const [k, u] of others.entries()) {
    const created = await prisma.officer.createManyAndReturn({ data: officerRows(u.id, `U${k + 1}`, OTHER_UNIT_SIZE, []), select: { id: true, unitId: true } });
    otherOfficers.push(...created);
  }

  // History: ten years per officer of the big unit (a few years missing), initiatives, some discipline.
  type YearRow = { officerId: string; year: number; rating: "EXCELLENT" | "GOOD" | "COMPLETE" | "INCOMPLETE"; awardedTitleCode: string | null };
  const years: YearRow[] = [];
  const initiatives: { officerId: string; year: number; level: "BASE" | "MINISTRY" | "NATIONAL"; title: string }[] = [];
  const disciplines: { officerId: string; form: "KHIEN_TRACH" | "CANH_CAO" | "HA_BAC_LUONG"; status: "PENDING" | "IN_FORCE"; fromDate: Date; toDate: Date | null }[] = [];
  for (const [i, o] of bigOfficers.entries()) {
    let streak = 0;
    for (let y = YEAR - HISTORY_YEARS; y < YEAR; y++) {
      if (random() < 0.03) continue;
      const rating = pick(random, [["EXCELLENT", 15], ["GOOD", 60], ["COMPLETE", 22], ["INCOMPLETE", 3]] as const);
      let title: string | null = null;
      if (rating === "GOOD" || rating === "EXCELLENT") {
        title = random() < 0.2 ? "CSTDCS" : "CST";
        streak = title === "CSTDCS" ? streak + 1 : 0;
        if (streak === 3 && random() < 0.5) {
          title = "CSTD_CAND";
          streak = 0;
        }
      } else streak = 0;
      years.push({ officerId: o.id, year: y, rating, awardedTitleCode: title });
      if (random() < 0.25) {
        initiatives.push({ officerId: o.id, year: y, level: pick(random, [["BASE", 80], ["MINISTRY", 17], ["NATIONAL", 3]] as const), title: `Sáng kiến ${i}/${y}` });
      }
    }
    if (random() < 0.04) {
      const y = YEAR - Math.floor(random() * 3);
      const m = 1 + Math.floor(random() * 12);
      const status = random() < 0.2 ? "PENDING" : "IN_FORCE";
      disciplines.push({
        officerId: o.id,
        form: pick(random, [["KHIEN_TRACH", 60], ["CANH_CAO", 30], ["HA_BAC_LUONG", 10]] as const),
        status,
        fromDate: new Date(`${y}-${pad(m)}-01T00:00:00Z`),
        toDate: status === "PENDING" ? null : new Date(`${y + 1}-${pad(m)}-01T00:00:00Z`),
      });
    }
  }
  for (let i = 0; i < years.length; i += 5000) await prisma.officerYearResult.createMany({ data: years.slice(i, i + 5000) });
  for (let i = 0; i < initiatives.length; i += 5000) await prisma.initiative.createMany({ data: initiatives.slice(i, i + 5000) });
  await prisma.discipline.createMany({ data: disciplines });

  const year = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: YEAR, phase: "REGISTRATION", settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2099-12-31" } },
  });
  // Registrations: 95% of the big unit, CSTĐCS within the quota; the other units fully registered as CST.
  const registered = bigOfficers.filter(() => random() < 0.95);
  const places = Math.floor((registered.length * 15) / 100) - 10;
  const registrations = [
    ...registered.map((o, i) => ({ emulationYearId: year.id, unitId: unit.id, officerId: o.id, titleCode: i < places ? "CSTDCS" : "CST" })),
    ...otherOfficers.map((o) => ({ emulationYearId: year.id, unitId: o.unitId, officerId: o.id, titleCode: "CST" })),
  ];
  for (let i = 0; i < registrations.length; i += 5000) await prisma.officerRegistration.createMany({ data: registrations.slice(i, i + 5000) });
  await prisma.$executeRawUnsafe("ANALYZE");
  const user = await prisma.user.create({ data: { username: "bench.officer", passwordHash: "-", displayName: "Cán bộ thử tải", role: "UNIT_OFFICER", clusterId: cluster.id, unitId: unit.id } });
  const sec = await prisma.user.create({ data: { username: "bench.secretariat", passwordHash: "-", displayName: "Thư ký thử tải", role: "SECRETARIAT", clusterId: cluster.id } });
  const summary =
    `Dữ liệu: đơn vị ${OFFICERS.toLocaleString("vi-VN")} cán bộ × ${HISTORY_YEARS} năm (${years.length.toLocaleString("vi-VN")} bản ghi năm, ` +
    `${initiatives.length.toLocaleString("vi-VN")} sáng kiến, ${disciplines.length} kỷ luật), ${registered.length.toLocaleString("vi-VN")} đăng ký; ` +
    `cụm ${OTHER_UNITS + 1} đơn vị (${(OFFICERS + OTHER_UNITS * OTHER_UNIT_SIZE).toLocaleString("vi-VN")} cán bộ). Tạo trong ${((performance.now() - seedStart) / 1000).toFixed(1)} s.`;
  return { clusterId: cluster.id, unitId: unit.id, yearId: year.id, year: YEAR, bigOfficers, officerUserId: user.id, secretariatUserId: sec.id, summary };
}
