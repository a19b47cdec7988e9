// A report's key figures linked to a movement's figures (issue 17; docs/domain.md §10): the report shows
// the unit's movement figure, read-only, with its source, instead of asking for it again. Read by the
// report page and by the report's submission (its completeness check and its snapshot).
import type { KeyFigureDef } from "@/domain/scoring";
import type { Tx } from "@/server/db";

export type LinkedFigure = { value: string | null; movementId: string; movementName: string; status: "OPEN" | "CLOSED" };

type Reader = { movementFigure: Pick<Tx["movementFigure"], "findMany"> };

/** Key figure id → the unit's value of the movement figure it names (null: not reported yet), with the movement. */
export async function linkedFigureValues(db: Reader, unitId: string, keyFigures: readonly KeyFigureDef[]): Promise<Record<string, LinkedFigure>> {
  const links = keyFigures.filter((f) => f.movementFigureId);
  if (links.length === 0) return {};
  const figures = await db.movementFigure.findMany({
    where: { id: { in: links.map((f) => f.movementFigureId!) } },
    select: { id: true, movement: { select: { id: true, name: true, status: true } }, values: { where: { unitId }, select: { value: true } } },
  });
  const byId = new Map(figures.map((f) => [f.id, f]));
  const out: Record<string, LinkedFigure> = {};
  for (const k of links) {
    const f = byId.get(k.movementFigureId!);
    if (f) out[k.id] = { value: f.values[0]?.value.toString() ?? null, movementId: f.movement.id, movementName: f.movement.name, status: f.movement.status };
  }
  return out;
}

type FigureReader = { movementFigure: Pick<Tx["movementFigure"], "findMany" | "findUnique">; cluster: Pick<Tx["cluster"], "findUnique"> };

/** The figures of the movements the cluster takes part in, for linking a key figure (latest movements first). */
export async function movementFiguresOfCluster(db: FigureReader, clusterId: string) {
  const cluster = await db.cluster.findUnique({ where: { id: clusterId }, select: { blockId: true } });
  if (!cluster) return [];
  const figures = await db.movementFigure.findMany({
    where: { movement: { OR: [{ scope: "MINISTRY" }, { scope: "BLOCK", blockId: cluster.blockId }, { scope: "CLUSTER", clusterId }] } },
    orderBy: [{ movement: { fromDate: "desc" } }, { position: "asc" }],
    select: { id: true, label: true, unitLabel: true, movement: { select: { name: true } } },
  });
  return figures.map((f) => ({ id: f.id, label: `${f.movement.name}: ${f.label} (${f.unitLabel})` }));
}
