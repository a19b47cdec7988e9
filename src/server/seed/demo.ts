// The demo data (docs/domain.md §1): Cụm thi đua số 2 – Khối các đơn vị thuộc Bộ trưởng, its five member
// units with sub-units and fictional officers, and its years up to today:
// - 2021, the story of the news report (closed; chair Cục An ninh mạng…; the 19/11/2021 conference
//   elected Cục Kỹ thuật nghiệp vụ chair for 2022): history.ts, criteria-2022.ts, conference-2021.ts;
// - every year from 2022 to the year before the current one, generated and closed, the chair
//   rotating by the rotation rule: later-years.ts (officer-years.ts, year-reports.ts);
// - the current year (the one containing today, appNow()) open in registration, its deadlines
//   computed from today: open-year.ts, with the dates of calendar.ts;
// the title catalogue, and the demo accounts: admin, the secretariat, and a unit officer and a unit
// head for every member unit. Deterministic for a given day: the same content on every run (database
// ids and creation times aside). All in one transaction: a failed seed leaves nothing.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/domain/permissions";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { DEFAULT_YEAR_SETTINGS, yearSettingsSchema, type YearSettings } from "@/domain/year-settings";
import { nameSortKey, searchKey, textSortKey } from "@/domain/vietnamese";
import { eligibilitySettingsOf } from "@/domain/year-settings";
import { hashPassword } from "@/server/auth/password";
import { appNow } from "@/server/clock";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import {
  closedYearDeadlines,
  DEMO_UNIT_CODES,
  demoCurrentYearPlan,
  demoLeadership,
  displayDay,
  generatedClosedYears,
  STORY_YEAR,
  vietnamDay,
  type CurrentYearPlan,
  type DemoUnitCode,
} from "./calendar";
import { generateUnitOfficers, type FixedOfficer, type GeneratedOfficer, type SubUnitKind } from "./names";
import { seedConference2021 } from "./conference-2021";
import { seedCriteria } from "./criteria-2022";
import { seedDossier2021 } from "./dossier-2021";
import { seedHistory } from "./history";
import { seedClosedYear, type ClosedYearSummary } from "./later-years";
import { loadWorld } from "./officer-years";
import { seedOpenYear } from "./open-year";
import { seedSubUnitTitles } from "./sub-units";

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
  unitCode?: DemoUnitCode;
  /** Cluster for the secretariat. */
  clusterCode?: string;
  /** The officer behind the account (a demo officer's code), for unit users and the secretariat. */
  officerCode?: string;
  /** What the account sees, for the README and the printed logins (demoAccounts() says it for today). */
  sees: string;
};

const SHORT_NAMES: Record<DemoUnitCode, string> = {
  ANM: "Cục An ninh mạng và PCTP sử dụng CNC",
  KTNV: "Cục Kỹ thuật nghiệp vụ",
  NT: "Cục Ngoại tuyến",
  QLXNC: "Cục Quản lý xuất nhập cảnh",
  BTLCV: "Bộ Tư lệnh Cảnh vệ",
};

const OFFICER_SEES = (unit: DemoUnitCode) => `Chỉ đơn vị mình (${SHORT_NAMES[unit]}): danh sách cán bộ, đăng ký danh hiệu, dự thảo báo cáo, phiếu chấm chéo.`;
const HEAD_SEES = (unit: DemoUnitCode) =>
  `Đơn vị mình (${SHORT_NAMES[unit]}): duyệt và gửi báo cáo, là đại biểu bỏ phiếu của đơn vị tại hội nghị; tổng quan Cụm (xếp hạng, danh hiệu, kết quả hội nghị); khi đơn vị là Cụm trưởng năm hiện tại, thêm việc theo dõi Cụm và các cụm trong khối (chỉ xem).`;

