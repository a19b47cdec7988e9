// Results of an emulation year (DOMAIN.md §4 step 7) and the records later prerequisites read:
// an officer's task rating and awarded title with its decision, the secretariat's verification, a
// unit's collective title, initiatives and discipline records; and the Excel import's command.
//
// Results are kept against the calendar year of a cluster's EmulationYear (OfficerYearResult.year):
// the history follows the officer. A CLOSED year refuses every write; results are accepted from the
// year-end report phase on (RESULTS_PHASES in src/domain/excel-rows.ts). An awarded title must be one
// the rules engine, at the RESULTS stage on the decision day, finds ELIGIBLE — else the refusal says why.
// A unit officer's entries wait for the secretariat (verified = false); the secretariat's own entries,
// and the ones it verifies, are verified. Scope always comes from the stored records, never the form.
import { z } from "zod";
import {
  countQuotaTitles,
  checkFlagAllocation,
  COLLECTIVE_TITLES,
  DISCIPLINE_FORMS,
  DISCIPLINE_STATUSES,
  evaluateUnit,
  INDIVIDUAL_TITLES,
  INITIATIVE_LEVELS,
  unitResultFor,
  type CollectiveTitle,
  type FlagProposal,
  type IndividualTitle,
  type MemberDiscipline,
  type TaskRating,
  type UnitMemberSummary,
  awardedTitleFailure,
} from "@/domain/eligibility";
import { formatIso, looksLikeFormula, looksLikeScript, resultsWindowError } from "@/domain/excel-rows";
import { can, type Actor, type Target } from "@/domain/permissions";
import { RANKS } from "@/domain/ranks";
import { vietnamToday } from "@/domain/registration-window";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { isUuid, idField, isStorableText, optionalDate, requiredDate } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { MAX_YEAR, MIN_YEAR, YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { parseYearSettings } from "@/domain/year-settings";
import type { Tx } from "@/server/db";
import {
  applyImport,
  loadImportContext,
  readUploadedWorkbook,
  type ImportSummary,
  type UploadedFile,
} from "@/server/excel/import";
import { disciplineRecord, loadOfficerHistories } from "@/server/store/eligibility-data";
import { prisma } from "@/server/db";
import { decodeImportErrors, parseWorkbook, type ImportError } from "@/domain/excel-rows";
import { defineCommand, executeCommand, NOT_FOUND, NOT_SIGNED_IN, NotFoundError, UserError } from "./command";
import { lockCluster } from "@/server/store/locks";

// ---------------------------------------------------------------------------------------------
// Fields

export const RATING_CODES = Object.keys(TASK_RATINGS) as [TaskRating, ...TaskRating[]];

/** Free text from a form: trimmed, NFC, collapsed; no control characters, formulas or scripts. */
const plainText = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .refine((s) => [...s].length <= max, `${label} tối đa ${max} ký tự.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.isWellFormed(), `${label} chứa ký tự không hợp lệ.`)
    .refine((s) => !looksLikeFormula(s), `${label} không được bắt đầu bằng “=”, “+”, “-”, “@” như công thức.`)
    .refine((s) => !looksLikeScript(s), `${label} không được chứa mã script hoặc thẻ HTML.`);

const optionalPlain = (label: string, max: number) =>
  plainText(label, max)
    .optional()
    .transform((s) => (s ? s : null));

const requiredPlain = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .pipe(plainText(label, max))
    .refine((s) => s.length > 0, `${label} là bắt buộc.`);

const optionalEnum = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z
    .union([z.literal(""), z.enum(values, { error: message })], { error: message })
    .optional()
    .transform((v) => (v ? (v as T) : null));

const decisionFields = {
  decisionNo: optionalPlain("Số quyết định", 60),
  decisionDate: optionalDate("Ngày quyết định"),
  decisionSigner: optionalPlain("Người ký", 120),
};

/** A title needs its decision (number, date, signer); a decision needs a title. */
function requireDecision(
  value: { decisionNo: string | null; decisionDate: string | null; decisionSigner: string | null },
  title: string | null,
  ctx: z.RefinementCtx,
  titleField: string,
) {
  if (title) {
    if (!value.decisionNo) ctx.addIssue({ code: "custom", path: ["decisionNo"], message: "Số quyết định là bắt buộc khi có danh hiệu được công nhận." });
    if (!value.decisionDate) ctx.addIssue({ code: "custom", path: ["decisionDate"], message: "Ngày quyết định là bắt buộc khi có danh hiệu được công nhận." });
    if (!value.decisionSigner) ctx.addIssue({ code: "custom", path: ["decisionSigner"], message: "Người ký là bắt buộc khi có danh hiệu được công nhận." });
  } else if (value.decisionNo || value.decisionDate || value.decisionSigner) {
    ctx.addIssue({ code: "custom", path: [titleField], message: "Có quyết định nhưng chưa chọn danh hiệu được công nhận." });
  }
}

// ---------------------------------------------------------------------------------------------
// Shared steps

/** The officer's stored unit and cluster (unknown id → empty scope → not found). */
export async function officerScope(tx: Tx, officerId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT o."unitId"::text AS "unitId", u."clusterId"::text AS "clusterId"
    FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId"
    WHERE o.id = ${officerId}::uuid`;
  return rows[0] ?? {};
}

/** A member unit's scope (sub-units are not members). */
export async function memberUnitScope(tx: Tx, unitId: string): Promise<Target> {
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, clusterId: true, parentId: true } });
  if (!unit || unit.parentId) return {};
  return { unitId: unit.id, clusterId: unit.clusterId };
}

