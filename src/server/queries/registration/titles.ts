import { queryRows } from "@/server/db";
import { INDIVIDUAL, COLLECTIVE } from "./shared";

export type TitleOption = { code: string; name: string; shortName: string };

/** Active titles the engine knows, lowest first (one prepared statement: every registration page asks). */
export async function titleOptions(): Promise<{ individual: TitleOption[]; collective: TitleOption[] }> {
  const titles = await queryRows<(TitleOption & { kind: string })[]>`
    SELECT code, name, "shortName", kind::text AS kind FROM "TitleDefinition" WHERE active ORDER BY kind, level`;
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL" && INDIVIDUAL.has(t.code)).map(({ kind: _k, ...t }) => t),
    collective: titles.filter((t) => t.kind === "COLLECTIVE" && COLLECTIVE.has(t.code)).map(({ kind: _k, ...t }) => t),
  };
}
