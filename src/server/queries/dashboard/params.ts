import { z } from "zod";

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  cluster: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  year: z.preprocess(firstString, z.coerce.number().int().min(1900).max(2200).optional().catch(undefined)),
  block: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
});

export type DashboardParams = { clusterId?: string; year?: number; blockId?: string };

/** ?cluster=&year=&block= from the URL; bad values are dropped. */
export function parseDashboardParams(searchParams: Record<string, string | string[] | undefined>): DashboardParams {
  const p = paramsSchema.parse(searchParams);
  return { clusterId: p.cluster || undefined, year: p.year, blockId: p.block || undefined };
}
