// The demo data (docs/domain.md §1): Cụm thi đua số 2 – Khối các đơn vị thuộc Bộ trưởng, its five member
// units with sub-units and fictional officers, the closed year 2021 (chair: Cục An ninh mạng…) and the
// year 2022 open for registration (chair: Cục Kỹ thuật nghiệp vụ, elected at the 19/11/2021
// conference), the title catalogue, and one account per role. Deterministic: the same content on every
// run (database ids and creation times aside). All in one transaction: a failed seed leaves nothing.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { DEFAULT_YEAR_SETTINGS, yearSettingsSchema, type YearSettings } from "@/domain/year-settings";
import { nameSortKey, searchKey, textSortKey } from "@/domain/vietnamese";
import { hashPassword } from "@/server/auth/password";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import { generateUnitOfficers, type FixedOfficer, type GeneratedOfficer, type SubUnitKind } from "./names";
import { seedConference2021 } from "./conference-2021";
import { seedCriteria } from "./criteria-2022";
import { seedDossier2021 } from "./dossier-2021";
import { seedHistory } from "./history";
import { seedRegistrations2022 } from "./registrations-2022";

/** The seed of every random choice in the demo data; change it and every name changes. */
export const DEMO_SEED = 20211119;
export const DEMO_PASSWORD = "ThiDua@2022";

export const DEMO_BLOCK = { code: "KHOI-BT", name: "Khối các đơn vị thuộc Bộ trưởng" } as const;
export const DEMO_CLUSTER = { code: "CUM-2", name: "Cụm thi đua số 2" } as const;

type SubUnitDef = { code: string; name: string; kind: SubUnitKind };
type MemberUnitDef = {
  code: string;
  name: string;
  leadership: "DEPARTMENT" | "COMMAND";
  subUnits: SubUnitDef[];
  /** People behind the demo accounts, placed in the officer list by hand. */
  fixed?: FixedOfficer[];
};

const staff = (unit: string, code: string, name: string): SubUnitDef => ({ code: `${unit}-${code}`, name, kind: "STAFF" });
const division = (unit: string, code: string, name: string): SubUnitDef => ({ code: `${unit}-${code}`, name, kind: "DIVISION" });
const team = (unit: string, code: string, name: string): SubUnitDef => ({ code: `${unit}-${code}`, name, kind: "TEAM" });
const regiment = (unit: string, code: string, name: string): SubUnitDef => ({ code: `${unit}-${code}`, name, kind: "REGIMENT" });

/** The five member units, in the order of the 2021 conference report. */
export const DEMO_UNITS: MemberUnitDef[] = [
  {
    code: "ANM",
    name: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
    leadership: "DEPARTMENT",
    subUnits: [
      staff("ANM", "TM", "Phòng Tham mưu"),
      staff("ANM", "XDLL", "Phòng Xây dựng lực lượng"),
      division("ANM", "P1", "Phòng 1"),
      division("ANM", "P2", "Phòng 2"),
      division("ANM", "P3", "Phòng 3"),
      division("ANM", "P4", "Phòng 4"),
      division("ANM", "P5", "Phòng 5"),
    ],
    fixed: [{ fullName: "Lê Hoàng Nam", gender: "M", rank: "Đại úy", position: "Cán bộ", subUnitCode: "ANM-TM" }],
  },
  {
    code: "KTNV",
    name: "Cục Kỹ thuật nghiệp vụ",
    leadership: "DEPARTMENT",
    subUnits: [
      staff("KTNV", "TM", "Phòng Tham mưu"),
      staff("KTNV", "HC", "Phòng Hậu cần"),
      division("KTNV", "P1", "Phòng 1"),
      division("KTNV", "P2", "Phòng 2"),
      division("KTNV", "P3", "Phòng 3"),
      division("KTNV", "P4", "Phòng 4"),
    ],
    fixed: [
      { fullName: "Hoàng Văn Khải", gender: "M", rank: "Thiếu tướng", position: "Cục trưởng", subUnitCode: "KTNV-TM" },
      { fullName: "Nguyễn Thị Mai Anh", gender: "F", rank: "Thượng úy", position: "Cán bộ", subUnitCode: "KTNV-TM" },
      // The chair unit's staff keeps the cluster's secretariat in 2022.
      { fullName: "Trần Thu Hà", gender: "F", rank: "Thiếu tá", position: "Cán bộ", subUnitCode: "KTNV-TM" },
    ],
  },
  {
    code: "NT",
    name: "Cục Ngoại tuyến",
    leadership: "DEPARTMENT",
    subUnits: [
      staff("NT", "TM", "Phòng Tham mưu"),
      division("NT", "P1", "Phòng 1"),
      division("NT", "P2", "Phòng 2"),
      division("NT", "P3", "Phòng 3"),
      team("NT", "D1", "Đội Trinh sát cơ động"),
    ],
  },
  {
    code: "QLXNC",
    name: "Cục Quản lý xuất nhập cảnh",
    leadership: "DEPARTMENT",
    subUnits: [
      staff("QLXNC", "TM", "Phòng Tham mưu"),
      division("QLXNC", "CD", "Phòng Quản lý xuất nhập cảnh của công dân Việt Nam"),
      division("QLXNC", "NN", "Phòng Quản lý người nước ngoài"),
      division("QLXNC", "HS", "Phòng Lưu trữ hồ sơ xuất nhập cảnh"),
      division("QLXNC", "PN", "Phòng Quản lý xuất nhập cảnh khu vực phía Nam"),
      team("QLXNC", "D1", "Đội Cấp hộ chiếu"),
    ],
    fixed: [{ fullName: "Phan Thanh Bình", gender: "M", rank: "Thiếu tướng", position: "Cục trưởng", subUnitCode: "QLXNC-TM" }],
  },
  {
    code: "BTLCV",
    name: "Bộ Tư lệnh Cảnh vệ",
    leadership: "COMMAND",
    subUnits: [
      staff("BTLCV", "TM", "Phòng Tham mưu"),
      staff("BTLCV", "CT", "Phòng Công tác đảng và công tác chính trị"),
      staff("BTLCV", "HCKT", "Phòng Hậu cần - Kỹ thuật"),
      division("BTLCV", "P1", "Phòng Cảnh vệ 1"),
      regiment("BTLCV", "TD1", "Trung đoàn Cảnh vệ 1"),
      regiment("BTLCV", "TD2", "Trung đoàn Cảnh vệ 2"),
    ],
  },
];