const officerAccount = (unit: DemoUnitCode, officerCode: string, name: string): DemoAccount => ({
  username: `canbo.${unit.toLowerCase()}`,
  password: DEMO_PASSWORD,
  role: "UNIT_OFFICER",
  displayName: `Đ/c ${name} – Cán bộ thi đua, ${SHORT_NAMES[unit]}`,
  unitCode: unit,
  officerCode,
  sees: OFFICER_SEES(unit),
});
const headAccount = (unit: DemoUnitCode, officerCode: string, name: string): DemoAccount => ({
  username: `lanhdao.${unit.toLowerCase()}`,
  password: DEMO_PASSWORD,
  role: "UNIT_HEAD",
  displayName: `Đ/c ${name} – ${unit === "BTLCV" ? "Tư lệnh" : "Cục trưởng"} ${unit === "ANM" ? "Cục An ninh mạng và PCTP sử dụng CNC" : SHORT_NAMES[unit]}`,
  unitCode: unit,
  officerCode,
  sees: HEAD_SEES(unit),
});

/**
 * Every demo account: the admin, the secretariat, and for every member unit its unit officer
 * (canbo.<code>) and its unit head (lanhdao.<code>), so that a conference can be held with the demo
 * logins alone. The people behind them are officers of the demo units (by code; generated names for
 * those not placed by hand in DEMO_UNITS, unchanged so that the 2019–2021 history stays as it was).
 */
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
    officerCode: "KTNV-00012",
    sees: "Toàn bộ Cụm thi đua số 2: các năm đã khóa sổ, năm hiện tại (đang đăng ký), dữ liệu của cả 5 đơn vị, bảng xếp hạng và nhật ký của Cụm.",
  },
  officerAccount("ANM", "ANM-00012", "Lê Hoàng Nam"),
  headAccount("ANM", "ANM-00001", "Lý Hữu Minh"),
  officerAccount("KTNV", "KTNV-00011", "Nguyễn Thị Mai Anh"),
  headAccount("KTNV", "KTNV-00001", "Hoàng Văn Khải"),
  officerAccount("NT", "NT-00014", "Dương Thị Thu Thủy"),
  headAccount("NT", "NT-00001", "Lê Bá Vũ"),
  officerAccount("QLXNC", "QLXNC-00016", "Nguyễn Ngọc Trâm"),
  headAccount("QLXNC", "QLXNC-00001", "Phan Thanh Bình"),
  officerAccount("BTLCV", "BTLCV-00014", "Võ Minh Trung"),
  headAccount("BTLCV", "BTLCV-00001", "Đào Tiến Hòa"),
  {
    username: "vanphong.bo",
    password: DEMO_PASSWORD,
    role: "MINISTRY",
    displayName: "Đ/c Vũ Minh Đức – Thường trực Hội đồng Thi đua – Khen thưởng Bộ",
    sees: "Hồ sơ đề nghị khen thưởng của mọi cụm khi đã gửi Bộ: trả lại hoặc tiếp nhận, ghi quyết định khen thưởng, thu hồi.",
  },
];

/** The calendar day the demo is built for: today in Vietnam on the app's clock (APP_TODAY pins it). */
export function demoToday(): string {
  return vietnamDay(appNow());
}

