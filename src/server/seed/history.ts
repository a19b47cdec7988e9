// Demo data: the officers' history 2019–2021 of Cụm thi đua số 2 (docs/domain.md §1, §3, §4 step 7), so that
// the 2022 rules engine has something to read:
// - every officer rated for 2019, 2020 and 2021; CST for everyone the rules allow (rated "Hoàn thành
//   tốt nhiệm vụ" or better, no discipline counting against the year); CSTĐCS within each unit's quota,
//   each with an initiative of the year; a few CSTĐ CAND in 2021 (CSTĐCS 2019 and 2020, a ministry-
//   level initiative); some officers CSTĐCS in 2020 and 2021, so 2022 is their third year;
// - several discipline records: some counting against 2022 (those officers are blocked in 2022), one
//   cleared, some long over;
// - 2021 (closed): every officer registered (100%), every unit's registration SUBMITTED, Cục An ninh
//   mạng… exactly at its CSTĐCS quota (registrations and awards alike), the others below it;
// - 2021 collective titles by decision of the Minister: Cục An ninh mạng… the Ministry's flag (acclaimed
//   at the 19/11/2021 conference), Đơn vị Quyết thắng or Đơn vị tiên tiến for the others.
// Every title is checked with the rules engine before anything is written (a bug in this file fails
// the seed rather than producing a history the app would call impossible). Deterministic: a seeded
// PRNG (names.ts) over the officers in code order; bulk inserts only.
import {
  computeFacts,
  cstdcsAllowed,
  disciplineHits,
  evaluateUnit,
  explainTitle,
  individualLevel,
  unitResultFor,
  type CollectiveTitle,
  type DisciplineForm,
  type DisciplineRecord,
  type DisciplineStatus,
  type IndividualTitle,
  type Initiative,
  type InitiativeLevel,
  type MemberDiscipline,
  type OfficerHistory,
  type TaskRating,
  type UnitMemberSummary,
} from "@/domain/eligibility";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import { insertOfficerRegistrations, insertOfficerYearResults, type OfficerYearResultRow } from "./bulk";
import { pickWeighted, rngFor, type Rng, type Weighted } from "./names";

export type HistoryContext = {
  clusterId: string;
  year2021Id: string;
  /** Member unit ids by code: ANM, KTNV, NT, QLXNC, BTLCV. */
  unitIds: Record<string, string>;
};

/** The demo seed (demo.ts DEMO_SEED); a separate constant so this module does not import demo.ts. */
const SEED = 20211119;
const YEARS = [2019, 2020, 2021] as const;
type Year = (typeof YEARS)[number];
const SETTINGS = DEFAULT_YEAR_SETTINGS;
/** The people behind the demo accounts keep a clean record. */
const KEEP_CLEAN = new Set(["Lê Hoàng Nam", "Hoàng Văn Khải", "Nguyễn Thị Mai Anh", "Trần Thu Hà", "Phan Thanh Bình"]);

type UnitCode = "ANM" | "KTNV" | "NT" | "QLXNC" | "BTLCV";

type UnitPlan = {
  /** Collective title awarded for 2021 (and registered as the target: `target`). */
  awarded: CollectiveTitle;
  target: CollectiveTitle;
  /** 2021: no officer rated "Không hoàn thành nhiệm vụ" (Đơn vị Quyết thắng and above need it). */
  allComplete: boolean;
  /** Officers awarded CSTĐ CAND in 2021. */
  cand: number;
  /** Officers with CSTĐCS in 2020 and 2021 but not 2019 (2022 is their third year). */
  streak: number;
  decisionNo: string;
  decisionDate: string;
  signer: string;
  /** Who signs the unit's own decisions on CST/CSTĐCS. */
  headSigner: string;
};

