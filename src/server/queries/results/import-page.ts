import { resultsWindowError } from "@/domain/excel-rows";
import { registrationWindow } from "@/domain/registration-window";
import { roleMay, type Actor } from "@/domain/permissions";
import { parseYearSettings } from "@/domain/year-settings";
import { prisma } from "@/server/db";
import { assertCan } from "../guard";
import { notFound } from "@/server/errors";

/** The unit officer's unit and the years a file may be imported into (not closed), with what each accepts. */
export async function importPageContext(actor: Actor, requestedYearId?: string) {
  if (!roleMay(actor, "officer.manage") || !actor.unitId) notFound();
  const unit = await prisma.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, name: true, clusterId: true, parentId: true, cluster: { select: { name: true } } } });
  if (!unit || unit.parentId) notFound();
  assertCan(actor, "officer.manage", { unitId: unit.id, clusterId: unit.clusterId });
  const [years, unitRegistrations] = await Promise.all([
    prisma.emulationYear.findMany({
      where: { clusterId: unit.clusterId, phase: { not: "CLOSED" } },
      orderBy: { year: "desc" },
      select: { id: true, year: true, phase: true, settings: true },
    }),
    prisma.unitRegistration.findMany({ where: { unitId: unit.id }, select: { emulationYearId: true, status: true, reopenedUntil: true } }),
  ]);
  const now = new Date();
  const choices = years.map((y) => {
    const reg = unitRegistrations.find((r) => r.emulationYearId === y.id);
    const registration = registrationWindow({
      phase: y.phase,
      deadline: parseYearSettings(y.settings).registrationDeadline,
      status: reg?.status ?? null,
      reopenedUntil: reg?.reopenedUntil ?? null,
      now,
    });
    return {
      id: y.id,
      year: y.year,
      phase: y.phase,
      registrations: registration.writable ? null : registration.message,
      results: resultsWindowError(y),
    };
  });
  const selected =
    choices.find((y) => y.id === requestedYearId) ?? choices.find((y) => y.phase === "REGISTRATION") ?? choices[0] ?? null;
  return { unit: { id: unit.id, name: unit.name, clusterName: unit.cluster.name }, years: choices, selected };
}
