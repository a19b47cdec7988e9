// The title catalogue as data (docs/domain.md §3 "Rules as versioned data"): adding a title, adding and
// editing a title's rule version with its legal reference and years. The admin's, like the rest of the
// catalogue (permission title.manage).
//
// - Two versions of one title never share a year (versionYearsProblem; the exclusion constraint of
//   migration title_rule_versions is the last word). The title's row is locked first, so two admins
//   saving versions of one title check against settled data.
// - A version whose years (before or after the edit) include a year some cluster has closed is saved only
//   when confirmed: it re-evaluates nothing. Closed years keep their recorded results; the new rules
//   apply to what is evaluated from then on (docs/domain.md §3).
import { z } from "zod";
import {
  composeCitation,
  isRuleShape,
  ruleParamSchemas,
  RULE_SHAPES,
  versionYearsProblem,
  yearsLabel,
  type RuleShape,
} from "@/domain/eligibility";
import { checkbox, codeField, idField, isStorableText, optionalText, requiredText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "../command";
import { codeUnique, createdRow, fieldError, lockRow, savedRow } from "./shared";

const yearField = (label: string) =>
  z.coerce.number({ error: `${label} phải là một năm.` }).int(`${label} phải là một năm.`).min(1900, `${label} từ 1900.`).max(2200, `${label} đến 2200.`);
const optionalYear = (label: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), yearField(label).nullable());

/** The parameter fields a form may post; which ones apply depends on the title's shape. */
const PARAM_FIELDS = ["minRating", "disciplineFrom", "initiativeLevel", "quotaRounding", "streakYears", "minCstdcsMembers", "maxPerCluster"] as const;
const NUMERIC = new Set<string>(["streakYears", "minCstdcsMembers", "maxPerCluster"]);

const versionFields = {
  firstYear: yearField("Năm bắt đầu áp dụng"),
  lastYear: optionalYear("Năm cuối áp dụng"),
  legalLaw: optionalText("Luật", 300),
  legalDecree: optionalText("Nghị định", 300),
  legalCircular: optionalText("Thông tư", 300),
  legalArticle: optionalText("Điều, khoản", 300),
  citation: optionalText("Căn cứ hiển thị", 1000),
  confirmClosed: checkbox,
  ...Object.fromEntries(PARAM_FIELDS.map((f) => [f, z.string().max(40).refine(isStorableText, "Giá trị chứa ký tự không hợp lệ.").optional()])),
} as const;

type VersionInput = {
  firstYear: number;
  lastYear: number | null;
  legalLaw: string | null;
  legalDecree: string | null;
  legalCircular: string | null;
  legalArticle: string | null;
  citation: string | null;
  confirmClosed: boolean;
} & Partial<Record<(typeof PARAM_FIELDS)[number], string>>;

/** The shape's parameters from the form, checked by the shape's schema (errors next to their field). */
function paramsFrom(shape: RuleShape, input: VersionInput): Record<string, unknown> {
  const schema = ruleParamSchemas()[shape];
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = input[key as (typeof PARAM_FIELDS)[number]];
    raw[key] = NUMERIC.has(key) && value !== undefined && value !== "" ? Number(value) : value;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const fields: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "firstYear");
    fields[key] = [`Giá trị không hợp lệ cho quy tắc này${issue.code === "too_big" || issue.code === "too_small" ? " (ngoài khoảng cho phép)" : ""}.`];
  }
  throw new UserError("Tham số quy tắc chưa hợp lệ.", fields);
}

function legalFrom(input: VersionInput) {
  const ref = { law: input.legalLaw, decree: input.legalDecree, circular: input.legalCircular, article: input.legalArticle };
  const citation = input.citation ?? composeCitation(ref);
  if (!citation) throw fieldError("legalLaw", "Cần ghi ít nhất một văn bản làm căn cứ (luật, nghị định hoặc thông tư).");
  return { legalLaw: ref.law, legalDecree: ref.decree, legalCircular: ref.circular, legalArticle: ref.article, citation };
}

/** The years of `ranges` that some cluster has closed, as "2021, 2022". */
async function closedYearsIn(tx: Tx, ranges: readonly { firstYear: number; lastYear: number | null }[]): Promise<number[]> {
  const closed = await tx.emulationYear.findMany({ where: { phase: "CLOSED" }, select: { year: true }, distinct: ["year"], orderBy: { year: "asc" } });
  return closed.map((c) => c.year).filter((y) => ranges.some((r) => r.firstYear <= y && (r.lastYear === null || y <= r.lastYear)));
}

async function requireConfirmation(tx: Tx, input: VersionInput, ranges: readonly { firstYear: number; lastYear: number | null }[]) {
  const closed = await closedYearsIn(tx, ranges);
  if (closed.length === 0 || input.confirmClosed) return;
  const message = `Phiên bản này thay đổi quy tắc của năm đã khóa sổ (${closed.join(", ")}). Việc lưu không đánh giá lại gì: các năm đã khóa sổ giữ nguyên kết quả đã ghi. Đánh dấu xác nhận để lưu.`;
  throw new UserError(message, { confirmClosed: [message] });
}

async function titleForVersions(tx: Tx, titleId: string) {
  await lockRow(tx, "TitleDefinition", titleId);
  const title = await tx.titleDefinition.findUniqueOrThrow({ where: { id: titleId }, select: { id: true, code: true, name: true, ruleShape: true } });
  const shape = title.ruleShape ?? title.code;
  if (!isRuleShape(shape)) throw new UserError(`Danh hiệu ${title.name} không theo quy tắc nào của hệ thống.`);
  return { ...title, shape };
}

