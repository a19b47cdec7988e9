// The cluster's joint agreement of one year (/agreement, its print view and its .docx; docs/domain.md
// §10): every unit of the cluster reads it ("agreement.view"); the secretariat drafts and records it
// during the conference ("agreement.manage"), and corrects a closed year's by amendment ("year.amend").
import { can, type Actor } from "@/domain/permissions";
import { actionInPhase } from "@/domain/year-phase-rules";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { assertCan, named } from "./guard";
import { resultYears } from "./results/years";

/** The year the address names, or the newest year the actor may see; null when there is none. */
export async function jointAgreementPage(actor: Actor, yearId: string | undefined) {
  const years = await resultYears(actor);
  const id = yearId ?? years.find((y) => y.clusterId === actor.clusterId)?.id ?? years[0]?.id;
  if (!id) return { years, year: null, agreement: null, memberUnits: [], canManage: false, inPhase: false, canAmend: false };
  const year = await named(id, (x) =>
    prisma.emulationYear.findUnique({ where: { id: x }, select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } } }),
  );
  assertCan(actor, "agreement.view", { clusterId: year.clusterId });
  const [agreement, memberUnits] = await Promise.all([
    prisma.jointAgreement.findUnique({
      where: { emulationYearId: year.id },
      select: {
        id: true,
        title: true,
        commitments: true,
        place: true,
        signedOn: true,
        status: true,
        updatedAt: true,
        updatedByName: true,
        signatories: { select: { unitId: true, name: true, position: true, unit: { select: { name: true, sortKey: true } } } },
      },
    }),
    prisma.unit.findMany({ where: { clusterId: year.clusterId, parentId: null, active: true }, orderBy: { sortKey: "asc" }, select: { id: true, name: true } }),
  ]);
  const target = { clusterId: year.clusterId };
  const closed = year.phase === "CLOSED";
  return {
    years,
    year: { id: year.id, year: year.year, phase: year.phase, clusterName: year.cluster.name },
    agreement: agreement && {
      ...agreement,
      signatories: agreement.signatories
        .sort((a, b) => a.unit.sortKey.localeCompare(b.unit.sortKey))
        .map((s) => ({ unitId: s.unitId, unitName: s.unit.name, name: s.name, position: s.position })),
    },
    memberUnits,
    /** The secretariat's form (the command's phase guard decides; overrides included). */
    canManage: !closed && can(actor, "agreement.manage", target),
    /** Whether the conference phase is on (the form says so otherwise). */
    inPhase: actionInPhase("jointAgreement", year.phase),
    canAmend: closed && can(actor, "year.amend", target),
  };
}

export type JointAgreementPage = Awaited<ReturnType<typeof jointAgreementPage>>;

/** The agreement of a year for its .docx: the same read, refused (404) when there is none. */
export async function jointAgreementDocument(actor: Actor, yearId: string) {
  const page = await jointAgreementPage(actor, yearId);
  if (!page.year || !page.agreement) notFound();
  return { year: page.year, agreement: page.agreement };
}
