// The criteria table of a cluster-year (tiêu chí, thang điểm — DOMAIN.md §4 step 1), kept by the
// secretariat: create it (empty or copied from the previous year), edit sections, criteria, bonus and
// penalty items and key figures, publish it for the units. The table freezes when the first report is
// submitted (src/server/commands/reports.ts); after that every change is an amendment: it needs a
// reason, raises the table's version and is recorded in CriteriaAmendment as well as the audit log.
//
// Every change is applied to the table in memory first and checked with the pure rules
// (src/domain/scoring/table.ts): a change that would make a section's criteria overflow its max, the
// sections overflow the scale, or a bonus/penalty item exceed its group's cap is refused with a field
// error and nothing is saved.
//
// Locks (in this order everywhere in reports and scoring): the cluster row (FOR NO KEY UPDATE for the
// secretariat, FOR SHARE for unit writes — so closing the year waits for them and they see it closed),
// then the criteria table row FOR UPDATE (submission freezes it; amendments change it), then a report.
import { z } from "zod";
import type { Target } from "@/domain/permissions";
import {
  checkTableComplete,
  checkTableStructure,
  criterionLabel,
  DEFAULT_TOTAL_HALF,
  formatPoints,
  MAX_SECTION_HALF,
  parseMaxPoints,
  SECTION_KIND_LABELS,
  sectionLabel,
  SECTION_KINDS,
  type CriteriaTableDef,
  type SectionKind,
  type TableIssue,
} from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { checkbox, idField, optionalMultilineText, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import type { Tx } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { lockCluster, lockTable } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { defineCommand, NotFoundError, UserError } from "./command";

// ---------------------------------------------------------------------------------------------
// Scope and the editing context

const ENTITY = "CriteriaTable";
export const TABLE_NOT_PUBLISHED = "Bảng tiêu chí của năm này chưa được công bố.";

async function yearTarget(tx: Tx, yearId: string): Promise<Target> {
  const year = await tx.emulationYear.findUnique({ where: { id: yearId }, select: { clusterId: true } });
  return year ? { clusterId: year.clusterId } : {};
}

/** How each part a form can name reaches its table: the FROM clause and the column its id is matched on. */
const PARTS = {
  table: { from: `"CriteriaTable" t`, id: "t.id" },
  section: { from: `"CriteriaSection" s JOIN "CriteriaTable" t ON t.id = s."tableId"`, id: "s.id" },
  criterion: { from: `"Criterion" c JOIN "CriteriaTable" t ON t.id = c."tableId"`, id: "c.id" },
  figure: { from: `"KeyFigureDefinition" f JOIN "CriteriaTable" t ON t.id = f."tableId"`, id: "f.id" },
} as const;
type Part = keyof typeof PARTS;

/** The cluster of whatever part of a table a form names (table, section, criterion or key figure). */
async function partTarget(tx: Tx, part: Part, id: string): Promise<Target & { tableId?: string }> {
  // Only the fixed fragments above are spliced in raw; the id stays a bound parameter.
  const rows = await tx.$queryRaw<{ clusterId: string; tableId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", t.id::text AS "tableId"
    FROM ${Prisma.raw(PARTS[part].from)} JOIN "EmulationYear" y ON y.id = t."emulationYearId"
    WHERE ${Prisma.raw(PARTS[part].id)} = ${id}::uuid`;
  return rows[0] ? { clusterId: rows[0].clusterId, tableId: rows[0].tableId } : {};
}

async function tableIdOf(tx: Tx, part: Part, id: string): Promise<string> {
  const t = await partTarget(tx, part, id);
  if (!t.tableId) throw new NotFoundError();
  return t.tableId;
}

const amendmentReasonField = optionalMultilineText("Lý do sửa đổi", 1000);

/**
 * Locks the cluster and the table, reloads it, refuses a closed year, and after the freeze requires a
 * reason (the change is then an amendment).
 */
async function editContext(tx: Tx, tableId: string, clusterId: string, amendmentReason: string, opts: { reasonAfterFreeze?: boolean } = {}) {
  await lockCluster(tx, clusterId, "exclusive");
  await lockTable(tx, tableId);
  const table = await loadTable(tx, { id: tableId });
  if (!table) throw new NotFoundError();
  const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: table.emulationYearId }, select: { id: true, year: true, phase: true, clusterId: true } });
  if (year.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(year);
  if (table.frozenAt && amendmentReason === "" && opts.reasonAfterFreeze !== false) {
    const message = `Bảng tiêu chí đã cố định từ ngày ${formatDate(table.frozenAt)} (khi đơn vị đầu tiên gửi báo cáo); mọi thay đổi là sửa đổi và phải ghi rõ lý do.`;
    throw new UserError(message, { amendmentReason: [message] });
  }
  return { table, year };
}

/** The part a save form edits: null for a new one; an id that is not in this table is a 404. */
function existingPart<T extends { id: string }>(parts: T[], id: string | null): T | null {
  if (!id) return null;
  const part = parts.find((p) => p.id === id);
  if (!part) throw new NotFoundError();
  return part;
}

/** Refuses the change when the table after it breaks a rule; the issue's message goes on `field`. */
function assertStructure(after: CriteriaTableDef, field: string, relevant?: (issue: TableIssue) => boolean) {
  const issues = checkTableStructure(after).filter(relevant ?? (() => true));
  if (issues.length) throw new UserError(issues[0]!.message, { [field]: issues.map((i) => i.message) });
}

/**
 * After the freeze: raise the version and record the amendment. Returns the table's version after the
 * change, with the message suffix and the audit fields every edit shares (so they cannot drift apart).
 */
async function recordAmendment(
  tx: Tx,
  ctx: { table: LoadedTable },
  actor: { userId: string; displayName: string },
  reason: string,
  summary: string,
  change: unknown,
) {
  const frozen = !!ctx.table.frozenAt;
  const version = frozen ? ctx.table.version + 1 : ctx.table.version;
  if (frozen) {
    await tx.criteriaTable.update({ where: { id: ctx.table.id }, data: { version } });
    await tx.criteriaAmendment.create({
      data: {
        tableId: ctx.table.id,
        version,
        reason,
        summary: summary.slice(0, 1000),
        change: JSON.parse(JSON.stringify(change ?? null)) as Prisma.InputJsonValue,
        actorId: actor.userId,
        actorName: actor.displayName,
      },
    });
  }
  return {
    version,
    suffix: frozen ? ` (sửa đổi, phiên bản ${version})` : "",
    audit: { amendmentReason: reason || undefined, tableVersion: version },
  };
}

/** The highest score anyone has given a criterion (self, final or cross), in half-points. */
async function highestScore(tx: Tx, criterionId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ top: number | null }[]>`
    SELECT GREATEST(
      (SELECT MAX(GREATEST(COALESCE("selfHalf", 0), COALESCE("finalHalf", 0))) FROM "ReportScore" WHERE "criterionId" = ${criterionId}::uuid),
      (SELECT MAX("scoreHalf") FROM "CrossScore" WHERE "criterionId" = ${criterionId}::uuid)
    )::int AS top`;
  return rows[0]?.top ?? 0;
}

/** How much of the units' work hangs on criteria: scored rows, cross-scores, evidence files. */
async function usage(tx: Tx, criterionIds: string[]) {
  if (criterionIds.length === 0) return { scores: 0, crossScores: 0, evidence: 0 };
  const [scores, crossScores, evidence] = await Promise.all([
    tx.reportScore.count({ where: { criterionId: { in: criterionIds }, OR: [{ selfHalf: { not: null } }, { explanation: { not: "" } }] } }),
    tx.crossScore.count({ where: { criterionId: { in: criterionIds } } }),
    tx.evidenceFile.count({ where: { criterionId: { in: criterionIds } } }),
  ]);
  return { scores, crossScores, evidence };
}

// ---------------------------------------------------------------------------------------------
// Create (empty or copied from the previous year) and publish

export const createCriteriaTableInput = z.object({
  yearId: idField("Năm thi đua"),
  source: z.enum(["previous", "empty"], { error: "Vui lòng chọn cách tạo bảng tiêu chí." }),
});

export const createCriteriaTable = defineCommand({
  name: "criteria.create",
  permission: P.criteriaManage,
  input: createCriteriaTableInput,
  target: (tx, input) => yearTarget(tx, input.yearId),
  uniqueFields: { emulationYearId: { field: "source", message: "Năm thi đua này đã có bảng tiêu chí." } },
  async run(tx, input, _actor, target) {
    await lockCluster(tx, target.clusterId!, "exclusive");
    const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: input.yearId }, select: { id: true, year: true, phase: true, clusterId: true } });
    assertYearWritable(year);
    if (await tx.criteriaTable.findUnique({ where: { emulationYearId: year.id }, select: { id: true } })) {
      throw new UserError("Năm thi đua này đã có bảng tiêu chí.");
    }
    let source: LoadedTable | null = null;
    let sourceYear: number | null = null;
    if (input.source === "previous") {
      const previous = await tx.emulationYear.findFirst({
        where: { clusterId: year.clusterId, year: { lt: year.year }, criteriaTable: { isNot: null } },
        orderBy: { year: "desc" },
        select: { year: true, criteriaTable: { select: { id: true } } },
      });
      if (!previous?.criteriaTable) {
        throw new UserError("Các năm trước chưa có bảng tiêu chí để sao chép; hãy tạo bảng trống.", { source: ["Không có bảng tiêu chí năm trước để sao chép."] });
      }
      source = await loadTable(tx, { id: previous.criteriaTable.id });
      sourceYear = previous.year;
    }
    const table = await tx.criteriaTable.create({
      data: { emulationYearId: year.id, totalHalf: source?.totalHalf ?? DEFAULT_TOTAL_HALF, copiedFromYear: sourceYear },
    });
    if (source) {
      for (const [i, s] of source.sections.entries()) {
        const section = await tx.criteriaSection.create({ data: { tableId: table.id, kind: s.kind, position: i + 1, title: s.title, maxHalf: s.maxHalf } });
        await tx.criterion.createMany({
          data: s.criteria.map((c, j) => ({
            tableId: table.id,
            sectionId: section.id,
            position: j + 1,
            title: c.title,
            guidance: c.guidance ?? null,
            maxHalf: c.maxHalf,
            evidenceRequired: c.evidenceRequired,
            inMidyear: c.inMidyear,
          })),
        });
      }
      await tx.keyFigureDefinition.createMany({
        data: source.keyFigures.map((f, i) => ({ tableId: table.id, position: i + 1, label: f.label, unitLabel: f.unitLabel, required: f.required, inMidyear: f.inMidyear })),
      });
    }
    const criteriaCount = source ? source.sections.reduce((n, s) => n + s.criteria.length, 0) : 0;
    return {
      data: { id: table.id },
      message: source
        ? `Đã tạo bảng tiêu chí năm ${year.year} từ bảng năm ${sourceYear} (${source.sections.length} mục, ${criteriaCount} tiêu chí, ${source.keyFigures.length} số liệu). Hãy rà soát và chỉnh sửa trước khi công bố.`
        : `Đã tạo bảng tiêu chí trống cho năm ${year.year}.`,
      audit: { entityType: ENTITY, entityId: table.id, after: { year: year.year, copiedFromYear: sourceYear, sections: source?.sections.length ?? 0, criteria: criteriaCount } },
    };
  },
});

export const publishCriteriaTableInput = z.object({ tableId: idField("Bảng tiêu chí") });

export const publishCriteriaTable = defineCommand({
  name: "criteria.publish",
  permission: P.criteriaManage,
  input: publishCriteriaTableInput,
  target: (tx, input) => partTarget(tx, "table", input.tableId),
  async run(tx, input, _actor, target) {
    const { table, year } = await editContext(tx, input.tableId, target.clusterId!, "", { reasonAfterFreeze: false });
    if (table.publishedAt) throw new UserError(`Bảng tiêu chí đã được công bố ngày ${formatDate(table.publishedAt)}.`);
    const issues = checkTableComplete(table);
    if (issues.length) {
      throw new UserError(`Chưa thể công bố bảng tiêu chí: ${issues.map((i) => i.message).join(" ")}`, { table: issues.map((i) => i.message) });
    }
    const publishedAt = new Date();
    await tx.criteriaTable.update({ where: { id: table.id }, data: { publishedAt } });
    return {
      message: `Đã công bố bảng tiêu chí năm ${year.year}; các đơn vị có thể soạn báo cáo.`,
      audit: { entityType: ENTITY, entityId: table.id, after: { publishedAt: publishedAt.toISOString(), version: table.version } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Sections (mục), including the bonus and penalty groups

const titleField = (label: string, max: number) => requiredText(label, max).transform((s) => s.replace(/\s+/g, " "));
const maxText = z.string({ error: "Điểm tối đa là bắt buộc." });

export const saveSectionInput = z.object({
  tableId: idField("Bảng tiêu chí"),
  /** Absent: a new section. */
  sectionId: z.union([z.literal(""), idField("Mục")]).optional().transform((s) => s || null),
  kind: z.enum(SECTION_KINDS, { error: "Loại mục không hợp lệ." }).optional(),
  title: titleField("Tên mục", 300),
  max: maxText,
  amendmentReason: amendmentReasonField,
});

export const saveSection = defineCommand({
  name: "criteria.section.save",
  permission: P.criteriaManage,
  input: saveSectionInput,
  target: (tx, input) => partTarget(tx, "table", input.tableId),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, input.tableId, target.clusterId!, input.amendmentReason);
    const existing = existingPart(ctx.table.sections, input.sectionId);
    const kind: SectionKind = existing?.kind ?? input.kind ?? "SCORED";
    if (!existing && kind !== "SCORED" && ctx.table.sections.some((s) => s.kind === kind)) {
      throw new UserError(`Bảng tiêu chí đã có nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}.`, { kind: [`Bảng tiêu chí chỉ có một nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}.`] });
    }
    const label = kind === "SCORED" ? "Điểm tối đa của mục" : kind === "BONUS" ? "Mức trần điểm thưởng" : "Mức trần điểm trừ";
    const max = parseMaxPoints(input.max, { limitHalf: kind === "SCORED" ? ctx.table.totalHalf : MAX_SECTION_HALF, label });
    if (!max.ok) throw new UserError(max.message, { max: [max.message] });

    const id = existing?.id ?? "__new__";
    const after: CriteriaTableDef = {
      ...ctx.table,
      sections: existing
        ? ctx.table.sections.map((s) => (s.id === id ? { ...s, title: input.title, maxHalf: max.half } : s))
        : [...ctx.table.sections, { id, kind, title: input.title, maxHalf: max.half, criteria: [] }],
    };
    assertStructure(after, "max", (i) => i.at === id || i.at === "table" || (existing?.criteria.some((c) => c.id === i.at) ?? false));

    let sectionId = id;
    if (existing) {
      await tx.criteriaSection.update({ where: { id }, data: { title: input.title, maxHalf: max.half } });
    } else {
      const position = ctx.table.sections.length + 1;
      sectionId = (await tx.criteriaSection.create({ data: { tableId: ctx.table.id, kind, position, title: input.title, maxHalf: max.half } })).id;
    }
    const before = existing ? { title: existing.title, maxHalf: existing.maxHalf } : null;
    const afterRow = { kind, title: input.title, maxHalf: max.half };
    const where = kind === "SCORED" ? `mục ${sectionLabel(after, id)}` : `nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}`;
    const summary = existing
      ? `Sửa ${where}: "${existing.title}" (${formatPoints(existing.maxHalf)} điểm) → "${input.title}" (${formatPoints(max.half)} điểm)`
      : `Thêm ${where}: "${input.title}" (${formatPoints(max.half)} điểm)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { sectionId, before, after: afterRow });
    return {
      data: { id: sectionId },
      message: `${existing ? "Đã lưu" : "Đã thêm"} ${where}${amended.suffix}.`,
      audit: { entityType: "CriteriaSection", entityId: sectionId, before, after: { ...afterRow, ...amended.audit } },
    };
  },
});

