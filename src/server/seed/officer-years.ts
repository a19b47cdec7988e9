// The officers' side of the demo's generated years (docs/domain.md §1, §3): a year's new discipline
// records, its registrations, and at the year's end its ratings, initiatives and awarded titles — all
// in memory, over the history already seeded (2019–2021, history.ts) and the years generated before,
// and all through the rules engine: registrations as planUnitRegistrations plans them (REGISTRATION
// stage), titles only when the engine finds them ELIGIBLE at the RESULTS stage on the decision day,
// the CSTĐCS quota kept on the titles awarded. Deterministic: seeded PRNGs per year and unit, officers
// in code order. later-years.ts and open-year.ts write what this decides.
import {
  computeFacts,
  cstdcsAllowed,
  disciplineHits,
  explainTitle,
  individualLevel,
  initiativeLevel,
  REGISTRATION,
  type CollectiveTitle,
  type DisciplineRecord,
  type EligibilitySettings,
  type IndividualTitle,
  type Initiative,
  type InitiativeLevel,
  type MemberDiscipline,
  type OfficerYearRecord,
  type TaskRating,
  type UnitMemberSummary,
} from "@/domain/eligibility";
import type { Tx } from "@/server/db";
import { addDays, DEMO_UNIT_CODES, type DemoUnitCode } from "./calendar";
import { pickWeighted, randomInt, rngFor, type Rng, type Weighted } from "./names";
import { planUnitRegistrations, type PlannedUnitRegistrations } from "./registrations-2022";

/** The demo seed (demo.ts DEMO_SEED); a separate constant so this module does not import demo.ts. */
const SEED = 20211119;

export type WorldOfficer = { id: string; code: string; name: string; unit: DemoUnitCode; unitId: string };
type History = { years: OfficerYearRecord[]; initiatives: Initiative[]; disciplines: DisciplineRecord[] };

/** The demo cluster as the generator sees it: its officers and their whole history so far. */
export type DemoWorld = {
  clusterId: string;
  unitIds: Record<DemoUnitCode, string>;
  /** Each unit's officers, in code order. */
  byUnit: Record<DemoUnitCode, WorldOfficer[]>;
  history: Map<string, History>;
  /** The people behind the demo accounts: no new discipline record for them. */
  clean: Set<string>;
  /** Each unit's head, as the agreement's signer ("Cục trưởng Hoàng Văn Khải"). */
  heads: Partial<Record<DemoUnitCode, string>>;
  settings: EligibilitySettings;
  /** Counter for initiative topics and numbers. */
  topic: number;
};

/** Loads the cluster's officers and their history (rows written by history.ts). */
export async function loadWorld(
  tx: Tx,
  ctx: { clusterId: string; unitIds: Record<DemoUnitCode, string>; cleanCodes: ReadonlySet<string>; settings: EligibilitySettings },
): Promise<DemoWorld> {
  const codeOf = new Map(DEMO_UNIT_CODES.map((c) => [ctx.unitIds[c], c]));
  const rows = await tx.officer.findMany({
    where: { unitId: { in: DEMO_UNIT_CODES.map((c) => ctx.unitIds[c]) } },
    orderBy: { code: "asc" },
    select: { id: true, code: true, fullName: true, unitId: true, position: true },
  });
  const ids = rows.map((r) => r.id);
  const [years, initiatives, disciplines] = await Promise.all([
    tx.officerYearResult.findMany({ where: { officerId: { in: ids } }, select: { officerId: true, year: true, rating: true, awardedTitleCode: true } }),
    tx.initiative.findMany({ where: { officerId: { in: ids } }, select: { id: true, officerId: true, year: true, level: true, title: true } }),
    tx.discipline.findMany({ where: { officerId: { in: ids } }, select: { id: true, officerId: true, form: true, status: true, fromDate: true, toDate: true } }),
  ]);
  const history = new Map<string, History>(ids.map((id) => [id, { years: [], initiatives: [], disciplines: [] }]));
  for (const y of years) {
    history.get(y.officerId)!.years.push({
      year: y.year,
      ...(y.rating ? { rating: y.rating } : {}),
      ...(y.awardedTitleCode ? { awardedTitle: y.awardedTitleCode as IndividualTitle } : {}),
    });
  }
  for (const i of initiatives) history.get(i.officerId)!.initiatives.push({ id: i.id, year: i.year, level: i.level, title: i.title });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  for (const d of disciplines) {
    history.get(d.officerId)!.disciplines.push({ id: d.id, form: d.form, status: d.status, from: day(d.fromDate), ...(d.toDate ? { to: day(d.toDate) } : {}) });
  }
  const byUnit = Object.fromEntries(DEMO_UNIT_CODES.map((c) => [c, [] as WorldOfficer[]])) as Record<DemoUnitCode, WorldOfficer[]>;
  for (const r of rows) byUnit[codeOf.get(r.unitId)!].push({ id: r.id, code: r.code, name: r.fullName, unit: codeOf.get(r.unitId)!, unitId: r.unitId });
  const clean = new Set(rows.filter((r) => ctx.cleanCodes.has(r.code)).map((r) => r.id));
  const heads: Partial<Record<DemoUnitCode, string>> = {};
  for (const r of rows) {
    const unit = codeOf.get(r.unitId)!;
    if (!heads[unit] && (r.position === "Cục trưởng" || r.position === "Tư lệnh")) heads[unit] = `${r.position} ${r.fullName}`;
  }
  return { clusterId: ctx.clusterId, unitIds: ctx.unitIds, byUnit, history, clean, heads, settings: ctx.settings, topic: 0 };
}

