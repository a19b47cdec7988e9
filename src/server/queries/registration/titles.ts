import { prisma } from "@/server/db";
import { INDIVIDUAL, COLLECTIVE } from "./shared";

export type TitleOption = { code: string; name: string; shortName: string };

/** Active titles the engine knows, lowest first. */
export async function titleOptions(): Promise<{ individual: TitleOption[]; collective: TitleOption[] }> {
  const titles = await prisma.titleDefinition.findMany({
    where: { active: true },
    orderBy: [{ kind: "asc" }, { level: "asc" }],
    select: { code: true, name: true, shortName: true, kind: true },
  });
  return {
    individual: titles.filter((t) => t.kind === "INDIVIDUAL" && INDIVIDUAL.has(t.code)).map(({ kind: _k, ...t }) => t),
    collective: titles.filter((t) => t.kind === "COLLECTIVE" && COLLECTIVE.has(t.code)).map(({ kind: _k, ...t }) => t),
  };
}
