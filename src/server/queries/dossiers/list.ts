// The dossiers an actor may see (issue 14): the secretariat its cluster's years (with or without a
// dossier), the member units their cluster's published dossiers, the Ministry office and the admin
// every dossier that has been sent at least once (its inbox).
import { can, roleMay, type Actor } from "@/domain/permissions";
import type { DossierStatus } from "@/domain/awards";
import { prisma } from "@/server/db";

export type DossierRow = {
  id: string | null;
  yearId: string;
  year: number;
  phase: string;
  clusterId: string;
  clusterName: string;
  status: DossierStatus | null;
  proposed: number;
  disclosureEndsOn: string | null;
  sentAt: Date | null;
};

export async function dossierList(actor: Actor): Promise<{ rows: DossierRow[]; canBuild: boolean; inbox: boolean }> {
  const inbox = actor.role === "MINISTRY" || actor.role === "ADMIN";
  const clusterScoped = !inbox && actor.clusterId !== null && (roleMay(actor, "dossier.view") || roleMay(actor, "dossier.disclosure"));
  if (!inbox && !clusterScoped) return { rows: [], canBuild: false, inbox };
  const years = await prisma.emulationYear.findMany({
    where: inbox ? { dossier: { sendCount: { gt: 0 } } } : { clusterId: actor.clusterId! },
    orderBy: [{ year: "desc" }],
    select: {
      id: true,
      year: true,
      phase: true,
      clusterId: true,
      cluster: { select: { name: true } },
      dossier: { select: { id: true, status: true, disclosureEndsOn: true, sentAt: true, _count: { select: { items: { where: { status: "PROPOSED" } } } } } },
    },
  });
  const rows = years
    .filter((y) => can(actor, "dossier.view", { clusterId: y.clusterId }) || (y.dossier && y.dossier.status !== "DRAFT" && can(actor, "dossier.disclosure", { clusterId: y.clusterId })))
    .map((y) => ({
      id: y.dossier?.id ?? null,
      yearId: y.id,
      year: y.year,
      phase: y.phase,
      clusterId: y.clusterId,
      clusterName: y.cluster.name,
      status: (y.dossier?.status as DossierStatus | undefined) ?? null,
      proposed: y.dossier?._count.items ?? 0,
      disclosureEndsOn: y.dossier?.disclosureEndsOn?.toISOString().slice(0, 10) ?? null,
      sentAt: y.dossier?.sentAt ?? null,
    }));
  return { rows, canBuild: roleMay(actor, "dossier.manage"), inbox };
}