/** Fisher–Yates with the seeded PRNG. */
function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Discipline

export type NewDiscipline = { officerId: string; record: DisciplineRecord; note: string };
/** A change to a record already stored (the 2022 review that was pending in the 2021 story). */
export type DisciplineUpdate = { id: string; record: DisciplineRecord; note: string };

const FORM_NOTES: Record<"KHIEN_TRACH" | "CANH_CAO", string[]> = {
  KHIEN_TRACH: [
    "Vi phạm quy định về chế độ báo cáo.",
    "Vi phạm điều lệnh nội vụ.",
    "Chậm trễ trong thực hiện nhiệm vụ được giao.",
    "Vi phạm quy định về sử dụng phương tiện, trang thiết bị.",
    "Vi phạm quy định về giờ giấc làm việc.",
  ],
  CANH_CAO: ["Vi phạm quy trình công tác, gây ảnh hưởng đến kết quả nhiệm vụ.", "Vi phạm quy định bảo mật thông tin."],
};

/**
 * The 2021 story left one review open (a proposed "Cảnh cáo" in Cục Quản lý xuất nhập cảnh, from
 * 10/02/2022): it ends in 2022 with a "Khiển trách" in force for a year from the decision, which bars
 * the officer's titles in 2022 and 2023 but not the unit's (only "Cảnh cáo" and above count for a unit).
 */
export function resolveOpenReviews(world: DemoWorld): DisciplineUpdate[] {
  const updates: DisciplineUpdate[] = [];
  for (const h of world.history.values()) {
    for (const [i, d] of h.disciplines.entries()) {
      if (d.status !== "PENDING" || !d.id || d.from > "2022-12-31") continue;
      const decided = addDays(d.from, 125);
      const record: DisciplineRecord = { id: d.id, form: "KHIEN_TRACH", status: "IN_FORCE", from: decided, to: addDays(decided, 364) };
      h.disciplines[i] = record;
      updates.push({ id: d.id, record, note: `Kết luận xem xét ngày ${decided.split("-").reverse().join("/")}: kỷ luật Khiển trách.` });
    }
  }
  return updates;
}

/**
 * Discipline records opened in `year` (from early January to early March, in force for six months, so
 * they count against `year` only): none, one or two per unit, mostly "Khiển trách", now and then a
 * "Cảnh cáo" (which costs the unit its collective title that year). `upTo`: the open year's
 * today, later records are not there yet. Never for the people behind the demo accounts, never
 * twice for one officer in a year.
 */