export type DemoAccount = {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  /** Member unit (short code) for unit users; they also get the unit's cluster. */
  unitCode?: string;
  /** Cluster for the secretariat. */
  clusterCode?: string;
  /** What the account sees, for the README and the login page hint. */
  sees: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: "admin",
    password: DEMO_PASSWORD,
    role: "ADMIN",
    displayName: "Quản trị hệ thống",
    sees: "Toàn hệ thống: khối, cụm, đơn vị, tài khoản, danh mục danh hiệu và nhật ký thao tác.",
  },
  {
    username: "thuky.cum2",
    password: DEMO_PASSWORD,
    role: "SECRETARIAT",
    displayName: "Đ/c Trần Thu Hà – Thư ký Cụm 2",
    clusterCode: DEMO_CLUSTER.code,
    sees: "Toàn bộ Cụm thi đua số 2: năm 2021 (đã khóa sổ), năm 2022 (đang đăng ký), dữ liệu của cả 5 đơn vị, bảng xếp hạng và nhật ký của Cụm.",
  },
  {
    username: "canbo.anm",
    password: DEMO_PASSWORD,
    role: "UNIT_OFFICER",
    displayName: "Đ/c Lê Hoàng Nam – Cán bộ thi đua, Cục An ninh mạng và PCTP sử dụng CNC",
    unitCode: "ANM",
    sees: "Chỉ đơn vị mình (Cục An ninh mạng và PCTP sử dụng CNC): danh sách cán bộ, đăng ký danh hiệu, dự thảo báo cáo.",
  },
  {
    username: "canbo.ktnv",
    password: DEMO_PASSWORD,
    role: "UNIT_OFFICER",
    displayName: "Đ/c Nguyễn Thị Mai Anh – Cán bộ thi đua, Cục Kỹ thuật nghiệp vụ",
    unitCode: "KTNV",
    sees: "Chỉ đơn vị mình (Cục Kỹ thuật nghiệp vụ): danh sách cán bộ, đăng ký danh hiệu, dự thảo báo cáo.",
  },
  {
    username: "lanhdao.ktnv",
    password: DEMO_PASSWORD,
    role: "UNIT_HEAD",
    displayName: "Đ/c Hoàng Văn Khải – Cục trưởng Cục Kỹ thuật nghiệp vụ",
    unitCode: "KTNV",
    sees: "Đơn vị mình (duyệt báo cáo, là đại biểu bỏ phiếu) và, vì Cục Kỹ thuật nghiệp vụ là Cụm trưởng năm 2022, bảng xếp hạng và tổng quan của Cụm.",
  },
  {
    username: "lanhdao.qlxnc",
    password: DEMO_PASSWORD,
    role: "UNIT_HEAD",
    displayName: "Đ/c Phan Thanh Bình – Cục trưởng Cục Quản lý xuất nhập cảnh",
    unitCode: "QLXNC",
    sees: "Chỉ đơn vị mình (Cục Quản lý xuất nhập cảnh): duyệt báo cáo, là đại biểu bỏ phiếu; không thấy tổng quan Cụm (không phải Cụm trưởng).",
  },
  {
    username: "vanphong.bo",
    password: DEMO_PASSWORD,
    role: "MINISTRY",
    displayName: "Đ/c Vũ Minh Đức – Thường trực Hội đồng Thi đua – Khen thưởng Bộ",
    sees: "Hồ sơ đề nghị khen thưởng của mọi cụm khi đã gửi Bộ: trả lại hoặc tiếp nhận, ghi quyết định khen thưởng, thu hồi.",
  },
];

