// One dossier as a page shows it (issue 14): the secretariat and the Ministry office see everything
// (items with their evidence, objections and answers, history, decisions); a member unit sees a
// published dossier's items and evidence and only its own unit's objections. Evidence carries the
// rounds' aggregate results only (docs/security-voting.md).
import { can, type Actor } from "@/domain/permissions";
import { readEvidence, type DossierStatus, type ItemEvidence } from "@/domain/awards";
import { vietnamDay } from "@/domain/working-days";
import { appNow } from "@/server/clock";
import { prisma } from "@/server/db";
import { notFound } from "@/server/errors";
import { dossierScope } from "@/server/store/dossiers";
import { assertCan } from "../guard";

export async function dossierDetail(actor: Actor, dossierId: string) {
  const scope = await dossierScope(prisma, dossierId);
  if (!scope.clusterId) notFound();
  const full = can(actor, "dossier.view", scope);
  const dossier = await prisma.dossier.findUniqueOrThrow({
    where: { id: dossierId },
    include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, cluster: { select: { name: true } } } } },
  });
  if (!full) {
    // A member unit: only once published.
    assertCan(actor, "dossier.disclosure", dossier.status === "DRAFT" ? null : scope);
  }
  const [items, objections, events, decisions] = await Promise.all([
    prisma.dossierItem.findMany({
      where: { dossierId, ...(full ? {} : { status: { not: "WITHDRAWN" } }) },
      orderBy: [{ kind: "asc" }, { addedAt: "asc" }],
      select: {
        id: true, kind: true, status: true, titleCode: true, commendationForm: true, evidence: true, addedAt: true, addedByName: true,
        unit: { select: { id: true, name: true } },
        officer: { select: { id: true, fullName: true, rank: true, position: true } },
        title: { select: { name: true } },
        decision: { select: { id: true, number: true } },
      },
    }),
    prisma.dossierObjection.findMany({
      where: { dossierId, ...(full ? {} : { unitId: actor.unitId ?? "00000000-0000-0000-0000-000000000000" }) },
      orderBy: { createdAt: "asc" },
      select: { id: true, itemId: true, reason: true, authorName: true, fileName: true, createdAt: true, answer: true, answerText: true, answeredAt: true, answeredByName: true, unit: { select: { name: true } } },
    }),
    full ? prisma.dossierEvent.findMany({ where: { dossierId }, orderBy: { at: "asc" }, select: { id: true, kind: true, at: true, actorName: true, reason: true } }) : Promise.resolve([]),
    full ? prisma.awardDecision.findMany({ where: { dossierId }, orderBy: { date: "asc" }, select: { id: true, number: true, date: true, signer: true, level: true, fileName: true, _count: { select: { items: { where: { status: "APPROVED" } } } } } }) : Promise.resolve([]),
  ]);
  const awards = await awardsOf(dossier.emulationYear, items);
  return {
    id: dossier.id,
    status: dossier.status as DossierStatus,
    memoNo: dossier.memoNo,
    year: dossier.emulationYear,
    disclosureEndsOn: dossier.disclosureEndsOn?.toISOString().slice(0, 10) ?? null,
    disclosureDays: dossier.disclosureDays,
    returnReason: dossier.returnReason,
    sendCount: dossier.sendCount,
    today: vietnamDay(appNow()),
    items: items.map((i) => ({ ...i, evidence: readEvidence(i.evidence) as ItemEvidence, award: awards.get(i.id) ?? null })),
    objections,
    events,
    decisions,
    can: {
      /** The whole dossier (the tờ trình, the history, the decisions). */
      view: full,
      manage: can(actor, "dossier.manage", scope),
      object: actor.unitId !== null && can(actor, "dossier.object", { clusterId: scope.clusterId, unitId: actor.unitId }),
      review: can(actor, "dossier.review", scope),
      decide: can(actor, "decision.record", scope),
      revoke: can(actor, "award.revoke", scope),
    },
  };
}