export function openDisciplines(world: DemoWorld, year: number, upTo?: string): NewDiscipline[] {
  const out: NewDiscipline[] = [];
  for (const unit of DEMO_UNIT_CODES) {
    const rng = rngFor(SEED, "discipline", String(year), unit);
    const count = pickWeighted<number>(rng, [[0, 35], [1, 45], [2, 20]]);
    const pool = shuffle(
      world.byUnit[unit].filter((o) => !world.clean.has(o.id) && disciplineHits(world.history.get(o.id)!.disciplines, year, REGISTRATION).length === 0),
      rng,
    );
    for (let k = 0; k < count; k++) {
      const officer = pool[k]!;
      const form: "KHIEN_TRACH" | "CANH_CAO" = rng() < 0.06 ? "CANH_CAO" : "KHIEN_TRACH";
      const from = addDays(`${year}-01-06`, randomInt(rng, 0, 60));
      const note = FORM_NOTES[form][Math.floor(rng() * FORM_NOTES[form].length)]!;
      if (upTo && from > upTo) continue;
      const record: DisciplineRecord = { form, status: "IN_FORCE", from, to: addDays(from, 179) };
      world.history.get(officer.id)!.disciplines.push(record);
      out.push({ officerId: officer.id, record, note });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Registrations

export type UnitRegistrationPlan = { share: number; spare: number; targets: CollectiveTitle[] };

/** The higher titles stay rare: per unit and year at most one CSTĐ toàn quốc and three CSTĐ CAND registered. */
const AT_MOST = { CSTD_TQ: 1, CSTD_CAND: 3 };

/**
 * A unit's registrations for `year` as the engine allows them on the history known on `knownOn` (a
 * discipline record opened later was not known when the unit registered).
 */
export function planRegistrations(world: DemoWorld, unit: DemoUnitCode, year: number, plan: UnitRegistrationPlan, knownOn: string): PlannedUnitRegistrations {
  const officers = world.byUnit[unit].map((o) => {
    const h = world.history.get(o.id)!;
    return { officerId: o.id, code: o.code, name: o.name, history: { years: h.years, initiatives: h.initiatives, disciplines: h.disciplines.filter((d) => d.from <= knownOn) } };
  });
  return planUnitRegistrations(officers, { ...plan, atMost: AT_MOST }, world.settings, year, `${unit}`);
}

// ---------------------------------------------------------------------------------------------
// Results

const INITIATIVE_TOPICS = [
  "Ứng dụng trí tuệ nhân tạo trong phân tích dữ liệu nghiệp vụ",
  "Cải tiến quy trình tiếp nhận và xử lý tin báo",
  "Số hóa hồ sơ nghiệp vụ phục vụ Đề án 06",
  "Giải pháp nâng cao hiệu quả công tác bảo đảm an toàn thông tin",
  "Đổi mới phương pháp huấn luyện điều lệnh, võ thuật",
  "Tự động hóa báo cáo thống kê định kỳ",
  "Xây dựng cơ sở dữ liệu phục vụ công tác tham mưu",
  "Cải tiến công tác bảo quản, sửa chữa trang thiết bị kỹ thuật",
  "Ứng dụng định danh điện tử trong quản lý xuất nhập cảnh",
  "Nâng cao chất lượng công tác bảo vệ mục tiêu",
  "Quy trình phối hợp xác minh, truy xét",
  "Giải pháp tiết kiệm năng lượng tại trụ sở làm việc",
];

const RATINGS: Weighted<TaskRating> = [["EXCELLENT", 16], ["GOOD", 64], ["COMPLETE", 18], ["INCOMPLETE", 2]];
const RATINGS_ALL_COMPLETE: Weighted<TaskRating> = [["EXCELLENT", 16], ["GOOD", 64], ["COMPLETE", 20]];
/** Officers registered for CSTĐCS or higher work for it. */
const RATINGS_AIMING: Weighted<TaskRating> = [["EXCELLENT", 55], ["GOOD", 41], ["COMPLETE", 4]];

export type NewInitiative = Initiative & { officerId: string; decisionNo: string };
export type OfficerResult = { officerId: string; unit: DemoUnitCode; rating: TaskRating; title: IndividualTitle | null };

export type YearResults = {
  results: OfficerResult[];
  initiatives: NewInitiative[];
  /** Per unit: the members' facts for the collective titles (RESULTS stage). */
  summaries: Record<DemoUnitCode, UnitMemberSummary>;
  awarded: Record<IndividualTitle, number>;
};

/** The officers' decision day of a year (unit decisions come on the 10th). */
export const officerDecisionDay = (year: number) => `${year}-12-20`;

/**
 * The year's end for every officer: a rating (a disciplined officer "Hoàn thành nhiệm vụ"; one
 * registered for CSTĐCS or higher mostly better), the initiatives the registered targets need (most
 * of them come), and the highest title the engine finds ELIGIBLE on the decision day, never above the
 * title registered; then each unit's CSTĐCS quota on the titles awarded (the last in priority drop to
 * CST). Appends the year to every officer's history.
 */
export function decideResults(world: DemoWorld, year: number, registered: ReadonlyMap<string, IndividualTitle>): YearResults {
  const asOf = officerDecisionDay(year);
  const stage = { stage: "RESULTS" as const, asOf };
  const results: OfficerResult[] = [];
  const initiatives: NewInitiative[] = [];
  const summaries = {} as Record<DemoUnitCode, UnitMemberSummary>;
  const awarded: Record<IndividualTitle, number> = { CST: 0, CSTDCS: 0, CSTD_CAND: 0, CSTD_TQ: 0 };
  const addInitiative = (officerId: string, level: InitiativeLevel, unit: DemoUnitCode) => {
    const n = world.topic++;
    const title = INITIATIVE_TOPICS[n % INITIATIVE_TOPICS.length]!;
    const decisionNo = level === "BASE" ? `${100 + (n % 400)}/QĐ-HĐSK-${unit}` : level === "MINISTRY" ? `${700 + (n % 90)}/QĐ-BCA` : `${20 + (n % 70)}/QĐ-HĐSKQG`;
    const initiative = { year, level, title, officerId, decisionNo };
    initiatives.push(initiative);
    world.history.get(officerId)!.initiatives.push({ year, level, title });
  };
  const hasInitiative = (officerId: string, minLevel: InitiativeLevel, fromYear: number) =>
    world.history.get(officerId)!.initiatives.some((i) => i.year >= fromYear && i.year <= year && initiativeLevel(i.level) >= initiativeLevel(minLevel));

  for (const unit of DEMO_UNIT_CODES) {
    const rng = rngFor(SEED, "results", String(year), unit);
    const allComplete = rng() < 0.75;
    const members = world.byUnit[unit];
    const decided = new Map<string, { rating: TaskRating; title: IndividualTitle | null; priority: number }>();
    for (const o of members) {
      const h = world.history.get(o.id)!;
      const target = registered.get(o.id) ?? null;
      const aiming = individualLevel(target) >= 2;
      const blocked = disciplineHits(h.disciplines, year, stage).length > 0;
      let rating = pickWeighted(rng, aiming ? RATINGS_AIMING : allComplete ? RATINGS_ALL_COMPLETE : RATINGS);
      if (blocked) rating = "COMPLETE";
      // The initiatives the targets rest on; most of them come.
      if (aiming && !blocked && rng() < 0.9) addInitiative(o.id, "BASE", unit);
      if (individualLevel(target) >= 3 && !hasInitiative(o.id, "MINISTRY", year - 2) && rng() < 0.6) addInitiative(o.id, "MINISTRY", unit);
      if (target === "CSTD_TQ" && !hasInitiative(o.id, "NATIONAL", year - 5) && rng() < 0.5) addInitiative(o.id, "NATIONAL", unit);
      // A few initiatives that lead to no title.
      if (!aiming && rng() < 0.03) addInitiative(o.id, "BASE", unit);

      const facts = computeFacts({ ...h, years: [...h.years, { year, rating }] }, year, world.settings, stage);
      let title: IndividualTitle | null = null;
      if (target) {
        for (let level = individualLevel(target); level >= 1 && !title; level--) {
          const candidate = (["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ"] as const)[level - 1]!;
          if (facts.statuses[level - 1] === "ELIGIBLE") title = candidate;
        }
      }
      decided.set(o.id, { rating, title, priority: individualLevel(title) * 10 + (h.years.at(-1)?.awardedTitle && h.years.at(-1)!.awardedTitle !== "CST" ? 1 : 0) });
    }
    // The quota on the titles awarded: the last in priority (then by code, last first) drop to CST.
    const titled = members.filter((o) => decided.get(o.id)!.title);
    const cap = cstdcsAllowed(titled.length, world.settings.cstdcsQuotaPercent);
    const high = titled.filter((o) => individualLevel(decided.get(o.id)!.title) >= 2);
    high.sort((a, b) => decided.get(a.id)!.priority - decided.get(b.id)!.priority || (a.code < b.code ? 1 : -1));
    for (const o of high.slice(0, Math.max(0, high.length - cap))) decided.get(o.id)!.title = "CST";

    const ratingCounts: Partial<Record<TaskRating, number>> = {};
    const disciplines: MemberDiscipline[] = [];
    let cst = 0;
    let cstdcs = 0;
    for (const o of members) {
      const { rating, title } = decided.get(o.id)!;
      const h = world.history.get(o.id)!;
      // The engine has the last word on every title (a bug here fails the seed, not the demo).
      if (title) {
        const check = explainTitle(computeFacts({ ...h, years: [...h.years, { year, rating }] }, year, world.settings, stage), title);
        if (check.status !== "ELIGIBLE") throw new Error(`Demo ${year}: ${o.code} ${title}: ${check.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ")}`);
        awarded[title]++;
      }
      h.years.push({ year, rating, ...(title ? { awardedTitle: title } : {}) });
      results.push({ officerId: o.id, unit, rating, title });
      ratingCounts[rating] = (ratingCounts[rating] ?? 0) + 1;
      if (individualLevel(title) >= 1) cst++;
      if (individualLevel(title) >= 2) cstdcs++;
      for (const record of h.disciplines) disciplines.push({ officerId: o.id, officerName: o.name, record });
    }
    summaries[unit] = { memberCount: members.length, cstCount: cst, cstdcsCount: cstdcs, ratingCounts, disciplines };
  }
  return { results, initiatives, summaries, awarded };
}

/** Members' discipline records of "Cảnh cáo" or heavier counting against `year` (a report's penalty). */
export function seriousDisciplines(world: DemoWorld, unit: DemoUnitCode, year: number): number {
  let n = 0;
  for (const o of world.byUnit[unit]) {
    n += disciplineHits(world.history.get(o.id)!.disciplines, year, { stage: "RESULTS", asOf: officerDecisionDay(year) }, 1).length;
  }
  return n;
}
