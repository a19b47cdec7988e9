// What the movement commands share (docs/domain.md §10): the stored movement's scope as the permission
// table sees it, the movement locked for the write, the form's figure rows, and the two families —
// the manager's (launching side: the secretariat for a cluster's movement, the admin for a block's or
// the Ministry's) and the participating unit's.
import { z } from "zod";
import { entryRefusal, MOVEMENT_CLOSED, MOVEMENT_MAX_FIGURES, participates, type MovementReach, type MovementStatus } from "@/domain/movements";
import type { Actor, Target } from "@/domain/permissions";
import { cleanText, idField, isUuid, reasonText, requiredDate, requiredText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { calendarToday } from "@/server/store/dossiers";
import { memberUnitScope } from "@/server/store/unit-scopes";
import { commandFamily, NotFoundError, UserError } from "../command";

export const ENTITY = "Movement";

type Stored = MovementReach & { id: string; name: string; status: MovementStatus; fromDate: string; toDate: string };

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function loadMovement(tx: Tx, movementId: string, lock: "update" | "share" | null): Promise<Stored | null> {
  if (lock === "update") await tx.$queryRaw`SELECT id FROM "Movement" WHERE id = ${movementId}::uuid FOR UPDATE`;
  if (lock === "share") await tx.$queryRaw`SELECT id FROM "Movement" WHERE id = ${movementId}::uuid FOR SHARE`;
  const m = await tx.movement.findUnique({
    where: { id: movementId },
    select: { id: true, name: true, scope: true, clusterId: true, blockId: true, status: true, fromDate: true, toDate: true },
  });
  return m ? { ...m, fromDate: iso(m.fromDate), toDate: iso(m.toDate) } : null;
}

/**
 * The movement's scope as stored: a cluster's movement is its cluster's (the secretariat's); a block's
 * or the Ministry's has no cluster (only a scope of "all", the admin, passes). Unknown → empty.
 */
export async function movementTarget(tx: Tx, movementId: string): Promise<Target> {
  const m = await tx.movement.findUnique({ where: { id: movementId }, select: { clusterId: true } });
  return m ? { clusterId: m.clusterId } : {};
}

/** The movement, locked for its manager, refused once closed. */
async function loadOpenForManager(tx: Tx, movementId: string): Promise<Stored> {
  const m = await loadMovement(tx, movementId, "update");
  if (!m) throw new NotFoundError();
  if (m.status === "CLOSED") throw new UserError(MOVEMENT_CLOSED);
  return m;
}

/** A command of the movement's manager on an open movement (edit, close). */
export const openMovementCommand = commandFamily({
  permission: "movement.manage",
  target: (tx, input: { movementId: string }) => movementTarget(tx, input.movementId),
  load: (tx, input) => loadOpenForManager(tx, input.movementId),
});

/**
 * The acting user's own member unit, when it takes part in the movement the input names (a unit of
 * another cluster or block, or an unknown movement: empty scope, "not found").
 */
export async function participatingUnitTarget(tx: Tx, movementId: string, actor: Actor): Promise<Target> {
  if (!actor.unitId) return {};
  const [m, unit] = await Promise.all([loadMovement(tx, movementId, null), memberUnitScope(tx, actor.unitId)]);
  if (!m || !unit.clusterId) return {};
  const cluster = await tx.cluster.findUniqueOrThrow({ where: { id: unit.clusterId }, select: { blockId: true } });
  return participates(m, { clusterId: unit.clusterId, blockId: cluster.blockId }) ? unit : {};
}

/**
 * A participating unit's write (its figures, its evidence): the movement locked shared (closing waits
 * for it and then sees it), refused unless open and today within its period.
 */
export const unitMovementCommand = commandFamily({
  permission: "movement.figures",
  target: (tx, input: { movementId: string }, actor) => participatingUnitTarget(tx, input.movementId, actor),
  load: async (tx, input, target) => {
    const m = await loadMovement(tx, input.movementId, "share");
    if (!m) throw new NotFoundError();
    const refusal = entryRefusal(m, calendarToday());
    if (refusal) throw new UserError(refusal);
    return { movement: m, unitId: target.unitId! };
  },
});

export const movementIdField = idField("Phong trào");

/** A figure row of the launch or edit form: `figureId.N` (editing), `label.N`, `unitLabel.N`. */
export type FigureRow = { figureId: string | null; label: string; unitLabel: string };

const text = (v: unknown) => (typeof v === "string" ? cleanText(v) : "");
const LABEL_MAX = 300;
const UNIT_MAX = 40;

/**
 * The figure rows of the form, in order: blank rows are skipped; a row of an existing figure left
 * without a name removes it (label ""). At least one figure, at most MOVEMENT_MAX_FIGURES.
 */
export function readFigureRows(raw: Record<string, unknown>, ctx: z.RefinementCtx): FigureRow[] {
  const rows: FigureRow[] = [];
  for (let i = 0; i < MOVEMENT_MAX_FIGURES; i++) {
    const figureIdRaw = text(raw[`figureId.${i}`]);
    const label = text(raw[`label.${i}`]);
    const unitLabel = text(raw[`unitLabel.${i}`]);
    if (figureIdRaw && !isUuid(figureIdRaw)) ctx.addIssue({ code: "custom", path: [`label.${i}`], message: "Số liệu không hợp lệ." });
    const figureId = figureIdRaw && isUuid(figureIdRaw) ? figureIdRaw.toLowerCase() : null;
    if (!figureId && !label && !unitLabel) continue;
    if (!label && figureId) {
      rows.push({ figureId, label: "", unitLabel: "" });
      continue;
    }
    if (!label) ctx.addIssue({ code: "custom", path: [`label.${i}`], message: "Vui lòng nhập tên số liệu." });
    if (!unitLabel) ctx.addIssue({ code: "custom", path: [`unitLabel.${i}`], message: "Vui lòng nhập đơn vị tính." });
    if (label.length > LABEL_MAX) ctx.addIssue({ code: "custom", path: [`label.${i}`], message: `Tên số liệu tối đa ${LABEL_MAX} ký tự.` });
    if (unitLabel.length > UNIT_MAX) ctx.addIssue({ code: "custom", path: [`unitLabel.${i}`], message: `Đơn vị tính tối đa ${UNIT_MAX} ký tự.` });
    if (/[\u0000-\u001f\u007f]/.test(label + unitLabel) || !(label + unitLabel).isWellFormed()) {
      ctx.addIssue({ code: "custom", path: [`label.${i}`], message: "Tên số liệu chứa ký tự không hợp lệ." });
    }
    rows.push({ figureId, label, unitLabel });
  }
  if (!rows.some((r) => r.label)) ctx.addIssue({ code: "custom", path: ["label.0"], message: "Phong trào cần ít nhất một số liệu để các đơn vị báo cáo." });
  return rows;
}

/** Name, purpose and period: what launching and editing both ask. */
export const movementFields = {
  name: requiredText("Tên phong trào", 300),
  purpose: reasonText("Mục đích", "Mục đích là bắt buộc.", 4000),
  fromDate: requiredDate("Ngày bắt đầu"),
  toDate: requiredDate("Ngày kết thúc"),
};

export const dateOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);
