// One movement as its page shows it (docs/domain.md §10): what it is, its figures, the acting unit's
// entry (when it takes part), and the units' figures with totals and ranks — every unit's for the
// manager, the admin and the Ministry office at any time; for the others, their own (unit) or their
// cluster's (secretariat) while it runs and every unit's once it is closed.
import { entryRefusal, summarise, type MovementSummary } from "@/domain/movements";
import { can, type Actor } from "@/domain/permissions";
import { calendarToday } from "@/server/store/dossiers";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { named } from "../guard";
import { actorCluster, assertMayView, participatingUnits } from "./access";

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function find(id: string) {
  return prisma.movement.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      purpose: true,
      scope: true,
      clusterId: true,
      blockId: true,
      status: true,
      fromDate: true,
      toDate: true,
      launchedByName: true,
      createdAt: true,
      closedAt: true,
      closedByName: true,
      cluster: { select: { name: true } },
      block: { select: { name: true } },
      figures: { orderBy: { position: "asc" }, select: { id: true, position: true, label: true, unitLabel: true } },
    },
  });
}

export type MovementDetail = Awaited<ReturnType<typeof movementDetail>>;

export async function movementDetail(actor: Actor, id: string) {
  const m = await named(id, find);
  const own = await actorCluster(actor);
  assertMayView(actor, m, own);
  const period = { status: m.status, fromDate: iso(m.fromDate), toDate: iso(m.toDate) };
  const units = await participatingUnits(m);
  const canManage = can(actor, "movement.manage", { clusterId: m.clusterId });
  const seesAll = canManage || m.status === "CLOSED" || can(actor, "movement.view", {});
  const shown = seesAll ? units : units.filter((u) => (actor.unitId ? u.id === actor.unitId : u.clusterId === actor.clusterId));
  const figureIds = m.figures.map((f) => f.id);
  const [values, evidence] = await Promise.all([
    prisma.movementUnitFigure.findMany({
      where: { figureId: { in: figureIds }, unitId: { in: shown.map((u) => u.id) } },
      select: { figureId: true, unitId: true, value: true, enteredAt: true, enteredByName: true },
    }),
    prisma.movementEvidence.findMany({
      where: { movementId: m.id, unitId: { in: shown.map((u) => u.id) } },
      orderBy: { uploadedAt: "asc" },
      select: { id: true, unitId: true, fileName: true, size: true, uploadedAt: true, uploadedByName: true },
    }),
  ]);
  const valueMap = new Map(values.map((v) => [`${v.figureId}:${v.unitId}`, v.value.toString()]));
  const summary: MovementSummary = summarise(m.figures, shown.map((u) => u.id), (f, u) => valueMap.get(`${f}:${u}`) ?? null);
  const ownUnit = actor.unitId ? units.find((u) => u.id === actor.unitId) : undefined;
  const entry =
    ownUnit && can(actor, "movement.figures", { unitId: ownUnit.id, clusterId: ownUnit.clusterId })
      ? {
          unitId: ownUnit.id,
          unitName: ownUnit.name,
          refusal: entryRefusal(period, calendarToday()),
          values: Object.fromEntries(m.figures.map((f) => [f.id, valueMap.get(`${f.id}:${ownUnit.id}`) ?? null])),
          evidence: evidence.filter((e) => e.unitId === ownUnit.id),
        }
      : null;
  const lastEntry = new Map<string, { at: Date; by: string }>();
  for (const v of values) {
    const prev = lastEntry.get(v.unitId);
    if (!prev || v.enteredAt > prev.at) lastEntry.set(v.unitId, { at: v.enteredAt, by: v.enteredByName });
  }
  return {
    movement: { ...m, fromDate: period.fromDate, toDate: period.toDate, reach: m.cluster?.name ?? m.block?.name ?? null },
    units: shown.map((u) => ({ ...u, lastEntry: lastEntry.get(u.id) ?? null, evidence: evidence.filter((e) => e.unitId === u.id) })),
    allUnits: units.length,
    summary,
    canManage: canManage && m.status === "OPEN",
    seesAll,
    entry,
  };
}

/** An evidence file of a movement, for those who see its unit's figures on the page; otherwise 404. */
export async function movementEvidenceForDownload(actor: Actor, fileId: string) {
  const file = await named(fileId, (id) =>
    prisma.movementEvidence.findUnique({ where: { id }, select: { movementId: true, unitId: true, fileName: true, contentType: true, data: true } }),
  );
  const detail = await movementDetail(actor, file.movementId);
  if (!detail.units.some((u) => u.id === file.unitId)) notFound();
  return file;
}
