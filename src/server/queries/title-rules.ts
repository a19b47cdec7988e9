// The title catalogue's rule versions, for the admin's pages (docs/domain.md §3 "Rules as versioned data").
import { can, type Actor } from "@/domain/permissions";
import { inForce, isRuleShape, type RuleShape } from "@/domain/eligibility";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { appNow } from "@/server/clock";
import { named } from "./guard";

function assertManage(actor: Actor) {
  if (!can(actor, "title.manage", {})) notFound();
}

const VERSION_SELECT = {
  id: true,
  firstYear: true,
  lastYear: true,
  params: true,
  legalLaw: true,
  legalDecree: true,
  legalCircular: true,
  legalArticle: true,
  citation: true,
  updatedAt: true,
} as const;

/** A title with its rule versions (oldest first), the one in force this year marked, and the closed years. */
export async function titleRuleVersions(actor: Actor, titleId: string) {
  assertManage(actor);
  const title = await named(titleId, (id) =>
    prisma.titleDefinition.findUnique({ where: { id }, select: { id: true, code: true, name: true, kind: true, level: true, ruleShape: true } }),
  );
  const shape = title.ruleShape ?? title.code;
  const [versions, closed] = await Promise.all([
    prisma.titleRuleVersion.findMany({ where: { titleCode: title.code }, orderBy: { firstYear: "asc" }, select: VERSION_SELECT }),
    prisma.emulationYear.findMany({ where: { phase: "CLOSED" }, select: { year: true }, distinct: ["year"], orderBy: { year: "asc" } }),
  ]);
  const currentYear = appNow().getUTCFullYear();
  return {
    title,
    shape: isRuleShape(shape) ? (shape as RuleShape) : null,
    currentYear,
    closedYears: closed.map((c) => c.year),
    versions: versions.map((v) => ({ ...v, params: v.params as Record<string, unknown>, current: inForce(v, currentYear) })),
  };
}

/** One version of a title, for its edit form. */
export async function titleRuleVersion(actor: Actor, titleId: string, versionId: string) {
  const page = await titleRuleVersions(actor, titleId);
  const version = page.versions.find((v) => v.id === versionId);
  if (!version) notFound();
  return { ...page, version: version! };
}