/** One import or result entry of a unit at a time (the import takes the same lock). */
async function lockUnit(tx: Tx, unitId: string) {
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unitId}::uuid FOR NO KEY UPDATE`;
}

/**
 * The year (of the target's cluster), read FOR SHARE so that its phase cannot change (nor the year
 * close) before the transaction ends, and open for results.
 */
async function resultsYear(tx: Tx, yearId: string, clusterId: string) {
  const rows = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase; clusterId: string; settings: unknown }[]>`
    SELECT id::text AS id, year, phase::text AS phase, "clusterId"::text AS "clusterId", settings
    FROM "EmulationYear" WHERE id = ${yearId}::uuid FOR SHARE`;
  const year = rows[0] ? { ...rows[0], year: Number(rows[0].year) } : null;
  if (!year || year.clusterId !== clusterId) throw new NotFoundError();
  const closed = resultsWindowError(year);
  if (closed) throw new UserError(closed);
  return year;
}

function checkDecisionDate(iso: string | null, year: number, now: Date) {
  if (!iso) return;
  const from = `${year}-01-01`;
  const today = vietnamToday(now);
  if (iso < from || iso > today) {
    const message = `Ngày quyết định phải từ ${formatIso(from)} đến hôm nay (${formatIso(today)}).`;
    throw new UserError(message, { decisionDate: [message] });
  }
}

async function assertTitleActive(tx: Tx, code: string, kind: "INDIVIDUAL" | "COLLECTIVE", field: string) {
  const title = await tx.titleDefinition.findUnique({ where: { code }, select: { active: true, kind: true, name: true } });
  if (!title || title.kind !== kind) throw new UserError("Danh hiệu không hợp lệ.", { [field]: ["Danh hiệu không hợp lệ."] });
  if (!title.active) {
    const message = `Danh hiệu “${title.name}” đã ngừng sử dụng.`;
    throw new UserError(message, { [field]: [message] });
  }
}

const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

// ---------------------------------------------------------------------------------------------
// An officer's result

export const recordOfficerResultInput = z
  .object({
    yearId: idField("Năm thi đua"),
    officerId: idField("Cán bộ"),
    rating: z.enum(RATING_CODES, { error: "Vui lòng chọn xếp loại." }),
    awardedTitleCode: optionalEnum(INDIVIDUAL_TITLES, "Danh hiệu không hợp lệ."),
    ...decisionFields,
  })
  .superRefine((v, ctx) => requireDecision(v, v.awardedTitleCode, ctx, "awardedTitleCode"));

const RESULT_AUDIT = { id: true, officerId: true, year: true, rating: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true, verified: true } as const;

export const recordOfficerResult = defineCommand({
  name: "result.record",
  permission: "results.enter",
  input: recordOfficerResultInput,
  target: (tx, input) => officerScope(tx, input.officerId),
  async run(tx, input, actor, target) {
    await lockUnit(tx, target.unitId!);
    const year = await resultsYear(tx, input.yearId, target.clusterId!);
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { id: true, fullName: true } });
    checkDecisionDate(input.decisionDate, year.year, new Date());
    if (input.awardedTitleCode) {
      await assertTitleActive(tx, input.awardedTitleCode, "INDIVIDUAL", "awardedTitleCode");
      const history = (await loadOfficerHistories(tx, [officer.id], year.year)).get(officer.id)!;
      const failure = awardedTitleFailure(
        history,
        { year: year.year, rating: input.rating, title: input.awardedTitleCode, decisionDate: input.decisionDate },
        parseYearSettings(year.settings),
      );
      if (failure) {
        const message = `${officer.fullName} ${failure}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
    }
    const verified = can(actor, "results.verify", target);
    const before = await tx.officerYearResult.findUnique({ where: { officerId_year: { officerId: officer.id, year: year.year } }, select: RESULT_AUDIT });
    const values = {
      rating: input.rating,
      awardedTitleCode: input.awardedTitleCode,
      decisionNo: input.decisionNo,
      decisionDate: toDate(input.decisionDate),
      decisionSigner: input.decisionSigner,
    };
    const changed =
      !before ||
      before.rating !== values.rating ||
      before.awardedTitleCode !== values.awardedTitleCode ||
      before.decisionNo !== values.decisionNo ||
      isoOf(before.decisionDate) !== input.decisionDate ||
      before.decisionSigner !== values.decisionSigner;
    if (!changed && (before!.verified || !verified)) {
      return { data: { id: before!.id }, message: "Không có thay đổi nào.", audit: { entityType: "OfficerYearResult", entityId: before!.id, before, after: before } };
    }
    const after = await tx.officerYearResult.upsert({
      where: { officerId_year: { officerId: officer.id, year: year.year } },
      create: { officerId: officer.id, year: year.year, ...values, verified },
      update: { ...values, verified },
      select: RESULT_AUDIT,
    });
    return {
      data: { id: after.id },
      message: verified
        ? `Đã ghi nhận và xác nhận kết quả năm ${year.year} của ${officer.fullName}.`
        : `Đã ghi nhận kết quả năm ${year.year} của ${officer.fullName}; chờ Thư ký cụm xác nhận.`,
      audit: { entityType: "OfficerYearResult", entityId: after.id, before, after },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Verification by the secretariat (one officer, or every unverified result of a unit)

export const verifyOfficerResultsInput = z.object({
  yearId: idField("Năm thi đua"),
  unitId: idField("Đơn vị"),
  officerId: z
    .union([z.literal(""), idField("Cán bộ")])
    .optional()
    .transform((v) => v || null),
});

export const verifyOfficerResults = defineCommand({
  name: "result.verify",
  permission: "results.verify",
  input: verifyOfficerResultsInput,
  target: (tx, input) => memberUnitScope(tx, input.unitId),
  async run(tx, input, _actor, target) {
    await lockUnit(tx, target.unitId!);
    const year = await resultsYear(tx, input.yearId, target.clusterId!);
    const pending = await tx.officerYearResult.findMany({
      where: { year: year.year, verified: false, officer: { unitId: target.unitId! }, ...(input.officerId ? { officerId: input.officerId } : {}) },
      select: { id: true, officerId: true, rating: true, awardedTitleCode: true, decisionDate: true, officer: { select: { fullName: true } } },
    });
    if (pending.length === 0) {
      throw new UserError(input.officerId ? "Kết quả này không ở trạng thái chờ xác nhận." : "Không có kết quả nào chờ xác nhận.");
    }
    // The history may have changed since the entry (a discipline recorded since): check again.
    const settings = parseYearSettings(year.settings);
    const withTitle = pending.filter((p) => p.awardedTitleCode);
    const histories = await loadOfficerHistories(tx, withTitle.map((p) => p.officerId), year.year);
    const refused: { officerId: string; name: string; reason: string }[] = [];
    for (const p of withTitle) {
      const failure = p.rating
        ? awardedTitleFailure(
            histories.get(p.officerId)!,
            { year: year.year, rating: p.rating, title: p.awardedTitleCode as IndividualTitle, decisionDate: isoOf(p.decisionDate) },
            settings,
          )
        : "chưa có xếp loại.";
      if (failure) refused.push({ officerId: p.officerId, name: p.officer.fullName, reason: failure });
    }
    const refusedIds = new Set(refused.map((r) => r.officerId));
    const ids = pending.filter((p) => !refusedIds.has(p.officerId)).map((p) => p.id);
    if (ids.length === 0) {
      throw new UserError(
        refused.length === 1
          ? `Chưa xác nhận được: ${refused[0]!.name} ${refused[0]!.reason}`
          : `Chưa xác nhận được kết quả nào: ${refused.length} danh hiệu không còn đủ điều kiện (${refused.slice(0, 5).map((r) => r.name).join(", ")}${refused.length > 5 ? ", …" : ""}).`,
      );
    }
    await tx.officerYearResult.updateMany({ where: { id: { in: ids } }, data: { verified: true } });
    const skipped = refused.length
      ? ` ${refused.length} kết quả chưa xác nhận vì danh hiệu không còn đủ điều kiện: ${refused
          .slice(0, 5)
          .map((r) => `${r.name} (${r.reason})`)
          .join("; ")}${refused.length > 5 ? "; …" : ""}`
      : "";
    return {
      data: { verified: ids.length, skipped: refused.length },
      message: `Đã xác nhận ${ids.length} kết quả năm ${year.year}.${skipped}`,
      audit: {
        entityType: "OfficerYearResult",
        entityId: input.officerId,
        after: { year: year.year, unitId: target.unitId, verified: ids.length, skipped: refused.map((r) => ({ officerId: r.officerId, reason: r.reason })) },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// A unit's collective title

export const recordUnitResultInput = z
  .object({
    yearId: idField("Năm thi đua"),
    unitId: idField("Đơn vị"),
    awardedTitleCode: optionalEnum(COLLECTIVE_TITLES, "Danh hiệu không hợp lệ."),
    ...decisionFields,
  })
  .superRefine((v, ctx) => requireDecision(v, v.awardedTitleCode, ctx, "awardedTitleCode"));

const FLAGS = new Set<string>(["CO_BCA", "CO_CP"]);

/**
 * The unit's members for `year` as the engine's counts, aggregated in SQL: active officers, their
 * recorded ratings and awarded titles that year, and their discipline records that count against it.
 */
async function memberSummary(tx: Tx, unitId: string, year: number): Promise<UnitMemberSummary> {
  const [members, ratings, titles, disciplines] = await Promise.all([
    tx.officer.count({ where: { unitId, active: true } }),
    tx.$queryRaw<{ rating: TaskRating; n: number }[]>`
      SELECT r.rating::text AS rating, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r.rating IS NOT NULL
      GROUP BY r.rating`,
    tx.$queryRaw<{ title: string; n: number }[]>`
      SELECT r."awardedTitleCode" AS title, count(*)::int AS n
      FROM "OfficerYearResult" r JOIN "Officer" o ON o.id = r."officerId"
      WHERE o."unitId" = ${unitId}::uuid AND o.active AND r.year = ${year} AND r."awardedTitleCode" IS NOT NULL
      GROUP BY r."awardedTitleCode"`,
    tx.discipline.findMany({
      where: {
        officer: { unitId, active: true },
        status: { not: "CLEARED" },
        fromDate: { lte: new Date(`${year}-12-31T00:00:00Z`) },
        OR: [{ toDate: null }, { toDate: { gte: new Date(`${year}-01-01T00:00:00Z`) } }],
      },
      select: { id: true, officerId: true, form: true, status: true, fromDate: true, toDate: true, officer: { select: { fullName: true } } },
    }),
  ]);
  return {
    memberCount: members,
    ...countQuotaTitles(titles.map((t) => ({ titleCode: t.title, n: t.n }))),
    ratingCounts: Object.fromEntries(ratings.map((r) => [r.rating, r.n])),
    disciplines: disciplines.map<MemberDiscipline>((d) => ({ officerId: d.officerId, officerName: d.officer.fullName, record: disciplineRecord(d) })),
  };
}

const UNIT_RESULT_AUDIT = { id: true, emulationYearId: true, unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true } as const;

export const recordUnitResult = defineCommand({
  name: "result.unit",
  // The collective title is the cluster's record of the Ministry's decision: the secretariat enters it.
  permission: "results.verify",
  input: recordUnitResultInput,
  target: (tx, input) => memberUnitScope(tx, input.unitId),
  async run(tx, input, _actor, target) {
    const clusterId = target.clusterId!;
    const unitId = target.unitId!;
    // Flags are counted over the whole cluster: one flag decision of the cluster at a time.
    await tx.$queryRaw`SELECT id FROM "Cluster" WHERE id = ${clusterId}::uuid FOR NO KEY UPDATE`;
    const year = await resultsYear(tx, input.yearId, clusterId);
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
    checkDecisionDate(input.decisionDate, year.year, new Date());
    const settings = parseYearSettings(year.settings);
    const title = input.awardedTitleCode as CollectiveTitle | null;
    if (title) {
      await assertTitleActive(tx, title, "COLLECTIVE", "awardedTitleCode");
      const evaluation = evaluateUnit(
        // The Ministry's decision on a flag records the cluster's acclaim and lead.
        { unitId, members: await memberSummary(tx, unitId, year.year), acclaimed: true, clusterRank: 1 },
        year.year,
        settings,
        input.decisionDate ? { stage: "RESULTS", asOf: input.decisionDate } : { stage: "RESULTS" },
      );
      const result = unitResultFor(evaluation, title);
      if (result.status !== "ELIGIBLE") {
        const why = result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ");
        const message = `${unit.name} chưa đủ điều kiện công nhận danh hiệu này. ${why}`;
        throw new UserError(message, { awardedTitleCode: [message] });
      }
      if (FLAGS.has(title)) {
        const others = await tx.unitYearResult.findMany({
          where: { emulationYearId: year.id, unitId: { not: unitId }, awardedTitleCode: { in: [...FLAGS] } },
          select: { unitId: true, awardedTitleCode: true, unit: { select: { name: true } } },
        });
        const proposals: FlagProposal[] = [
          ...others.map((o) => ({ unitId: o.unitId, title: o.awardedTitleCode as "CO_BCA" | "CO_CP", unitName: o.unit.name })),
          { unitId, title: title as "CO_BCA" | "CO_CP", unitName: unit.name },
        ];
        const allocation = checkFlagAllocation(proposals, settings);
        if (!allocation.ok) {
          const message = `Vượt số cờ thi đua của Cụm năm ${year.year}: ${allocation.issues.join(" ")}`;
          throw new UserError(message, { awardedTitleCode: [message] });
        }
      }
    }
    const before = await tx.unitYearResult.findUnique({ where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } }, select: UNIT_RESULT_AUDIT });
    const values = {
      awardedTitleCode: title,
      decisionNo: input.decisionNo,
      decisionDate: toDate(input.decisionDate),
      decisionSigner: input.decisionSigner,
    };
    const after = await tx.unitYearResult.upsert({
      where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } },
      create: { emulationYearId: year.id, unitId, ...values },
      update: values,
      select: UNIT_RESULT_AUDIT,
    });
    return {
      data: { id: after.id },
      message: title ? `Đã ghi nhận danh hiệu năm ${year.year} của ${unit.name}.` : `Đã bỏ danh hiệu năm ${year.year} của ${unit.name}.`,
      audit: { entityType: "UnitYearResult", entityId: after.id, before, after },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Initiatives and discipline records (permission history.manage)

const INITIATIVE_LEVEL_CODES = Object.keys(INITIATIVE_LEVELS) as [keyof typeof INITIATIVE_LEVELS, ...(keyof typeof INITIATIVE_LEVELS)[]];
const FORM_CODES = Object.keys(DISCIPLINE_FORMS) as [keyof typeof DISCIPLINE_FORMS, ...(keyof typeof DISCIPLINE_FORMS)[]];
const STATUS_CODES = Object.keys(DISCIPLINE_STATUSES) as [keyof typeof DISCIPLINE_STATUSES, ...(keyof typeof DISCIPLINE_STATUSES)[]];

export const addInitiativeInput = z.object({
  officerId: idField("Cán bộ"),
  year: z.coerce
    .number({ error: "Năm công nhận phải là một số." })
    .int("Năm công nhận phải là số nguyên.")
    .min(MIN_YEAR, `Năm công nhận phải từ ${MIN_YEAR} trở đi.`)
    .max(MAX_YEAR, `Năm công nhận không được sau ${MAX_YEAR}.`),
  level: z.enum(INITIATIVE_LEVEL_CODES, { error: "Vui lòng chọn cấp sáng kiến." }),
  title: requiredPlain("Tên sáng kiến", 300),
  decisionNo: optionalPlain("Số quyết định công nhận", 60),
});

/** A calendar year whose cluster year is closed is read-only for the officer's cluster. */
async function assertCalendarYearsOpen(tx: Tx, clusterId: string, years: number[], field = "year") {
  await lockCluster(tx, clusterId, "shared");
  const closed = await tx.emulationYear.findMany({ where: { clusterId, year: { in: years }, phase: "CLOSED" }, select: { year: true } });
  // The first of the years asked about that is closed.
  const year = years.find((y) => closed.some((c) => c.year === y));
  if (year !== undefined) throw new UserError(`${YEAR_CLOSED_MESSAGE} (năm ${year})`, { [field]: [YEAR_CLOSED_MESSAGE] });
}

export const addInitiative = defineCommand({
  name: "initiative.add",
  permission: "history.manage",
  input: addInitiativeInput,
  target: (tx, input) => officerScope(tx, input.officerId),
  async run(tx, input, _actor, target) {
    const thisYear = Number(vietnamToday(new Date()).slice(0, 4));
    if (input.year > thisYear) {
      const message = `Năm công nhận không được sau năm nay (${thisYear}).`;
      throw new UserError(message, { year: [message] });
    }
    await assertCalendarYearsOpen(tx, target.clusterId!, [input.year]);
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.initiative.create({
      data: { officerId: input.officerId, year: input.year, level: input.level, title: input.title, decisionNo: input.decisionNo },
    });
    return {
      data: { id: created.id },
      message: `Đã thêm sáng kiến năm ${input.year} của ${officer.fullName}.`,
      audit: { entityType: "Initiative", entityId: created.id, after: created },
    };
  },
});

const disciplineFields = {
  form: z.enum(FORM_CODES, { error: "Vui lòng chọn hình thức kỷ luật." }),
  status: z.enum(STATUS_CODES, { error: "Vui lòng chọn trạng thái." }),
  fromDate: requiredDate("Ngày bắt đầu"),
  toDate: optionalDate("Ngày kết thúc"),
  note: optionalPlain("Ghi chú", 500),
};

const checkPeriod = (v: { fromDate: string; toDate: string | null }, ctx: z.RefinementCtx) => {
  if (v.toDate && v.fromDate && v.toDate < v.fromDate) {
    ctx.addIssue({ code: "custom", path: ["toDate"], message: "Ngày kết thúc không được trước ngày bắt đầu." });
  }
};

export const addDisciplineInput = z.object({ officerId: idField("Cán bộ"), ...disciplineFields }).superRefine(checkPeriod);
export const updateDisciplineInput = z.object({ id: idField("Bản ghi kỷ luật"), ...disciplineFields }).superRefine(checkPeriod);

const DISCIPLINE_AUDIT = { id: true, officerId: true, form: true, status: true, fromDate: true, toDate: true, note: true } as const;

export const addDiscipline = defineCommand({
  name: "discipline.add",
  permission: "history.manage",
  input: addDisciplineInput,
  target: (tx, input) => officerScope(tx, input.officerId),
  async run(tx, input, _actor, target) {
    // A record dated in a closed year belongs to that year's closed books (corrections are amendments).
    await assertCalendarYearsOpen(tx, target.clusterId!, [Number(input.fromDate.slice(0, 4))], "fromDate");
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.discipline.create({
      data: { officerId: input.officerId, form: input.form, status: input.status, fromDate: toDate(input.fromDate)!, toDate: toDate(input.toDate), note: input.note },
      select: DISCIPLINE_AUDIT,
    });
    return {
      data: { id: created.id },
      message: `Đã ghi nhận ${DISCIPLINE_FORMS[input.form].toLowerCase()} (${DISCIPLINE_STATUSES[input.status].toLowerCase()}) đối với ${officer.fullName}.`,
      audit: { entityType: "Discipline", entityId: created.id, after: created },
    };
  },
});

async function disciplineScope(tx: Tx, id: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT o."unitId"::text AS "unitId", u."clusterId"::text AS "clusterId"
    FROM "Discipline" d JOIN "Officer" o ON o.id = d."officerId" JOIN "Unit" u ON u.id = o."unitId"
    WHERE d.id = ${id}::uuid
    FOR UPDATE OF d`;
  return rows[0] ?? {};
}

export const updateDiscipline = defineCommand({
  name: "discipline.update",
  permission: "history.manage",
  input: updateDisciplineInput,
  target: (tx, input) => disciplineScope(tx, input.id),
  async run(tx, input, _actor, target) {
    const before = await tx.discipline.findUniqueOrThrow({ where: { id: input.id }, select: DISCIPLINE_AUDIT });
    // Neither the stored record nor the corrected one may be dated in a closed year.
    // The year it was in and the year it moves to: one lock, one lookup.
    await assertCalendarYearsOpen(tx, target.clusterId!, [before.fromDate.getUTCFullYear(), Number(input.fromDate.slice(0, 4))], "fromDate");
    const after = await tx.discipline.update({
      where: { id: input.id },
      data: { form: input.form, status: input.status, fromDate: toDate(input.fromDate)!, toDate: toDate(input.toDate), note: input.note },
      select: DISCIPLINE_AUDIT,
    });
    const changed = (Object.keys(DISCIPLINE_AUDIT) as (keyof typeof DISCIPLINE_AUDIT)[]).some((k) => String(before[k]) !== String(after[k]));
    return {
      data: { id: after.id },
      message: changed ? "Đã cập nhật bản ghi kỷ luật." : "Không có thay đổi nào.",
      audit: { entityType: "Discipline", entityId: after.id, before, after },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// The Excel import (the file is read and its rows validated by the server action; see import.ts)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const codeString = z.string().min(1).max(32).regex(/^[A-Z0-9._-]+$/);
// The parsed workbook comes from our own parser, but the command still refuses what Postgres cannot store.
const storable = z.string().refine(isStorableText);
const nameString = storable.min(1).max(120);
const row = z.number().int().min(2).max(1_048_576);

export const importWorkbookInput = z.object({
  yearId: idField("Năm thi đua"),
  fileName: storable.min(1).max(200),
  officers: z
    .array(
      z.object({
        row,
        code: codeString,
        fullName: nameString,
        rank: z.enum(RANKS as unknown as [string, ...string[]]),
        position: storable.min(1).max(120),
        subUnitId: z.uuid().nullable(),
      }),
    )
    .max(10_000),
  registrations: z.array(z.object({ row, code: codeString, fullName: nameString.nullable(), titleCode: z.enum(INDIVIDUAL_TITLES) })).max(10_000),
  results: z
    .array(
      z.object({
        row,
        code: codeString,
        fullName: nameString.nullable(),
        rating: z.enum(RATING_CODES),
        awardedTitleCode: z.enum(INDIVIDUAL_TITLES).nullable(),
        decisionNo: storable.max(60).nullable(),
        decisionDate: z.string().regex(ISO_DATE).nullable(),
        decisionSigner: storable.max(120).nullable(),
      }),
    )
    .max(10_000),
});

function summaryMessage(s: ImportSummary): string {
  const fmt = (n: number) => n.toLocaleString("vi-VN");
  const part = (label: string, c: ImportSummary["officers"]) =>
    c.created + c.updated + c.unchanged === 0 ? null : `${label}: ${fmt(c.created)} mới, ${fmt(c.updated)} cập nhật, ${fmt(c.unchanged)} không đổi`;
  const parts = [part("cán bộ", s.officers), part("đăng ký danh hiệu", s.registrations), part("kết quả", s.results)].filter(Boolean);
  if (s.changedRows === 0) return `Tệp “${s.fileName}” không có thay đổi nào so với dữ liệu đã lưu (${parts.join("; ")}).`;
  return `Đã nhập tệp “${s.fileName}” (năm ${s.year}): ${parts.join("; ")}.`;
}

export const importWorkbook = defineCommand({
  name: "excel.import",
  permission: "officer.manage",
  input: importWorkbookInput,
  // 5,000 rows take a few seconds; a busy server must not cut the import off halfway.
  transaction: { maxWait: 10_000, timeout: 60_000 },
  // The unit officer's own member unit; the file has no say in it.
  async target(tx, _input, actor: Actor) {
    if (!actor.unitId) return {};
    return memberUnitScope(tx, actor.unitId);
  },
  async run(tx, input, actor, target) {
    if (input.registrations.length > 0 && !can(actor, "registration.edit", target)) throw new NotFoundError();
    if (input.results.length > 0 && !can(actor, "results.enter", target)) throw new NotFoundError();
    const summary = await applyImport(
      tx,
      {
        ...input,
        officers: input.officers as Parameters<typeof applyImport>[1]["officers"],
      },
      { unitId: target.unitId!, clusterId: target.clusterId!, now: new Date(), verified: can(actor, "results.verify", target) },
    );
    const { warnings, ...counts } = summary;
    return {
      data: summary,
      message: summaryMessage(summary),
      audit: { entityType: "ExcelImport", entityId: target.unitId!, after: { ...counts, warnings: warnings.length } },
    };
  },
});


export type ImportOutcome =
  | { ok: true; message: string; summary: ImportSummary }
  | { ok: false; message: string; errors: ImportError[] };

/** Shown when the errors are many: the table lists the first ones. */
export const MAX_ERRORS_SHOWN = 300;

/**
 * The whole import of an uploaded file for a unit officer: read the file (size first, then type),
 * validate every row, then run importWorkbook (one transaction: the checks that need the database,
 * then the writes). Errors come back by sheet, row and column; nothing is written unless none is found.
 */
export async function importUploadedFile(actor: Actor | null, file: UploadedFile | null | undefined, yearId: unknown): Promise<ImportOutcome> {
  if (!actor) return { ok: false, message: NOT_SIGNED_IN, errors: [] };
  if (!can(actor, "officer.manage", { unitId: actor.unitId, clusterId: actor.clusterId }) || !actor.unitId) return { ok: false, message: NOT_FOUND, errors: [] };
  const year = typeof yearId === "string" && isUuid(yearId) ? yearId : null;
  if (!year) return { ok: false, message: "Vui lòng chọn năm thi đua.", errors: [] };
  const read = await readUploadedWorkbook(file);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const loaded = await loadImportContext(prisma, actor.unitId, year, new Date());
  if (!loaded) return { ok: false, message: NOT_FOUND, errors: [] };
  const parsed = parseWorkbook(read.sheets, loaded.context);
  if (parsed.errors.length > 0) {
    const n = parsed.errors.length;
    return {
      ok: false,
      message: `Tệp có ${n.toLocaleString("vi-VN")} lỗi; chưa có dữ liệu nào được lưu. Hãy sửa các lỗi dưới đây rồi nhập lại.`,
      errors: parsed.errors,
    };
  }
  const result = await executeCommand(importWorkbook, actor, {
    yearId: year,
    fileName: read.fileName,
    officers: parsed.officers,
    registrations: parsed.registrations,
    results: parsed.results,
  });
  if (result.ok) return { ok: true, message: result.message ?? "Đã nhập tệp.", summary: result.data! };
  return { ok: false, message: result.message, errors: decodeImportErrors(result.fieldErrors) };
}