/** The demo accounts with what each sees on `today`'s demo: the open year, the chair, the unit's registration. */
export function demoAccounts(today = demoToday()): DemoAccount[] {
  const plan = demoCurrentYearPlan(today);
  const y = plan.year;
  const registration = (unit: DemoUnitCode) => {
    const state = plan.units[unit].state;
    if (state === "SUBMITTED") return `đã gửi đăng ký năm ${y}`;
    if (state === "DRAFT") return `đang soạn đăng ký năm ${y}, được gia hạn đến ${displayDay(plan.extendedUntil)}`;
    return `quá hạn đăng ký năm ${y} (hạn ${displayDay(plan.deadlines.registrationDeadline)}), chờ Thư ký cụm mở lại`;
  };
  const closed = y - 1 > STORY_YEAR ? `${STORY_YEAR}–${y - 1}` : String(STORY_YEAR);
  return DEMO_ACCOUNTS.map((a) => {
    if (a.role === "SECRETARIAT") {
      return {
        ...a,
        sees: `Toàn bộ Cụm thi đua số 2: các năm ${closed} (đã khóa sổ), năm ${y} (đang đăng ký: 2 đơn vị đã gửi, 2 đang soạn theo gia hạn, 1 quá hạn), dữ liệu của cả 5 đơn vị, bảng xếp hạng và nhật ký của Cụm.`,
      };
    }
    if (!a.unitCode) return a;
    const unit = a.unitCode;
    if (a.role === "UNIT_OFFICER") return { ...a, sees: `${OFFICER_SEES(unit)} Đơn vị ${registration(unit)}.` };
    const chair = plan.leadership.chair === unit;
    return {
      ...a,
      sees: `Đơn vị mình (${SHORT_NAMES[unit]}): duyệt và gửi báo cáo, là đại biểu bỏ phiếu của đơn vị tại hội nghị; tổng quan Cụm (xếp hạng, danh hiệu, kết quả hội nghị)${chair ? `; là Cụm trưởng năm ${y}: thêm việc theo dõi Cụm và các cụm trong khối (chỉ xem)` : ""}.`,
    };
  });
}

type YearRow = {
  year: number;
  phase: "CLOSED" | "REGISTRATION";
  chair: DemoUnitCode;
  deputy: DemoUnitCode;
  settings: YearSettings;
  closedAt: Date | null;
  /** When the secretariat opened the year, and last changed it (its closing, for a closed year). */
  createdAt: Date;
  updatedAt: Date;
};

/** The demo's years for the open year's plan: 2021 (the story), the generated closed years, the open year. */
export function demoYears(plan: CurrentYearPlan): YearRow[] {
  const leadership = demoLeadership(plan.year);
  const row = (year: number, phase: YearRow["phase"], settings: Partial<YearSettings>): YearRow => {
    // Midday in Hà Nội, so the date reads 31/12 in any time zone of interest.
    const closedAt = phase === "CLOSED" ? new Date(`${year}-12-31T12:00:00+07:00`) : null;
    const createdAt = new Date(`${phase === "CLOSED" ? `${year}-01-05` : plan.openedOn}T09:00:00+07:00`);
    return {
      year,
      phase,
      chair: leadership.get(year)!.chair,
      deputy: leadership.get(year)!.deputy,
      settings: yearSettingsSchema.parse({ ...DEFAULT_YEAR_SETTINGS, ...settings }),
      closedAt,
      createdAt,
      updatedAt: closedAt ?? createdAt,
    };
  };
  return [
    row(STORY_YEAR, "CLOSED", { registrationDeadline: "2021-03-31", reportDeadline: "2021-11-05", conferenceDate: "2021-11-19" }),
    ...generatedClosedYears(plan.year).map((y) => row(y, "CLOSED", closedYearDeadlines(y))),
    row(plan.year, "REGISTRATION", plan.deadlines),
  ];
}

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

/**
 * Seeds the demo cluster into a database that does not have it yet; throws (and writes nothing)
 * otherwise. `today` (yyyy-mm-dd, Vietnam) decides the open year and its dates; default: the app's
 * clock (APP_TODAY when set).
 */
