import { can, type Actor } from "@/domain/permissions";
import { isUuid } from "@/domain/validation";
import { prisma } from "@/server/db";

export type AgreementFile = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * The stored agreement file of a unit registration, for an actor who may view that unit's
 * registration ("registration.view" on the stored unit); null when there is none or the actor may not
 * see it (the same answer, so nothing leaks). Used by the download route.
 */
export async function agreementFileFor(actor: Actor | null, unitRegistrationId: string): Promise<AgreementFile | null> {
  if (!actor || !isUuid(unitRegistrationId)) return null;
  const scope = await prisma.unitRegistration.findUnique({
    where: { id: unitRegistrationId },
    select: { unitId: true, unit: { select: { clusterId: true } }, agreementFileName: true },
  });
  if (!scope || !can(actor, "registration.view", { unitId: scope.unitId, clusterId: scope.unit.clusterId })) return null;
  if (!scope.agreementFileName) return null;
  const file = await prisma.unitRegistration.findUnique({
    where: { id: unitRegistrationId },
    select: { agreementFileName: true, agreementFileType: true, agreementFile: true },
  });
  if (!file?.agreementFile || !file.agreementFileName) return null;
  return { fileName: file.agreementFileName, contentType: file.agreementFileType ?? "application/octet-stream", bytes: file.agreementFile };
}