export const deleteSectionInput = z.object({ sectionId: idField("Mục"), amendmentReason: amendmentReasonField });

export const deleteSection = defineCommand({
  name: "criteria.section.delete",
  permission: P.criteriaManage,
  input: deleteSectionInput,
  target: (tx, input) => partTarget(tx, "section", input.sectionId),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, await tableIdOf(tx, "section", input.sectionId), target.clusterId!, input.amendmentReason);
    const section = ctx.table.sections.find((s) => s.id === input.sectionId);
    if (!section) throw new NotFoundError();
    const used = await usage(tx, section.criteria.map((c) => c.id));
    if (ctx.table.frozenAt && used.scores + used.crossScores + used.evidence > 0) {
      throw new UserError("Đã có đơn vị chấm điểm hoặc đính kèm minh chứng cho các tiêu chí của mục này; không thể xóa. Có thể sửa tên hoặc điểm tối đa.");
    }
    const label = section.kind === "SCORED" ? `mục ${sectionLabel(ctx.table, section.id)}` : `nhóm ${SECTION_KIND_LABELS[section.kind].toLowerCase()}`;
    await tx.criteriaSection.delete({ where: { id: section.id } }); // its criteria (and their draft scores) go with it
    await renumber(tx, "CriteriaSection", ctx.table.sections.filter((s) => s.id !== section.id).map((s) => s.id));
    const summary = `Xóa ${label}: "${section.title}" (${section.criteria.length} tiêu chí)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { sectionId: section.id, before: section });
    return {
      message: `Đã xóa ${label} "${section.title}"${amended.suffix}.`,
      audit: { entityType: "CriteriaSection", entityId: section.id, before: { ...section, draftScoresDeleted: used.scores, evidenceDeleted: used.evidence }, after: amended.audit },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Ordering (sections, criteria within a section, key figures)

const TABLES = { CriteriaSection: "CriteriaSection", Criterion: "Criterion", KeyFigureDefinition: "KeyFigureDefinition" } as const;

/** Positions 1..n in the given order. */
async function renumber(tx: Tx, table: keyof typeof TABLES, ids: string[]) {
  // One statement, whatever the number of rows (a table has up to ~60 criteria).
  await tx.$executeRawUnsafe(
    `UPDATE "${TABLES[table]}" AS t SET "position" = v.position FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, position) WHERE t."id" = v.id`,
    ids,
  );
}

function moved<T extends { id: string }>(items: T[], id: string, direction: "up" | "down"): T[] | null {
  const i = items.findIndex((x) => x.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= items.length) return null;
  const out = [...items];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const moveInput = z.object({
  part: z.enum(["section", "criterion", "figure"]),
  id: idField("Mục"),
  direction: z.enum(["up", "down"], { error: "Hướng di chuyển không hợp lệ." }),
  amendmentReason: amendmentReasonField,
});

export const moveCriteriaPart = defineCommand({
  name: "criteria.move",
  permission: P.criteriaManage,
  input: moveInput,
  target: (tx, input) => partTarget(tx, input.part, input.id),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, await tableIdOf(tx, input.part, input.id), target.clusterId!, input.amendmentReason);
    const t = ctx.table;
    let order: { id: string }[] | null;
    let table: keyof typeof TABLES;
    let what: string;
    if (input.part === "section") {
      order = moved(t.sections, input.id, input.direction);
      table = "CriteriaSection";
      const s = t.sections.find((x) => x.id === input.id);
      what = s?.kind === "SCORED" ? `mục "${s.title}"` : `nhóm ${SECTION_KIND_LABELS[s?.kind ?? "BONUS"].toLowerCase()}`;
    } else if (input.part === "criterion") {
      const section = t.sections.find((s) => s.criteria.some((c) => c.id === input.id))!;
      order = moved(section.criteria, input.id, input.direction);
      table = "Criterion";
      what = `tiêu chí ${criterionLabel(t, input.id)}`;
    } else {
      order = moved(t.keyFigures, input.id, input.direction);
      table = "KeyFigureDefinition";
      what = `số liệu "${t.keyFigures.find((f) => f.id === input.id)?.label ?? ""}"`;
    }
    if (!order) throw new UserError(input.direction === "up" ? "Mục này đã ở vị trí đầu." : "Mục này đã ở vị trí cuối.");
    await renumber(tx, table, order.map((x) => x.id));
    const summary = `Chuyển ${what} ${input.direction === "up" ? "lên" : "xuống"} một vị trí`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { part: input.part, id: input.id, direction: input.direction });
    return {
      message: `Đã chuyển ${what} ${input.direction === "up" ? "lên" : "xuống"}${amended.suffix}.`,
      audit: { entityType: ENTITY, entityId: t.id, after: { move: input.part, id: input.id, direction: input.direction, tableVersion: amended.version } },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Criteria (and bonus / penalty items)

export const saveCriterionInput = z.object({
  /** For a new criterion: its section. */
  sectionId: z.union([z.literal(""), idField("Mục")]).optional().transform((s) => s || null),
  /** Absent: a new criterion. */
  criterionId: z.union([z.literal(""), idField("Tiêu chí")]).optional().transform((s) => s || null),
  title: titleField("Nội dung tiêu chí", 500),
  guidance: optionalMultilineText("Hướng dẫn chấm", 2000).transform((s) => s || null),
  max: maxText,
  evidenceRequired: checkbox,
  inMidyear: checkbox,
  amendmentReason: amendmentReasonField,
});

export const saveCriterion = defineCommand({
  name: "criteria.criterion.save",
  permission: P.criteriaManage,
  input: saveCriterionInput,
  target: (tx, input) =>
    input.criterionId ? partTarget(tx, "criterion", input.criterionId) : input.sectionId ? partTarget(tx, "section", input.sectionId) : Promise.resolve({}),
  async run(tx, input, actor, target) {
    const tableId = input.criterionId ? await tableIdOf(tx, "criterion", input.criterionId) : await tableIdOf(tx, "section", input.sectionId!);
    const ctx = await editContext(tx, tableId, target.clusterId!, input.amendmentReason);
    const t = ctx.table;
    const section = input.criterionId ? t.sections.find((s) => s.criteria.some((c) => c.id === input.criterionId)) : t.sections.find((s) => s.id === input.sectionId);
    if (!section) throw new NotFoundError();
    const existing = input.criterionId ? section.criteria.find((c) => c.id === input.criterionId)! : null;
    const max = parseMaxPoints(input.max, { limitHalf: MAX_SECTION_HALF });
    if (!max.ok) throw new UserError(max.message, { max: [max.message] });
    if (existing && max.half < existing.maxHalf) {
      const top = await highestScore(tx, existing.id);
      if (top > max.half) {
        const message = `Đã có điểm ${formatPoints(top)} cho tiêu chí này; không thể hạ điểm tối đa xuống ${formatPoints(max.half)}.`;
        throw new UserError(message, { max: [message] });
      }
    }
    const id = existing?.id ?? "__new__";
    const values = { title: input.title, guidance: input.guidance, maxHalf: max.half, evidenceRequired: input.evidenceRequired, inMidyear: input.inMidyear };
    const after: CriteriaTableDef = {
      ...t,
      sections: t.sections.map((s) =>
        s.id !== section.id ? s : { ...s, criteria: existing ? s.criteria.map((c) => (c.id === id ? { ...c, ...values } : c)) : [...s.criteria, { id, ...values }] },
      ),
    };
    assertStructure(after, "max", (i) => i.at === id || i.at === section.id);

    let criterionId = id;
    if (existing) await tx.criterion.update({ where: { id }, data: values });
    else criterionId = (await tx.criterion.create({ data: { tableId: t.id, sectionId: section.id, position: section.criteria.length + 1, ...values } })).id;

    const label = existing ? criterionLabel(t, id) : `${section.kind === "SCORED" ? sectionLabel(t, section.id) : section.kind === "BONUS" ? "T" : "Tr"}.${section.criteria.length + 1}`;
    const noun = section.kind === "SCORED" ? "tiêu chí" : section.kind === "BONUS" ? "khoản điểm thưởng" : "khoản điểm trừ";
    const before = existing ? { title: existing.title, guidance: existing.guidance, maxHalf: existing.maxHalf, evidenceRequired: existing.evidenceRequired, inMidyear: existing.inMidyear } : null;
    const summary = existing
      ? `Sửa ${noun} ${label}${existing.maxHalf !== max.half ? `: điểm tối đa ${formatPoints(existing.maxHalf)} → ${formatPoints(max.half)}` : ""}${existing.title !== input.title ? `; nội dung "${input.title}"` : ""}${existing.evidenceRequired !== input.evidenceRequired ? `; ${input.evidenceRequired ? "cần" : "không cần"} minh chứng` : ""}`
      : `Thêm ${noun} ${label}: "${input.title}" (${formatPoints(max.half)} điểm)`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { criterionId, before, after: values });
    return {
      data: { id: criterionId },
      message: `${existing ? "Đã lưu" : "Đã thêm"} ${noun} ${label}${amended.suffix}.`,
      audit: { entityType: "Criterion", entityId: criterionId, before, after: { ...values, sectionId: section.id, ...amended.audit } },
    };
  },
});

export const deleteCriterionInput = z.object({ criterionId: idField("Tiêu chí"), amendmentReason: amendmentReasonField });

export const deleteCriterion = defineCommand({
  name: "criteria.criterion.delete",
  permission: P.criteriaManage,
  input: deleteCriterionInput,
  target: (tx, input) => partTarget(tx, "criterion", input.criterionId),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, await tableIdOf(tx, "criterion", input.criterionId), target.clusterId!, input.amendmentReason);
    const section = ctx.table.sections.find((s) => s.criteria.some((c) => c.id === input.criterionId))!;
    const criterion = section.criteria.find((c) => c.id === input.criterionId)!;
    const label = criterionLabel(ctx.table, criterion.id);
    const used = await usage(tx, [criterion.id]);
    if (ctx.table.frozenAt && used.scores + used.crossScores + used.evidence > 0) {
      throw new UserError(`Đã có đơn vị chấm điểm hoặc đính kèm minh chứng cho tiêu chí ${label}; không thể xóa. Có thể sửa nội dung hoặc điểm tối đa.`);
    }
    await tx.criterion.delete({ where: { id: criterion.id } });
    await renumber(tx, "Criterion", section.criteria.filter((c) => c.id !== criterion.id).map((c) => c.id));
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, `Xóa tiêu chí ${label}: "${criterion.title}"`, { criterionId: criterion.id, before: criterion });
    return {
      message: `Đã xóa tiêu chí ${label}${amended.suffix}.`,
      audit: { entityType: "Criterion", entityId: criterion.id, before: { ...criterion, draftScoresDeleted: used.scores, evidenceDeleted: used.evidence }, after: amended.audit },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Key figures the cluster asks for

export const saveKeyFigureInput = z.object({
  tableId: idField("Bảng tiêu chí"),
  figureId: z.union([z.literal(""), idField("Số liệu")]).optional().transform((s) => s || null),
  label: titleField("Tên số liệu", 300),
  unitLabel: titleField("Đơn vị tính", 40),
  required: checkbox,
  inMidyear: checkbox,
  amendmentReason: amendmentReasonField,
});

export const saveKeyFigure = defineCommand({
  name: "criteria.figure.save",
  permission: P.criteriaManage,
  input: saveKeyFigureInput,
  target: (tx, input) => partTarget(tx, "table", input.tableId),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, input.tableId, target.clusterId!, input.amendmentReason);
    const existing = existingPart(ctx.table.keyFigures, input.figureId);
    const values = { label: input.label, unitLabel: input.unitLabel, required: input.required, inMidyear: input.inMidyear };
    const id = existing
      ? (await tx.keyFigureDefinition.update({ where: { id: existing.id }, data: values })).id
      : (await tx.keyFigureDefinition.create({ data: { tableId: ctx.table.id, position: ctx.table.keyFigures.length + 1, ...values } })).id;
    const summary = existing ? `Sửa số liệu "${existing.label}" → "${input.label}" (${input.unitLabel})` : `Thêm số liệu "${input.label}" (${input.unitLabel})`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { figureId: id, before: existing, after: values });
    return {
      data: { id },
      message: `${existing ? "Đã lưu" : "Đã thêm"} số liệu "${input.label}"${amended.suffix}.`,
      audit: { entityType: "KeyFigureDefinition", entityId: id, before: existing ?? null, after: { ...values, ...amended.audit } },
    };
  },
});

export const deleteKeyFigureInput = z.object({ figureId: idField("Số liệu"), amendmentReason: amendmentReasonField });

export const deleteKeyFigure = defineCommand({
  name: "criteria.figure.delete",
  permission: P.criteriaManage,
  input: deleteKeyFigureInput,
  target: (tx, input) => partTarget(tx, "figure", input.figureId),
  async run(tx, input, actor, target) {
    const ctx = await editContext(tx, await tableIdOf(tx, "figure", input.figureId), target.clusterId!, input.amendmentReason);
    const figure = ctx.table.keyFigures.find((f) => f.id === input.figureId)!;
    const values = await tx.reportFigure.count({ where: { figureId: figure.id } });
    if (ctx.table.frozenAt && values > 0) {
      throw new UserError(`Đã có ${values} đơn vị nhập số liệu "${figure.label}"; không thể xóa. Có thể sửa tên hoặc bỏ đánh dấu bắt buộc.`);
    }
    await tx.keyFigureDefinition.delete({ where: { id: figure.id } });
    await renumber(tx, "KeyFigureDefinition", ctx.table.keyFigures.filter((f) => f.id !== figure.id).map((f) => f.id));
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, `Xóa số liệu "${figure.label}"`, { figureId: figure.id, before: figure });
    return {
      message: `Đã xóa số liệu "${figure.label}"${amended.suffix}.`,
      audit: { entityType: "KeyFigureDefinition", entityId: figure.id, before: { ...figure, valuesDeleted: values }, after: amended.audit },
    };
  },
});