export async function seedDemoData(prisma: PrismaClient, opts: { today?: string } = {}): Promise<{ summary: string; today: string; year: number }> {
  const today = opts.today ?? demoToday();
  const plan = demoCurrentYearPlan(today);
  const years = demoYears(plan);
  const officersByUnit = buildDemoOfficers();
  // argon2 is slow on purpose: one salt per account, hashed on libuv's threads while the transaction
  // writes the years (awaited before the accounts are written).
  const hashing = Promise.all(DEMO_ACCOUNTS.map((account) => hashPassword(account.password)));
  hashing.catch(() => {}); // a failure is thrown where it is awaited
  const counts = await prisma.$transaction(
    async (tx) => {
      if (await tx.cluster.findUnique({ where: { code: DEMO_CLUSTER.code }, select: { id: true } })) {
        throw new Error(`The demo cluster ${DEMO_CLUSTER.code} already exists: nothing seeded.`);
      }
      // The seed writes the history of years it creates already closed: for the database's
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
      for (const y of years) {
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
            createdAt: y.createdAt,
            updatedAt: y.updatedAt,
          },
        });
        yearIds.set(y.year, created.id);
      }
      const year2021Id = yearIds.get(STORY_YEAR)!;
      const year2022Id = yearIds.get(2022)!;
      const unitIds = Object.fromEntries(DEMO_UNITS.map((u) => [u.code, idOf(u.code)])) as Record<DemoUnitCode, string>;

      // The story of 2021 (docs/domain.md §1): officers' 2019–2021 history, the 2021 criteria table with
      // its scored reports, the 2021 conference.
      await seedHistory(tx, { clusterId: cluster.id, year2021Id, unitIds });
      await seedCriteria(tx, { year2021Id, unitIds });
      await seedConference2021(tx, { year2021Id, year2022Id, unitIds });
      // Its proposal dossier and the Ministry's decisions on it (§9).
      await seedDossier2021(tx, { year2021Id, unitIds });
      // Then each year to today, on the history before it: the closed years, the open one.
      const settings = eligibilitySettingsOf(DEFAULT_YEAR_SETTINGS);
      const cleanCodes = new Set(DEMO_ACCOUNTS.flatMap((a) => (a.officerCode ? [a.officerCode] : [])));
      const world = await loadWorld(tx, { clusterId: cluster.id, unitIds, cleanCodes, settings });
      const leadership = demoLeadership(plan.year + 1);
      const closed: ClosedYearSummary[] = [];
      for (const year of generatedClosedYears(plan.year)) {
        closed.push(
          await seedClosedYear(tx, world, {
            year,
            yearId: yearIds.get(year)!,
            leadership: leadership.get(year)!,
            next: leadership.get(year + 1)!,
            flagHolder: year === 2022 ? "ANM" : (closed.at(-1)?.acclaimed ?? null),
          }),
        );
      }
      const open = await seedOpenYear(tx, world, { yearId: yearIds.get(plan.year)!, plan });
      await seedSubUnitTitles(tx, { unitIds, yearIds, closedYears: [STORY_YEAR, ...generatedClosedYears(plan.year)], plan });

      const hashes = await hashing;
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
        years: years.length,
        today,
        openYear: plan.year,
        closedYears: closed.map((c) => `${c.year}: Cụm trưởng ${leadership.get(c.year)!.chair}, cờ ${c.acclaimed ?? "—"}`),
        openYearUnits: Object.fromEntries(DEMO_UNIT_CODES.map((u) => [u, `${open.units[u].state} ${open.units[u].registered}/${open.units[u].officers}`])),
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
    { maxWait: 10_000, timeout: 300_000 },
  );

  const perUnit = DEMO_UNITS.map((u) => `${u.code} ${fmt(counts.officersByUnit[u.code] ?? 0)}`).join(", ");
  return {
    summary:
      `Đã tạo dữ liệu mẫu: ${DEMO_BLOCK.name} / ${DEMO_CLUSTER.name}; ${counts.units} đơn vị, ` +
      `${counts.subUnits} đơn vị trực thuộc, ${fmt(counts.officers)} cán bộ (${perUnit}); ` +
      `năm thi đua ${STORY_YEAR}${plan.year - 1 > STORY_YEAR ? `–${plan.year - 1}` : ""} (đã khóa sổ; ${counts.closedYears.join("; ")}) ` +
      `và ${plan.year} (đang đăng ký, Cụm trưởng ${plan.leadership.chair}, hạn đăng ký ${displayDay(plan.deadlines.registrationDeadline)}: ` +
      `${Object.entries(counts.openYearUnits).map(([u, s]) => `${u} ${s}`).join(", ")}); ` +
      `${counts.titles} danh hiệu (${counts.titlesCreated} mới); ${counts.users} tài khoản; ngày ${displayDay(today)}.`,
    today,
    year: plan.year,
  };
}