type AwardedItem = { id: string; kind: string; status: string; unit: { id: string }; officer: { id: string } | null; decision: { id: string } | null };
type Marked = { id: string; revokedAt: Date | null; revokeDecisionNo: string | null; revokeReason: string | null };
/** What an approved item became (the title or commendation its decision wrote): what the Ministry office may revoke. */
export type ItemAward = Marked & { kind: "UNIT_TITLE" | "OFFICER_TITLE" | "COMMENDATION" };

async function awardsOf(year: { id: string; year: number }, items: AwardedItem[]): Promise<Map<string, ItemAward>> {
  const approved = items.filter((i) => i.status === "APPROVED" && i.decision);
  const out = new Map<string, ItemAward>();
  if (!approved.length) return out;
  const decisionIds = [...new Set(approved.map((i) => i.decision!.id))];
  const marks = { id: true, revokedAt: true, revokeDecisionNo: true, revokeReason: true } as const;
  const [unitResults, officerResults, commendations] = await Promise.all([
    prisma.unitYearResult.findMany({ where: { emulationYearId: year.id, decisionId: { in: decisionIds } }, select: { ...marks, unitId: true, decisionId: true } }),
    prisma.officerYearResult.findMany({ where: { year: year.year, decisionId: { in: decisionIds } }, select: { ...marks, officerId: true, decisionId: true } }),
    prisma.commendation.findMany({ where: { dossierItemId: { in: approved.map((i) => i.id) } }, select: { ...marks, dossierItemId: true } }),
  ]);
  // One key per awarded record: the subject and the decision that wrote it (a commendation: its item).
  const units = new Map(unitResults.map((r) => [`${r.unitId}/${r.decisionId}`, r]));
  const officers = new Map(officerResults.map((r) => [`${r.officerId}/${r.decisionId}`, r]));
  const commended = new Map(commendations.map((r) => [r.dossierItemId, r]));
  for (const i of approved) {
    const kind = i.kind === "UNIT_TITLE" || i.kind === "OFFICER_TITLE" ? i.kind : "COMMENDATION";
    const r: Marked | undefined =
      kind === "UNIT_TITLE" ? units.get(`${i.unit.id}/${i.decision!.id}`) : kind === "OFFICER_TITLE" ? officers.get(`${i.officer?.id}/${i.decision!.id}`) : commended.get(i.id);
    if (r) out.set(i.id, { kind, id: r.id, revokedAt: r.revokedAt, revokeDecisionNo: r.revokeDecisionNo, revokeReason: r.revokeReason });
  }
  return out;
}

export type DossierDetail = Awaited<ReturnType<typeof dossierDetail>>;

/** A decision's PDF, for those who see the whole dossier. */
export async function decisionFile(actor: Actor, decisionId: string) {
  const d = await prisma.awardDecision.findUnique({ where: { id: decisionId }, select: { dossierId: true, fileName: true, fileType: true, file: true } });
  if (!d) notFound();
  assertCan(actor, "dossier.view", await dossierScope(prisma, d.dossierId));
  return d;
}

/**
 * Who the secretariat may propose (the add-item form): the cluster's member units, and the officers
 * with a CSTĐCS or higher awarded in the year or the two before it (the candidates for a Ministry or
 * national title or a Bằng khen), at most 1,000, in Vietnamese order.
 */
export async function dossierSubjects(actor: Actor, dossierId: string) {
  const scope = await dossierScope(prisma, dossierId);
  assertCan(actor, "dossier.manage", scope.clusterId ? scope : null);
  const clusterId = scope.clusterId!;
  const { emulationYear: y } = await prisma.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { emulationYear: { select: { year: true } } } });
  const [units, officers] = await Promise.all([
    prisma.unit.findMany({ where: { clusterId, parentId: null, active: true }, orderBy: { sortKey: "asc" }, select: { id: true, name: true } }),
    prisma.officer.findMany({
      where: { active: true, unit: { clusterId }, yearResults: { some: { year: { gte: y.year - 2, lte: y.year }, awardedTitleCode: { in: ["CSTDCS", "CSTD_CAND", "CSTD_TQ"] } } } },
      orderBy: { sortKey: "asc" },
      take: 1000,
      select: { id: true, fullName: true, rank: true, unit: { select: { name: true } } },
    }),
  ]);
  return { units, officers };
}
