import { z } from "zod";
import { pageParam } from "@/domain/validation";

export type RegistrationParams = { q?: string; sub?: string; target?: string; page?: number; cluster?: string };

const firstString = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const paramsSchema = z.object({
  q: z.preprocess(firstString, z.string().optional().catch(undefined)),
  sub: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  target: z.preprocess(firstString, z.string().max(32).optional().catch(undefined)),
  cluster: z.preprocess(firstString, z.string().max(64).optional().catch(undefined)),
  page: z.preprocess(firstString, pageParam),
});

/** The page's URL (?q=&sub=&target=&page=&cluster=); bad values fall back to defaults. */
export function parseRegistrationParams(searchParams: Record<string, string | string[] | undefined>): RegistrationParams {
  const p = paramsSchema.parse(searchParams);
  return { q: p.q?.slice(0, 100), sub: p.sub || undefined, target: p.target || undefined, page: p.page, cluster: p.cluster || undefined };
}
