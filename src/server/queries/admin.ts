// Read side of administration: blocks, clusters, units, accounts and the title catalogue.
// Every function takes the actor and checks it against the permission table (404 when refused).
import { Prisma } from "@/generated/prisma/client";
import { can, ROLES, type Actor, type Permission, type Role } from "@/domain/permissions";
import { compareVi, searchKey } from "@/domain/vietnamese";
import { prisma } from "@/server/db";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";
import { pageWithin } from "@/domain/paging";

/** Passes when the actor holds the permission (these are all "anywhere" permissions); 404 otherwise. */
function assertMay(actor: Actor, ...permissions: Permission[]) {
  if (!permissions.some((p) => can(actor, p, {}))) notFound();
}

const byName = <T extends { name: string }>(a: T, b: T) => compareVi(a.name, b.name);

// ---------------------------------------------------------------------------------------------
// Blocks and clusters

/** Every block with its clusters (and each cluster's count of active member units). */
export async function listBlocksWithClusters(actor: Actor) {
  assertMay(actor, "cluster.manage");
  const [blocks, unitCounts, accountCounts] = await Promise.all([
    prisma.block.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        clusters: { select: { id: true, code: true, name: true, active: true } },
      },
    }),
    prisma.unit.groupBy({ by: ["clusterId"], where: { parentId: null, active: true }, _count: { _all: true } }),
    prisma.user.groupBy({ by: ["clusterId"], where: { disabled: false, clusterId: { not: null } }, _count: { _all: true } }),
  ]);
  const units = new Map(unitCounts.map((c) => [c.clusterId, c._count._all]));
  const accounts = new Map(accountCounts.map((c) => [c.clusterId, c._count._all]));
  return blocks.sort(byName).map((block) => ({
    ...block,
    clusters: block.clusters
      .map((c) => ({ ...c, activeUnitCount: units.get(c.id) ?? 0, enabledAccountCount: accounts.get(c.id) ?? 0 }))
      .sort(byName),
  }));
}

export async function getBlock(actor: Actor, id: string) {
  assertMay(actor, "block.manage");
  const block = isUuid(id) ? await prisma.block.findUnique({ where: { id }, select: { id: true, code: true, name: true } }) : null;
  if (!block) notFound();
  return block;
}

export async function getCluster(actor: Actor, id: string) {
  assertMay(actor, "cluster.manage");
  const cluster = isUuid(id)
    ? await prisma.cluster.findUnique({
        where: { id },
        select: { id: true, code: true, name: true, active: true, blockId: true, block: { select: { name: true } } },
      })
    : null;
  if (!cluster) notFound();
  const [activeUnitCount, unitCount, enabledAccountCount] = await Promise.all([
    prisma.unit.count({ where: { clusterId: id, parentId: null, active: true } }),
    prisma.unit.count({ where: { clusterId: id, parentId: null } }),
    prisma.user.count({ where: { clusterId: id, disabled: false } }),
  ]);
  return { ...cluster, activeUnitCount, unitCount, enabledAccountCount };
}

/** Blocks for a <select>. */
export async function blockOptions(actor: Actor) {
  assertMay(actor, "cluster.manage");
  const blocks = await prisma.block.findMany({ select: { id: true, code: true, name: true } });
  return blocks.sort(byName).map((b) => ({ value: b.id, label: `${b.name} (${b.code})` }));
}

/** Clusters for a <select> or a filter; inactive ones are marked. */
export async function clusterOptions(actor: Actor, { activeOnly = false } = {}) {
  assertMay(actor, "cluster.manage", "unit.manage", "user.manage");
  const clusters = await prisma.cluster.findMany({
    where: activeOnly ? { active: true } : {},
    select: { id: true, code: true, name: true, active: true },
  });
  return clusters.sort(byName).map((c) => ({ value: c.id, label: `${c.name} (${c.code})${c.active ? "" : " — ngừng hoạt động"}` }));
}

/** Active member units (no sub-units), labelled with their cluster, for a <select>. */
export async function memberUnitOptions(actor: Actor, { includeId }: { includeId?: string | null } = {}) {
  assertMay(actor, "unit.manage", "user.manage");
  const units = await prisma.unit.findMany({
    where: { parentId: null, OR: [{ active: true, cluster: { active: true } }, ...(includeId ? [{ id: includeId }] : [])] },
    orderBy: [{ cluster: { code: "asc" } }, { sortKey: "asc" }],
    select: { id: true, name: true, active: true, clusterId: true, cluster: { select: { code: true } } },
  });
  return units.map((u) => ({
    value: u.id,
    label: `${u.name} — ${u.cluster.code}${u.active ? "" : " (ngừng hoạt động)"}`,
    clusterId: u.clusterId,
  }));
}

// ---------------------------------------------------------------------------------------------
// Units

export const UNIT_PAGE_SIZE = 50;

