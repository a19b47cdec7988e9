import { queryRows } from "@/server/db";

// Shared loaders (also used by the unit, officer and ministry views). Raw SQL throughout: each page
// sends a handful of statements, each planned and run in well under a millisecond at Ministry scale.

export type TitleInfo = { code: string; name: string; shortName: string; kind: "INDIVIDUAL" | "COLLECTIVE"; level: number };

/** The title catalogue, lowest first within a kind (a few rows). */
export async function titleCatalogue(): Promise<{ individual: TitleInfo[]; collective: TitleInfo[]; byCode: Map<string, TitleInfo> }> {
  const titles = await queryRows<TitleInfo[]>`
    SELECT "code", "name", "shortName", "kind"::text AS "kind", "level" FROM "TitleDefinition" ORDER BY "kind", "level"`;
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL"),
    collective: titles.filter((t) => t.kind === "COLLECTIVE"),
    byCode: new Map(titles.map((t) => [t.code, t])),
  };
}
