import { z } from "zod";
import { type TaskRating } from "@/domain/eligibility";
import { decisionDateError, looksLikeFormula, looksLikeScript, resultsWindowError } from "@/domain/excel-rows";
import { type Permission, type Target } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { TASK_RATINGS } from "@/domain/title-catalogue";
import { optionalDate } from "@/domain/validation";
import type { YearPhase } from "@/domain/year-phases";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import type { Tx } from "@/server/db";
import { commandFamily, NotFoundError, UserError } from "../command";
import { lockCluster } from "@/server/store/locks";

export const RATING_CODES = Object.keys(TASK_RATINGS) as [TaskRating, ...TaskRating[]];

/** Free text from a form: trimmed, NFC, collapsed; no control characters, formulas or scripts. */
export const plainText = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .refine((s) => [...s].length <= max, `${label} tối đa ${max} ký tự.`)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.isWellFormed(), `${label} chứa ký tự không hợp lệ.`)
    .refine((s) => !looksLikeFormula(s), `${label} không được bắt đầu bằng “=”, “+”, “-”, “@” như công thức.`)
    .refine((s) => !looksLikeScript(s), `${label} không được chứa mã script hoặc thẻ HTML.`);

export const optionalPlain = (label: string, max: number) =>
  plainText(label, max)
    .optional()
    .transform((s) => (s ? s : null));

export const optionalEnum = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z
    .union([z.literal(""), z.enum(values, { error: message })], { error: message })
    .optional()
    .transform((v) => (v ? (v as T) : null));

export const decisionFields = {
  decisionNo: optionalPlain("Số quyết định", 60),
  decisionDate: optionalDate("Ngày quyết định"),
  decisionSigner: optionalPlain("Người ký", 120),
};

/** A title needs its decision (number, date, signer); a decision needs a title. */
export function requireDecision(
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

/** The officer's stored unit and cluster (unknown id → empty scope → not found). */
export async function officerScope(tx: Tx, officerId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string }[]>`
    SELECT o."unitId"::text AS "unitId", u."clusterId"::text AS "clusterId"
    FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId"
    WHERE o.id = ${officerId}::uuid`;
  return rows[0] ?? {};
}

/** One import or result entry of a unit at a time (the import takes the same lock). */
/** The officer the form names (`officerId`): its stored unit and cluster. */
export const namedOfficer = (tx: Tx, input: { officerId: string }) => officerScope(tx, input.officerId);

/**
 * Entries of an officer's history (discipline, initiative) by the unit's officer, filed under the
 * officer's unit, while the year's records are kept (docs/domain.md §4).
 */
export const officerHistoryCommand = commandFamily({ permission: "history.manage", phases: "records", target: namedOfficer });

/**
 * Results of a year entered or verified for a unit (found by `scope`): the unit locked, the year read
 * and open for results (resultsYear); work of the results action (docs/domain.md §4 step 7).
 */
export const resultsCommand = <K>(permission: Permission, scope: (tx: Tx, input: K) => Promise<Target>) =>
  commandFamily({
    permission,
    phases: "results",
    target: (tx, input: K & { yearId: string }) => scope(tx, input),
    load: async (tx, input, target) => {
      await lockUnit(tx, target.unitId!);
      return { year: await resultsYear(tx, input.yearId, target.clusterId!), target };
    },
  });

export async function lockUnit(tx: Tx, unitId: string) {
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unitId}::uuid FOR NO KEY UPDATE`;
}

/**
 * The year (of the target's cluster), read FOR SHARE so that its phase cannot change (nor the year
 * close) before the transaction ends, and open for results.
 */
export async function resultsYear(tx: Tx, yearId: string, clusterId: string) {
  const rows = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase; clusterId: string; settings: unknown }[]>`
    SELECT id::text AS id, year, phase::text AS phase, "clusterId"::text AS "clusterId", settings
    FROM "EmulationYear" WHERE id = ${yearId}::uuid FOR SHARE`;
  const year = rows[0] ? { ...rows[0], year: Number(rows[0].year) } : null;
  if (!year || year.clusterId !== clusterId) throw new NotFoundError();
  const closed = resultsWindowError(year);
  if (closed) throw new UserError(closed);
  return year;
}

export function checkDecisionDate(iso: string | null, year: number, now: Date) {
  if (!iso) return;
  const message = decisionDateError(iso, year, vietnamToday(now));
  if (message) throw new UserError(message, { decisionDate: [message] });
}

export async function assertTitleActive(tx: Tx, code: string, kind: "INDIVIDUAL" | "COLLECTIVE", field: string) {
  const title = await tx.titleDefinition.findUnique({ where: { code }, select: { active: true, kind: true, name: true } });
  if (!title || title.kind !== kind) throw new UserError("Danh hiệu không hợp lệ.", { [field]: ["Danh hiệu không hợp lệ."] });
  if (!title.active) {
    const message = `Danh hiệu “${title.name}” đã ngừng sử dụng.`;
    throw new UserError(message, { [field]: [message] });
  }
}

export const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
export const isoOf = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A calendar year whose cluster year is closed is read-only for the officer's cluster. */
export async function assertCalendarYearsOpen(tx: Tx, clusterId: string, years: number[], field = "year") {
  await lockCluster(tx, clusterId, "shared");
  const closed = await tx.emulationYear.findMany({ where: { clusterId, year: { in: years }, phase: "CLOSED" }, select: { year: true } });
  // The first of the years asked about that is closed.
  const year = years.find((y) => closed.some((c) => c.year === y));
  if (year !== undefined) throw new UserError(`${YEAR_CLOSED_MESSAGE} (năm ${year})`, { [field]: [YEAR_CLOSED_MESSAGE] });
}
