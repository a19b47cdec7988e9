import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { checkTableStructure, type CriteriaTableDef, type TableIssue } from "@/domain/scoring";
import { optionalMultilineText, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import type { Tx } from "@/server/db";
import { Prisma } from "@/generated/prisma/client";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { lockCluster, lockTable } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { P } from "@/domain/scoring/permissions";
import { commandFamily, NotFoundError, UserError } from "../command";

export const ENTITY = "CriteriaTable";
export const TABLE_NOT_PUBLISHED = "Bảng tiêu chí của năm này chưa được công bố.";

/** How each part a form can name reaches its table: the FROM clause and the column its id is matched on. */
const PARTS = {
  table: { from: `"CriteriaTable" t`, id: "t.id" },
  section: { from: `"CriteriaSection" s JOIN "CriteriaTable" t ON t.id = s."tableId"`, id: "s.id" },
  criterion: { from: `"Criterion" c JOIN "CriteriaTable" t ON t.id = c."tableId"`, id: "c.id" },
  figure: { from: `"KeyFigureDefinition" f JOIN "CriteriaTable" t ON t.id = f."tableId"`, id: "f.id" },
} as const;
type Part = keyof typeof PARTS;

/** The cluster of whatever part of a table a form names (table, section, criterion or key figure). */
export async function partTarget(tx: Tx, part: Part, id: string): Promise<Target & { tableId?: string }> {
  // Only the fixed fragments above are spliced in raw; the id stays a bound parameter.
  const rows = await tx.$queryRaw<{ clusterId: string; tableId: string; yearId: string }[]>`
    SELECT y."clusterId"::text AS "clusterId", t.id::text AS "tableId", y.id::text AS "yearId"
    FROM ${Prisma.raw(PARTS[part].from)} JOIN "EmulationYear" y ON y.id = t."emulationYearId"
    WHERE ${Prisma.raw(PARTS[part].id)} = ${id}::uuid`;
  return rows[0] ? { clusterId: rows[0].clusterId, tableId: rows[0].tableId, yearId: rows[0].yearId } : {};
}

export async function tableIdOf(tx: Tx, part: Part, id: string): Promise<string> {
  const t = await partTarget(tx, part, id);
  if (!t.tableId) throw new NotFoundError();
  return t.tableId;
}

export const amendmentReasonField = optionalMultilineText("Lý do sửa đổi", 1000);

/**
 * Locks the cluster and the table, reloads it, refuses a closed year, and after the freeze requires a
 * reason (the change is then an amendment).
 */
export async function editContext(tx: Tx, tableId: string, clusterId: string, amendmentReason: string, opts: { reasonAfterFreeze?: boolean } = {}) {
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

/**
 * The criteria editor's commands: the table part the input names (`part`; null names nothing: not
 * found), its cluster as scope, then the table locked and loaded for the edit (editContext).
 */
export const tableEditCommand = <K extends { amendmentReason?: string }>(part: (input: K) => [Part, string] | null, opts?: { reasonAfterFreeze?: boolean }) =>
  commandFamily({
    permission: P.criteriaManage,
    target: async (tx, input: K) => {
      const named = part(input);
      return named ? partTarget(tx, ...named) : {};
    },
    load: async (tx, input, target) => {
      const [kind, id] = part(input)!;
      const tableId = kind === "table" ? id : await tableIdOf(tx, kind, id);
      return editContext(tx, tableId, target.clusterId!, input.amendmentReason ?? "", opts);
    },
  });

/** Commands on a part the input names by `<part>Id` (e.g. `sectionId`). */
export const partCommand = <T extends Part>(kind: T, opts?: { reasonAfterFreeze?: boolean }) =>
  tableEditCommand((input: Record<`${T}Id`, string> & { amendmentReason?: string }) => [kind, input[`${kind}Id`]], opts);

/** The part a save form edits: null for a new one; an id that is not in this table is a 404. */
export function existingPart<T extends { id: string }>(parts: T[], id: string | null): T | null {
  if (!id) return null;
  const part = parts.find((p) => p.id === id);
  if (!part) throw new NotFoundError();
  return part;
}

/** Refuses the change when the table after it breaks a rule; the issue's message goes on `field`. */
export function assertStructure(after: CriteriaTableDef, field: string, relevant?: (issue: TableIssue) => boolean) {
  const issues = checkTableStructure(after).filter(relevant ?? (() => true));
  if (issues.length) throw new UserError(issues[0]!.message, { [field]: issues.map((i) => i.message) });
}

/**
 * After the freeze: raise the version and record the amendment. Returns the table's version after the
 * change, with the message suffix and the audit fields every edit shares (so they cannot drift apart).
 */
export async function recordAmendment(
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

/** How much of the units' work hangs on criteria: scored rows, cross-scores, evidence files. */
export async function usage(tx: Tx, criterionIds: string[]) {
  if (criterionIds.length === 0) return { scores: 0, crossScores: 0, evidence: 0 };
  const [scores, crossScores, evidence] = await Promise.all([
    tx.reportScore.count({ where: { criterionId: { in: criterionIds }, OR: [{ selfHalf: { not: null } }, { explanation: { not: "" } }] } }),
    tx.crossScore.count({ where: { criterionId: { in: criterionIds } } }),
    tx.evidenceFile.count({ where: { criterionId: { in: criterionIds } } }),
  ]);
  return { scores, crossScores, evidence };
}

export const titleField = (label: string, max: number) => requiredText(label, max).transform((s) => s.replace(/\s+/g, " "));
export const maxText = z.string({ error: "Điểm tối đa là bắt buộc." });

export const TABLES = { CriteriaSection: "CriteriaSection", Criterion: "Criterion", KeyFigureDefinition: "KeyFigureDefinition" } as const;

/** Positions 1..n in the given order. */
export async function renumber(tx: Tx, table: keyof typeof TABLES, ids: string[]) {
  // One statement, whatever the number of rows (a table has up to ~60 criteria).
  await tx.$executeRawUnsafe(
    `UPDATE "${TABLES[table]}" AS t SET "position" = v.position FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, position) WHERE t."id" = v.id`,
    ids,
  );
}
