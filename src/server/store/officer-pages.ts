// One page of officers, in the order every officer list uses (Vietnamese alphabetical: sortKey, then code).
import type { Prisma } from "@/generated/prisma/client";
import { pageWithin } from "@/domain/paging";
import { prisma } from "@/server/db";

/**
 * The page asked for (clamped to those there are) of the `total` officers matching `where`, with the
 * fields `select` names.
 */
export async function officerPage<S extends Prisma.OfficerSelect>(
  where: Prisma.OfficerWhereInput,
  select: S,
  paging: { requested: number | undefined; total: number; size: number },
) {
  const { page, pageCount } = pageWithin(paging.requested ?? 1, paging.total, paging.size);
  const rows = await prisma.officer.findMany({
    where,
    orderBy: [{ sortKey: "asc" }, { code: "asc" }],
    skip: (page - 1) * paging.size,
    take: paging.size,
    select,
  });
  return { rows, page, pageCount };
}

/** The fields every list of officers shows of one officer (queries/officers.ts OfficerListed). */
export const officerListedSelect = { id: true, code: true, fullName: true, rank: true, position: true, active: true } as const;