/** Member units, optionally of one cluster, each with its sub-units; in Vietnamese alphabetical order. */
export async function listUnits(actor: Actor, { clusterId, page = 1 }: { clusterId?: string | null; page?: number } = {}) {
  assertMay(actor, "unit.manage");
  const where: Prisma.UnitWhereInput = { parentId: null, ...(clusterId && isUuid(clusterId) ? { clusterId } : {}) };
  const total = await prisma.unit.count({ where });
  const { page: current, pageCount } = pageWithin(page, total, UNIT_PAGE_SIZE);
  const units = await prisma.unit.findMany({
    where,
    orderBy: [{ cluster: { code: "asc" } }, { sortKey: "asc" }, { code: "asc" }],
    skip: (current - 1) * UNIT_PAGE_SIZE,
    take: UNIT_PAGE_SIZE,
    select: {
      id: true,
      code: true,
      name: true,
      active: true,
      cluster: { select: { id: true, code: true, name: true } },
      subUnits: { orderBy: [{ sortKey: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true, active: true } },
      _count: { select: { users: { where: { disabled: false } } } },
    },
  });
  return {
    items: units.map(({ _count, ...u }) => ({ ...u, enabledAccountCount: _count.users })),
    total,
    page: current,
    pageCount,
  };
}

export async function getUnit(actor: Actor, id: string) {
  assertMay(actor, "unit.manage");
  const unit = isUuid(id)
    ? await prisma.unit.findUnique({
        where: { id },
        select: {
          id: true,
          code: true,
          name: true,
          active: true,
          clusterId: true,
          parentId: true,
          cluster: { select: { id: true, code: true, name: true, active: true } },
          parent: { select: { id: true, code: true, name: true, active: true } },
          subUnits: { orderBy: [{ sortKey: "asc" }, { code: "asc" }], select: { id: true, code: true, name: true, active: true } },
          _count: { select: { users: true, officers: true, subOfficers: true, subUnits: true } },
        },
      })
    : null;
  if (!unit) notFound();
  const { _count, ...rest } = unit;
  const enabledAccountCount = await prisma.user.count({ where: { unitId: id, disabled: false } });
  return {
    ...rest,
    enabledAccountCount,
    // Officers, accounts (even disabled) and sub-units that fix the unit's level (see updateUnit).
    dependantCount: _count.users + _count.officers + _count.subOfficers + _count.subUnits,
  };
}

// ---------------------------------------------------------------------------------------------
// User accounts

export const USER_PAGE_SIZE = 25;

// Folds Vietnamese letters to their base letter in SQL (translate(), no extension needed), the same
// way searchKey() does in TypeScript: "Nguyễn Đức" → "nguyen duc". Upper case is folded here too
// because lower() only knows ASCII under the C locale.
const VIETNAMESE_LETTERS =
  "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const FOLD_FROM = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase(), ..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"].join("");
const FOLD_TO = [...FOLD_FROM].map((c) => searchKey(c)).join("");

const folded = (column: Prisma.Sql) => Prisma.sql`translate(${column}, ${FOLD_FROM}, ${FOLD_TO})`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type UserFilter = { q?: string | null; role?: string | null; clusterId?: string | null; page?: number };

/**
 * Accounts, 25 a page, searchable without diacritics on display name or username, filterable by role
 * and cluster; ordered by the display name with diacritics folded, then the username.
 */
export async function listUsers(actor: Actor, filter: UserFilter = {}) {
  assertMay(actor, "user.manage");
  const conditions: Prisma.Sql[] = [];
  const q = searchKey(filter.q ?? "").slice(0, 100);
  if (q) {
    const pattern = likePattern(q);
    conditions.push(Prisma.sql`(${folded(Prisma.sql`u."displayName"`)} LIKE ${pattern} OR u."username" LIKE ${pattern})`);
  }
  if (filter.role && (ROLES as readonly string[]).includes(filter.role)) conditions.push(Prisma.sql`u."role"::text = ${filter.role}`);
  if (filter.clusterId && isUuid(filter.clusterId)) conditions.push(Prisma.sql`u."clusterId" = ${filter.clusterId}::uuid`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const counted = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "User" u ${where}`;
  const total = Number(counted[0]?.count ?? 0);
  const { page, pageCount } = pageWithin(filter.page ?? 1, total, USER_PAGE_SIZE);
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT u."id"::text AS id FROM "User" u ${where}
    ORDER BY ${folded(Prisma.sql`u."displayName"`)}, u."displayName", u."username"
    LIMIT ${USER_PAGE_SIZE} OFFSET ${(page - 1) * USER_PAGE_SIZE}`;
  const rows = ids.length
    ? await prisma.user.findMany({
        where: { id: { in: ids.map((r) => r.id) } },
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          disabled: true,
          cluster: { select: { id: true, code: true, name: true } },
          unit: { select: { id: true, name: true } },
        },
      })
    : [];
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { items: rows.map((r) => ({ ...r, role: r.role as Role })), total, page, pageCount };
}

/** One account, without its password hash. */
export async function getUser(actor: Actor, id: string) {
  assertMay(actor, "user.manage");
  const user = isUuid(id)
    ? await prisma.user.findUnique({
        where: { id },
        select: {
          id: true,
          username: true,
          displayName: true,
          role: true,
          disabled: true,
          mustChangePassword: true,
          clusterId: true,
          unitId: true,
          createdAt: true,
          updatedAt: true,
          cluster: { select: { id: true, code: true, name: true, active: true } },
          unit: { select: { id: true, name: true, active: true } },
        },
      })
    : null;
  if (!user) notFound();
  return { ...user, role: user.role as Role, isSelf: user.id === actor.userId };
}

// ---------------------------------------------------------------------------------------------
// Title catalogue

/** The catalogue for every role: individual then collective titles, lowest level first. */
export async function listTitles(actor: Actor) {
  assertMay(actor, "title.view");
  const titles = await prisma.titleDefinition.findMany({
    orderBy: [{ kind: "asc" }, { level: "asc" }],
    select: { id: true, code: true, name: true, shortName: true, kind: true, level: true, prerequisites: true, active: true },
  });
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL"),
    collective: titles.filter((t) => t.kind === "COLLECTIVE"),
    canManage: can(actor, "title.manage", {}),
  };
}

export async function getTitle(actor: Actor, id: string) {
  assertMay(actor, "title.manage");
  const title = isUuid(id)
    ? await prisma.titleDefinition.findUnique({
        where: { id },
        select: { id: true, code: true, name: true, shortName: true, kind: true, level: true, prerequisites: true, active: true, updatedAt: true },
      })
    : null;
  if (!title) notFound();
  return title;
}