const MINISTER = "Bộ trưởng Bộ Công an";
export const HISTORY_PLAN: Record<UnitCode, UnitPlan> = {
  ANM: {
    awarded: "CO_BCA",
    target: "CO_BCA",
    allComplete: true,
    cand: 1,
    streak: 4,
    decisionNo: "912/QĐ-BCA",
    decisionDate: "2021-12-10",
    signer: MINISTER,
    headSigner: "Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  },
  KTNV: {
    awarded: "DV_QUYET_THANG",
    target: "DV_QUYET_THANG",
    allComplete: true,
    cand: 1,
    streak: 5,
    decisionNo: "913/QĐ-BCA",
    decisionDate: "2021-12-10",
    signer: MINISTER,
    headSigner: "Cục trưởng Cục Kỹ thuật nghiệp vụ",
  },
  NT: {
    awarded: "DV_TIEN_TIEN",
    target: "DV_QUYET_THANG",
    allComplete: false,
    cand: 0,
    streak: 3,
    decisionNo: "914/QĐ-BCA",
    decisionDate: "2021-12-10",
    signer: MINISTER,
    headSigner: "Cục trưởng Cục Ngoại tuyến",
  },
  QLXNC: {
    awarded: "DV_QUYET_THANG",
    target: "DV_QUYET_THANG",
    allComplete: true,
    cand: 0,
    streak: 4,
    decisionNo: "915/QĐ-BCA",
    decisionDate: "2021-12-10",
    signer: MINISTER,
    headSigner: "Cục trưởng Cục Quản lý xuất nhập cảnh",
  },
  BTLCV: {
    awarded: "DV_TIEN_TIEN",
    target: "DV_QUYET_THANG",
    allComplete: false,
    cand: 1,
    streak: 3,
    decisionNo: "916/QĐ-BCA",
    decisionDate: "2021-12-10",
    signer: MINISTER,
    headSigner: "Tư lệnh Bộ Tư lệnh Cảnh vệ",
  },
};
const UNIT_CODES = Object.keys(HISTORY_PLAN) as UnitCode[];

/** The one unit exactly at its CSTĐCS quota in 2021 (registrations and awards). */
export const AT_QUOTA_2021: UnitCode = "ANM";

type DisciplinePlan = { unit: UnitCode; form: DisciplineForm; status: DisciplineStatus; from: string; to?: string; note: string };

/** Discipline records; the first four count against 2022. "Khiển trách" never costs a unit its title. */
export const DISCIPLINE_PLAN: DisciplinePlan[] = [
  { unit: "KTNV", form: "KHIEN_TRACH", status: "IN_FORCE", from: "2021-10-15", to: "2022-10-14", note: "Vi phạm quy định về chế độ báo cáo." },
  { unit: "NT", form: "CANH_CAO", status: "IN_FORCE", from: "2022-01-20", to: "2023-01-19", note: "Vi phạm quy trình công tác." },
  { unit: "QLXNC", form: "CANH_CAO", status: "PENDING", from: "2022-02-10", note: "Đang xem xét vi phạm quy định cấp hộ chiếu." },
  { unit: "ANM", form: "KHIEN_TRACH", status: "IN_FORCE", from: "2022-03-01", to: "2023-02-28", note: "Vi phạm quy định bảo mật thông tin." },
  { unit: "BTLCV", form: "KHIEN_TRACH", status: "IN_FORCE", from: "2020-03-01", to: "2021-02-28", note: "Vi phạm điều lệnh nội vụ." },
  { unit: "BTLCV", form: "GIANG_CHUC", status: "IN_FORCE", from: "2019-05-01", to: "2020-04-30", note: "Vi phạm kỷ luật nghiêm trọng." },
  { unit: "KTNV", form: "CANH_CAO", status: "CLEARED", from: "2021-04-01", to: "2021-06-30", note: "Đã xem xét, không xử lý kỷ luật." },
  { unit: "QLXNC", form: "KHIEN_TRACH", status: "IN_FORCE", from: "2019-08-01", to: "2020-07-31", note: "Chậm trễ xử lý hồ sơ." },
];

type Officer = { id: string; code: string; fullName: string; position: string; unitCode: UnitCode; unitId: string };
type YearPlan = { rating: TaskRating; title: IndividualTitle | null };

const RATINGS: Weighted<TaskRating> = [["EXCELLENT", 16], ["GOOD", 64], ["COMPLETE", 18], ["INCOMPLETE", 2]];
const RATINGS_ALL_COMPLETE: Weighted<TaskRating> = [["EXCELLENT", 16], ["GOOD", 64], ["COMPLETE", 20]];
const GOOD_OR_BETTER = new Set<TaskRating>(["GOOD", "EXCELLENT"]);

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const INITIATIVE_TOPICS = [
  "Ứng dụng phần mềm quản lý hồ sơ nghiệp vụ",
  "Cải tiến quy trình tiếp nhận và xử lý tin báo",
  "Xây dựng cơ sở dữ liệu phục vụ công tác tham mưu",
  "Giải pháp nâng cao hiệu quả công tác bảo đảm an toàn thông tin",
  "Đổi mới phương pháp huấn luyện điều lệnh, võ thuật",
  "Số hóa quy trình quản lý văn bản đi, đến",
  "Tự động hóa báo cáo thống kê định kỳ",
  "Giải pháp phòng, chống dịch COVID-19 tại đơn vị",
  "Cải tiến công tác bảo quản, sửa chữa trang thiết bị kỹ thuật",
  "Ứng dụng công nghệ trong quản lý xuất nhập cảnh",
  "Nâng cao chất lượng công tác bảo vệ mục tiêu",
  "Quy trình phối hợp xác minh, truy xét",
];

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DECISION_DAY: Record<Year, string> = { 2019: "2019-12-20", 2020: "2020-12-18", 2021: "2021-12-20" };

export type HistorySummary = {
  officers: number;
  yearResults: number;
  initiatives: number;
  disciplines: number;
  registrations2021: number;
  awarded: Record<Year, Record<IndividualTitle, number>>;
};

/**
 * Seeds the history into the demo cluster (inside the caller's transaction), after its units,
 * officers and the 2021 emulation year exist. Throws if the generated history breaks a rule.
 */
export async function seedHistory(tx: Tx, ctx: HistoryContext): Promise<HistorySummary> {
  // 2021 is already closed: writing its history is an amendment as far as the database's guard goes.
  await allowClosedYearWrites(tx);
  const unitCodeById = new Map<string, UnitCode>();
  for (const code of UNIT_CODES) {
    const id = ctx.unitIds[code];
    if (!id) throw new Error(`seedHistory: unknown unit ${code}`);
    unitCodeById.set(id, code);
  }
  const rows = await tx.officer.findMany({
    where: { unitId: { in: [...unitCodeById.keys()] } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, fullName: true, position: true, unitId: true },
  });
  const officers: Officer[] = rows.map((o) => ({ ...o, unitCode: unitCodeById.get(o.unitId)! }));

  const plans = new Map<string, Map<Year, YearPlan>>();
  const initiatives: (Initiative & { officerId: string; decisionNo: string | null })[] = [];
  const disciplines: (DisciplineRecord & { officerId: string; note: string })[] = [];
  const registrations = new Map<string, IndividualTitle>();
  const awardedCounts = Object.fromEntries(YEARS.map((y) => [y, { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 }])) as HistorySummary["awarded"];
  let topic = 0;
  const addInitiative = (officerId: string, year: number, level: InitiativeLevel) => {
    const title = INITIATIVE_TOPICS[topic++ % INITIATIVE_TOPICS.length]!;
    const decisionNo = level === "MINISTRY" ? `${700 + (topic % 90)}/QĐ-BCA` : `${100 + (topic % 400)}/QĐ-HĐSK`;
    initiatives.push({ officerId, year, level, title, decisionNo, id: `${officerId}:${year}:${level}` });
  };

  for (const unitCode of UNIT_CODES) {
    const plan = HISTORY_PLAN[unitCode];
    const members = officers.filter((o) => o.unitCode === unitCode);
    const rng = rngFor(SEED, "history", unitCode);
    const pool = shuffle(
      members.filter((o) => !KEEP_CLEAN.has(o.fullName)),
      rng,
    );

    // Who is disciplined, who aims at CSTĐ CAND in 2021, who is on a CSTĐCS streak 2020–2021.
    const disciplined = new Map<string, DisciplineRecord[]>();
    for (const d of DISCIPLINE_PLAN.filter((d) => d.unit === unitCode)) {
      const officer = pool.shift()!;
      const record: DisciplineRecord = { form: d.form, status: d.status, from: d.from, ...(d.to ? { to: d.to } : {}) };
      disciplines.push({ ...record, officerId: officer.id, note: d.note });
      disciplined.set(officer.id, [...(disciplined.get(officer.id) ?? []), record]);
    }
    const cand = new Set(pool.splice(0, plan.cand).map((o) => o.id));
    const streak = new Set(pool.splice(0, plan.streak).map((o) => o.id));

    // Ratings.
    for (const o of members) {
      const years = new Map<Year, YearPlan>();
      for (const y of YEARS) {
        const weights = y === 2021 && plan.allComplete ? RATINGS_ALL_COMPLETE : RATINGS;
        let rating = pickWeighted(rng, weights);
        if (cand.has(o.id) || (streak.has(o.id) && y >= 2020)) rating = "EXCELLENT";
        else if (streak.has(o.id)) rating = "GOOD";
        if (blockedIn(disciplined.get(o.id), y)) rating = "COMPLETE";
        years.set(y, { rating, title: null });
      }
      plans.set(o.id, years);
    }

    // Titles, year by year: CST for everyone eligible, CSTĐCS (or higher) within the quota.
    for (const y of YEARS) {
      const eligible = members.filter((o) => GOOD_OR_BETTER.has(plans.get(o.id)!.get(y)!.rating) && !blockedIn(disciplined.get(o.id), y));
      for (const o of eligible) plans.get(o.id)!.get(y)!.title = "CST";
      const cap = cstdcsAllowed(eligible.length, SETTINGS.cstdcsQuotaPercent);
      const forced = eligible.filter((o) => cand.has(o.id) || (streak.has(o.id) && y >= 2020));
      const wanted = unitCode === AT_QUOTA_2021 && y === 2021 ? cap : Math.max(forced.length, 1, Math.floor(cap * 0.7));
      if (forced.length > cap || wanted > cap) throw new Error(`seedHistory: ${unitCode} ${y}: quota ${cap} too small`);
      const fillers = shuffle(
        eligible.filter((o) => !cand.has(o.id) && !streak.has(o.id)),
        rng,
      ).slice(0, wanted - forced.length);
      for (const o of [...forced, ...fillers]) {
        const record = plans.get(o.id)!.get(y)!;
        const isCand = cand.has(o.id) && y === 2021;
        record.title = isCand ? "CSTD_CAND" : "CSTDCS";
        // The initiative the title rests on: ministry level for the CSTĐ CAND, else recognised by the unit.
        addInitiative(o.id, y, isCand ? "MINISTRY" : "BASE");
      }
      // A few more initiatives that did not lead to a title.
      for (const o of shuffle(members, rng).slice(0, Math.floor(members.length * 0.03))) {
        if (!initiatives.some((i) => i.officerId === o.id && i.year === y)) addInitiative(o.id, y, "BASE");
      }
    }
    // Half of the streak officers already hold a ministry-level initiative (2021) for their CSTĐ CAND.
    [...streak].slice(0, Math.ceil(streak.size / 2)).forEach((id) => addInitiative(id, 2021, "MINISTRY"));

    // 2021 registrations: everyone; the CSTĐ CAND and CSTĐCS as awarded, a few more CSTĐCS that ended
    // as CST, everyone else CST. The quota of registrations: ANM exactly at it, the others below.
    const registeredCap = cstdcsAllowed(members.length, SETTINGS.cstdcsQuotaPercent);
    let registeredHigh = 0;
    for (const o of members) {
      const title = plans.get(o.id)!.get(2021)!.title;
      const registered: IndividualTitle = title && individualLevel(title) >= 2 ? title : "CST";
      registrations.set(o.id, registered);
      if (individualLevel(registered) >= 2) registeredHigh++;
    }
    const extra = unitCode === AT_QUOTA_2021 ? registeredCap - registeredHigh : Math.min(2, registeredCap - registeredHigh - 1);
    const hopefuls = shuffle(
      members.filter((o) => {
        const p = plans.get(o.id)!;
        return p.get(2021)!.title === "CST" && !disciplined.has(o.id);
      }),
      rng,
    ).slice(0, Math.max(0, extra));
    for (const o of hopefuls) registrations.set(o.id, "CSTDCS");
  }

  // Check every title with the engine, as a decision on the decision day would be.
  const historyOf = (officerId: string, upTo: number): OfficerHistory => ({
    years: YEARS.filter((y) => y <= upTo).map((y) => {
      const p = plans.get(officerId)!.get(y)!;
      return { year: y, rating: p.rating, ...(p.title ? { awardedTitle: p.title } : {}) };
    }),
    initiatives: initiatives.filter((i) => i.officerId === officerId),
    disciplines: disciplines.filter((d) => d.officerId === officerId),
  });
  for (const o of officers) {
    for (const y of YEARS) {
      const p = plans.get(o.id)!.get(y)!;
      if (!p.title) continue;
      const history = historyOf(o.id, y);
      const facts = computeFacts({ ...history, years: history.years.map((r) => (r.year === y ? { year: y, rating: r.rating } : r)) }, y, SETTINGS, {
        stage: "RESULTS",
        asOf: DECISION_DAY[y],
      });
      const result = explainTitle(facts, p.title);
      if (result.status !== "ELIGIBLE") {
        throw new Error(`seedHistory: ${o.code} ${y} ${p.title}: ${result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ")}`);
      }
      awardedCounts[y][p.title]++;
    }
  }
  for (const unitCode of UNIT_CODES) {
    const plan = HISTORY_PLAN[unitCode];
    const members = officers.filter((o) => o.unitCode === unitCode);
    const summary: UnitMemberSummary = {
      memberCount: members.length,
      cstCount: members.filter((o) => plans.get(o.id)!.get(2021)!.title).length,
      cstdcsCount: members.filter((o) => individualLevel(plans.get(o.id)!.get(2021)!.title) >= 2).length,
      ratingCounts: {},
      disciplines: disciplines
        .filter((d) => members.some((m) => m.id === d.officerId))
        .map<MemberDiscipline>((d) => ({ officerId: d.officerId, record: d })),
    };
    for (const o of members) {
      const r = plans.get(o.id)!.get(2021)!.rating;
      summary.ratingCounts[r] = (summary.ratingCounts[r] ?? 0) + 1;
    }
    const evaluation = evaluateUnit({ unitId: unitCode, members: summary, acclaimed: unitCode === "ANM", clusterRank: unitCode === "ANM" ? 1 : 2 }, 2021, SETTINGS, {
      stage: "RESULTS",
      asOf: plan.decisionDate,
    });
    const result = unitResultFor(evaluation, plan.awarded);
    if (result.status !== "ELIGIBLE") {
      throw new Error(`seedHistory: ${unitCode} 2021 ${plan.awarded}: ${result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ")}`);
    }
  }

  // Writes -------------------------------------------------------------------------------------
  const decisionOf = (o: Officer, y: Year, title: IndividualTitle) => {
    const plan = HISTORY_PLAN[o.unitCode];
    if (title === "CSTD_CAND" || title === "CSTD_TQ") return { decisionNo: `${940 + (y % 10)}/QĐ-BCA`, signer: MINISTER };
    const n = 1000 + (y - 2019) * 100 + UNIT_CODES.indexOf(o.unitCode) * 10 + (title === "CSTDCS" ? 1 : 0);
    return { decisionNo: `${n}/QĐ-${o.unitCode}`, signer: plan.headSigner };
  };
  const yearResults: OfficerYearResultRow[] = [];
  for (const o of officers) {
    for (const y of YEARS) {
      const p = plans.get(o.id)!.get(y)!;
      const decision = p.title ? decisionOf(o, y, p.title) : null;
      yearResults.push({
        officerId: o.id,
        year: y,
        rating: p.rating,
        awardedTitleCode: p.title,
        decisionNo: decision?.decisionNo ?? null,
        decisionDate: decision ? DECISION_DAY[y] : null,
        decisionSigner: decision?.signer ?? null,
      });
    }
  }
  await insertOfficerYearResults(tx, yearResults);
  await tx.initiative.createMany({
    data: initiatives.map((i) => ({ officerId: i.officerId, year: i.year, level: i.level, title: i.title, decisionNo: i.decisionNo })),
  });
  await tx.discipline.createMany({
    data: disciplines.map((d) => ({ officerId: d.officerId, form: d.form, status: d.status, fromDate: dateOf(d.from), toDate: d.to ? dateOf(d.to) : null, note: d.note })),
  });
  await insertOfficerRegistrations(
    tx,
    officers.map((o) => ({ emulationYearId: ctx.year2021Id, unitId: o.unitId, officerId: o.id, titleCode: registrations.get(o.id)! })),
  );
  await tx.unitRegistration.createMany({
    data: UNIT_CODES.map((code) => ({
      emulationYearId: ctx.year2021Id,
      unitId: ctx.unitIds[code]!,
      targetTitleCode: HISTORY_PLAN[code].target,
      status: "SUBMITTED" as const,
      submittedAt: new Date("2021-03-25T09:00:00+07:00"),
      agreementSignedOn: dateOf("2021-03-05"),
      agreementSigner: HISTORY_PLAN[code].headSigner,
    })),
    skipDuplicates: true,
  });
  // Upserts: the conference seed may already have recorded the acclaim (proposedTitleCode) of a unit.
  for (const code of UNIT_CODES) {
    const plan = HISTORY_PLAN[code];
    const values = { awardedTitleCode: plan.awarded, decisionNo: plan.decisionNo, decisionDate: dateOf(plan.decisionDate), decisionSigner: plan.signer };
    await tx.unitYearResult.upsert({
      where: { emulationYearId_unitId: { emulationYearId: ctx.year2021Id, unitId: ctx.unitIds[code]! } },
      create: { emulationYearId: ctx.year2021Id, unitId: ctx.unitIds[code]!, ...values, ...(plan.awarded === "CO_BCA" ? { proposedTitleCode: "CO_BCA" } : {}) },
      update: values,
    });
  }
  await tx.auditLog.create({
    data: {
      actorName: "Hệ thống",
      action: "seed.history",
      entityType: "System",
      entityId: null,
      clusterId: ctx.clusterId,
      after: { seed: SEED, officers: officers.length, yearResults: yearResults.length, initiatives: initiatives.length, disciplines: disciplines.length },
    },
  });

  return {
    officers: officers.length,
    yearResults: yearResults.length,
    initiatives: initiatives.length,
    disciplines: disciplines.length,
    registrations2021: officers.length,
    awarded: awardedCounts,
  };
}

/** Whether the records block titles in `year` (decided at the year's decision day). */
function blockedIn(records: DisciplineRecord[] | undefined, year: Year): boolean {
  if (!records) return false;
  return disciplineHits(records, year, { stage: "RESULTS", asOf: DECISION_DAY[year] }).length > 0;
}

