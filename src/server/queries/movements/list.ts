// The movements the actor sees (docs/domain.md §10), open ones first, then the latest; paged.
import { MOVEMENT_SCOPE_LABELS } from "@/domain/movements";
import { pageWithin } from "@/domain/paging";
import { can, roleMay, type Actor } from "@/domain/permissions";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { movementFiguresOfCluster } from "@/server/store/movement-figures";
import { actorCluster, visibleMovements } from "./access";

export const MOVEMENTS_PAGE_SIZE = 20;

export async function movementList(actor: Actor, requestedPage: number) {
  if (!roleMay(actor, "movement.view")) notFound();
  const own = await actorCluster(actor);
  const where = visibleMovements(actor, own);
  if (!where) notFound();
  const total = await prisma.movement.count({ where });
  const { page, pageCount } = pageWithin(requestedPage, total, MOVEMENTS_PAGE_SIZE);
  const rows = await prisma.movement.findMany({
    where,
    orderBy: [{ status: "asc" }, { fromDate: "desc" }, { name: "asc" }],
    skip: (page - 1) * MOVEMENTS_PAGE_SIZE,
    take: MOVEMENTS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      scope: true,
      status: true,
      fromDate: true,
      toDate: true,
      cluster: { select: { name: true } },
      block: { select: { name: true } },
      _count: { select: { figures: true } },
    },
  });
  return {
    page,
    pageCount,
    total,
    rows: rows.map((m) => ({
      id: m.id,
      name: m.name,
      status: m.status,
      fromDate: m.fromDate,
      toDate: m.toDate,
      figures: m._count.figures,
      reach: m.cluster?.name ?? m.block?.name ?? MOVEMENT_SCOPE_LABELS.MINISTRY,
    })),
    canLaunch: roleMay(actor, "movement.manage"),
  };
}

/** What the launch form offers the actor: the secretariat its cluster, the admin a block or the Ministry. */
export async function launchOptions(actor: Actor) {
  if (!roleMay(actor, "movement.manage")) notFound();
  if (actor.role === "SECRETARIAT") {
    const cluster = actor.clusterId ? await prisma.cluster.findUnique({ where: { id: actor.clusterId }, select: { name: true } }) : null;
    if (!cluster) notFound();
    return { scopes: [{ value: "CLUSTER", label: cluster.name }], blocks: [] };
  }
  const blocks = await prisma.block.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return {
    scopes: [
      { value: "MINISTRY", label: MOVEMENT_SCOPE_LABELS.MINISTRY },
      { value: "BLOCK", label: MOVEMENT_SCOPE_LABELS.BLOCK },
    ],
    blocks: blocks.map((b) => ({ value: b.id, label: b.name })),
  };
}

/** The movement figures a key figure of the actor's cluster may be linked to (the criteria editor). */
export async function movementFigureOptions(actor: Actor) {
  if (!actor.clusterId || !can(actor, "criteria.manage", { clusterId: actor.clusterId })) return [];
  return movementFiguresOfCluster(prisma, actor.clusterId);
}