type Years = { year: number; phase: "CLOSED" | "REGISTRATION"; chair: string; deputy: string; settings: YearSettings; closedAt: Date | null }[];

const DEMO_YEARS: Years = [
  {
    year: 2021,
    phase: "CLOSED",
    chair: "ANM",
    deputy: "QLXNC",
    settings: yearSettingsSchema.parse({
      ...DEFAULT_YEAR_SETTINGS,
      registrationDeadline: "2021-03-31",
      reportDeadline: "2021-11-05",
      conferenceDate: "2021-11-19",
    }),
    // Midday in Hà Nội, so the date reads 31/12/2021 in any time zone of interest.
    closedAt: new Date("2021-12-31T12:00:00+07:00"),
  },
  {
    year: 2022,
    phase: "REGISTRATION",
    chair: "KTNV",
    deputy: "NT",
    settings: yearSettingsSchema.parse({ ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2022-03-31", reportDeadline: "2022-11-15" }),
    closedAt: null,
  },
];

const MOVEMENT = "Vì An ninh Tổ quốc";

/** True when the database has no users yet (a fresh install): the seed CLI only seeds then. */
export async function isDatabaseEmpty(prisma: Pick<PrismaClient, "user">): Promise<boolean> {
  return (await prisma.user.count()) === 0;
}

/**
 * Adds the titles of docs/domain.md §3 that are missing (by code). Titles already present are left as they
 * are, so that an admin's edits survive; safe to run any number of times.
 */
export async function seedTitleCatalogue(db: Pick<Tx, "titleDefinition">): Promise<number> {
  let created = 0;
  for (const title of TITLE_CATALOGUE) {
    const before = await db.titleDefinition.findUnique({ where: { code: title.code }, select: { id: true } });
    await db.titleDefinition.upsert({ where: { code: title.code }, create: { ...title }, update: {} });
    if (!before) created++;
  }
  return created;
}

/** Everything that does not touch the database: units, officers, settings (pure and deterministic). */
export function buildDemoOfficers(): Map<string, GeneratedOfficer[]> {
  return new Map(
    DEMO_UNITS.map((unit) => [
      unit.code,
      generateUnitOfficers({ unitCode: unit.code, subUnits: unit.subUnits, leadership: unit.leadership, seed: DEMO_SEED, fixed: unit.fixed }),
    ]),
  );
}

const fmt = (n: number) => n.toLocaleString("vi-VN");

/** Seeds the demo cluster into a database that does not have it yet; throws (and writes nothing) otherwise. */
export async function seedDemoData(prisma: PrismaClient): Promise<{ summary: string }> {
  const officersByUnit = buildDemoOfficers();
  // argon2 is slow on purpose: hash before the transaction, one salt per account.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((account) => hashPassword(account.password)));

  const counts = await prisma.$transaction(
    async (tx) => {
      if (await tx.cluster.findUnique({ where: { code: DEMO_CLUSTER.code }, select: { id: true } })) {
        throw new Error(`The demo cluster ${DEMO_CLUSTER.code} already exists: nothing seeded.`);
      }
      // The seed writes the history of a year it creates already closed (2021): for the database's
      // closed-year guard this transaction is an amendment.
      await allowClosedYearWrites(tx);
      const titlesCreated = await seedTitleCatalogue(tx);

      const block = await tx.block.create({ data: { ...DEMO_BLOCK } });
      const cluster = await tx.cluster.create({ data: { ...DEMO_CLUSTER, blockId: block.id } });

      const members = await tx.unit.createManyAndReturn({
        data: DEMO_UNITS.map((u) => ({ clusterId: cluster.id, code: u.code, name: u.name, sortKey: textSortKey(u.name) })),
        select: { id: true, code: true },
      });
      const unitId = new Map(members.map((u) => [u.code, u.id]));
      const idOf = (code: string) => {
        const id = unitId.get(code);
        if (!id) throw new Error(`Unknown unit ${code}`);
        return id;
      };

      const subUnits = await tx.unit.createManyAndReturn({
        data: DEMO_UNITS.flatMap((u) =>
          u.subUnits.map((s) => ({ clusterId: cluster.id, parentId: idOf(u.code), code: s.code, name: s.name, sortKey: textSortKey(s.name) })),
        ),
        select: { id: true, code: true },
      });
      for (const s of subUnits) unitId.set(s.code, s.id);

      const officerRows = DEMO_UNITS.flatMap((u) =>
        (officersByUnit.get(u.code) ?? []).map((o) => ({
          unitId: idOf(u.code),
          subUnitId: idOf(o.subUnitCode),
          code: o.code,
          fullName: o.fullName,
          searchName: searchKey(o.fullName),
          sortKey: nameSortKey(o.fullName),
          rank: o.rank,
          position: o.position,
        })),
      );
      const officers = await tx.officer.createMany({ data: officerRows });

      const yearIds = new Map<number, string>();
      for (const y of DEMO_YEARS) {
        const created = await tx.emulationYear.create({
          data: {
            clusterId: cluster.id,
            year: y.year,
            phase: y.phase,
            movement: MOVEMENT,
            chairUnitId: idOf(y.chair),
            deputyUnitId: idOf(y.deputy),
            settings: y.settings,
            closedAt: y.closedAt,
          },
        });
        yearIds.set(y.year, created.id);
      }
      const year2021Id = yearIds.get(2021)!;
      const year2022Id = yearIds.get(2022)!;
      const unitIds = Object.fromEntries(DEMO_UNITS.map((u) => [u.code, idOf(u.code)]));

      // The years' story (docs/domain.md §1): officers' 2019–2021 history, the criteria tables with 2021's
      // scored reports, the 2021 conference, then 2022's
      // registrations, which the engine checks against that history (so they come last).
      await seedHistory(tx, { clusterId: cluster.id, year2021Id, unitIds });
      await seedCriteria(tx, { year2021Id, year2022Id, unitIds });
      await seedConference2021(tx, { year2021Id, year2022Id, unitIds });
      await seedDossier2021(tx, { year2021Id, unitIds });
      await seedRegistrations2022(tx, { yearId: year2022Id, unitIds });

      const users = await tx.user.createMany({
        data: DEMO_ACCOUNTS.map((a, i) => ({
          username: a.username,
          passwordHash: hashes[i]!,
          displayName: a.displayName,
          role: a.role,
          clusterId: a.unitCode || a.clusterCode === DEMO_CLUSTER.code ? cluster.id : null,
          unitId: a.unitCode ? idOf(a.unitCode) : null,
        })),
      });

      const result = {
        blocks: 1,
        clusters: 1,
        units: members.length,
        subUnits: subUnits.length,
        officers: officers.count,
        years: DEMO_YEARS.length,
        titles: TITLE_CATALOGUE.length,
        titlesCreated,
        users: users.count,
        officersByUnit: Object.fromEntries(DEMO_UNITS.map((u) => [u.code, officersByUnit.get(u.code)?.length ?? 0])),
      };
      await tx.auditLog.create({
        data: {
          actorName: "Hệ thống",
          action: "seed.demo",
          entityType: "System",
          entityId: null,
          clusterId: cluster.id,
          after: { seed: DEMO_SEED, block: DEMO_BLOCK.code, cluster: DEMO_CLUSTER.code, ...result },
        },
      });
      return result;
    },
    { maxWait: 10_000, timeout: 120_000 },
  );

  const perUnit = DEMO_UNITS.map((u) => `${u.code} ${fmt(counts.officersByUnit[u.code] ?? 0)}`).join(", ");
  return {
    summary:
      `Đã tạo dữ liệu mẫu: ${DEMO_BLOCK.name} / ${DEMO_CLUSTER.name}; ${counts.units} đơn vị, ` +
      `${counts.subUnits} đơn vị trực thuộc, ${fmt(counts.officers)} cán bộ (${perUnit}); ` +
      `năm thi đua 2021 (đã khóa sổ, Cụm trưởng ANM) và 2022 (đang đăng ký, Cụm trưởng KTNV); ` +
      `${counts.titles} danh hiệu (${counts.titlesCreated} mới); ${counts.users} tài khoản.`,
  };
}