async function checkYears(tx: Tx, code: string, candidate: { id?: string; firstYear: number; lastYear: number | null }) {
  const others = await tx.titleRuleVersion.findMany({ where: { titleCode: code }, select: { id: true, firstYear: true, lastYear: true } });
  const problem = versionYearsProblem(candidate, others);
  if (problem) throw new UserError(problem, { [problem.startsWith("Năm cuối") ? "lastYear" : "firstYear"]: [problem] });
}

const versionSnapshot = (v: { titleCode: string; firstYear: number; lastYear: number | null; params: unknown; citation: string; legalLaw: string | null; legalDecree: string | null; legalCircular: string | null; legalArticle: string | null }) => ({
  titleCode: v.titleCode,
  years: yearsLabel(v),
  params: v.params,
  citation: v.citation,
  law: v.legalLaw,
  decree: v.legalDecree,
  circular: v.legalCircular,
  article: v.legalArticle,
});

export const createTitleRuleVersion = defineCommand({
  name: "title.rule.create",
  label: "Thêm phiên bản quy tắc danh hiệu",
  permission: "title.manage",
  input: z.object({ titleId: idField("Danh hiệu"), ...versionFields }),
  async target(tx, input) {
    await lockRow(tx, "TitleDefinition", input.titleId);
    return {};
  },
  async run(tx, input) {
    const title = await titleForVersions(tx, input.titleId);
    const params = paramsFrom(title.shape, input);
    const legal = legalFrom(input);
    const years = { firstYear: input.firstYear, lastYear: input.lastYear };
    await checkYears(tx, title.code, years);
    await requireConfirmation(tx, input, [years]);
    const created = await tx.titleRuleVersion.create({ data: { titleCode: title.code, shape: title.shape, ...years, params: params as object, ...legal } });
    return createdRow("TitleRuleVersion", created.id, `Đã thêm phiên bản quy tắc ${yearsLabel(years)} cho ${title.name}.`, versionSnapshot(created));
  },
});

export const updateTitleRuleVersion = defineCommand({
  name: "title.rule.update",
  label: "Sửa phiên bản quy tắc danh hiệu",
  permission: "title.manage",
  input: z.object({ id: idField("Phiên bản quy tắc"), ...versionFields }),
  async target(tx, input) {
    const version = await tx.titleRuleVersion.findUnique({ where: { id: input.id }, select: { titleCode: true } });
    const title = version && (await tx.titleDefinition.findUnique({ where: { code: version.titleCode }, select: { id: true } }));
    if (!title) throw new NotFoundError();
    await lockRow(tx, "TitleDefinition", title.id);
    return {};
  },
  async run(tx, input) {
    const before = await tx.titleRuleVersion.findUniqueOrThrow({ where: { id: input.id } });
    const title = await titleForVersions(tx, (await tx.titleDefinition.findUniqueOrThrow({ where: { code: before.titleCode }, select: { id: true } })).id);
    const params = paramsFrom(title.shape, input);
    const legal = legalFrom(input);
    const years = { firstYear: input.firstYear, lastYear: input.lastYear };
    await checkYears(tx, title.code, { id: before.id, ...years });
    await requireConfirmation(tx, input, [years, before]);
    const after = await tx.titleRuleVersion.update({ where: { id: before.id }, data: { ...years, params: params as object, ...legal } });
    return savedRow("TitleRuleVersion", after.id, versionSnapshot(before), versionSnapshot(after));
  },
});

const KINDS = { INDIVIDUAL: "Cá nhân", COLLECTIVE: "Tập thể" } as const;
const INDIVIDUAL_SHAPES = new Set<string>(["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ"]);

export const createTitle = defineCommand({
  name: "title.create",
  label: "Thêm danh hiệu thi đua",
  permission: "title.manage",
  input: z.object({
    code: codeField("Mã danh hiệu"),
    name: requiredText("Tên danh hiệu", 200),
    shortName: requiredText("Tên viết tắt", 40),
    kind: z.enum(Object.keys(KINDS) as ["INDIVIDUAL", "COLLECTIVE"], { error: "Chọn loại danh hiệu." }),
    level: z.coerce.number({ error: "Mức phải là số." }).int("Mức phải là số nguyên.").min(1, "Mức từ 1.").max(20, "Mức tối đa 20."),
    ruleShape: z.enum(RULE_SHAPES, { error: "Chọn quy tắc mà danh hiệu áp dụng." }),
    prerequisites: requiredText("Điều kiện", 2000),
  }),
  uniqueFields: codeUnique,
  target: async () => ({}),
  async run(tx, input) {
    if (INDIVIDUAL_SHAPES.has(input.ruleShape) !== (input.kind === "INDIVIDUAL")) {
      throw fieldError("ruleShape", `Quy tắc đã chọn không dành cho danh hiệu ${KINDS[input.kind].toLowerCase()}.`);
    }
    const taken = await tx.titleDefinition.findFirst({ where: { kind: input.kind, level: input.level }, select: { name: true } });
    if (taken) throw fieldError("level", `Mức ${input.level} đã thuộc danh hiệu ${taken.name}; mỗi mức chỉ có một danh hiệu.`);
    const created = await tx.titleDefinition.create({ data: { ...input, active: true } });
    const after = { code: created.code, name: created.name, shortName: created.shortName, kind: created.kind, level: created.level, ruleShape: created.ruleShape };
    return createdRow("TitleDefinition", created.id, `Đã thêm danh hiệu ${created.name}.`, after);
  },
});
