// What the dossier commands share (issue 14; docs/domain.md §9): ids from the form, the items the rules
// count, the history event, the audit snapshot.
import type { HeldUnitTitle } from "@/domain/awards";
import type { CollectiveTitle } from "@/domain/eligibility";
import { idField } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { calendarToday, type LockedDossier } from "@/server/store/dossiers";
import type { Actor } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";

export const ENTITY = "Dossier";
export const dossierIdField = idField("Hồ sơ đề nghị");
export const itemIdField = idField("Đề nghị");

/**
 * The collective titles the flag allowance and "one title a year" count: the dossier's proposals and
 * the titles already awarded for the year to the cluster's units (recorded outside the dossier).
 */
export async function heldUnitTitles(tx: Tx, dossier: { id: string; emulationYearId: string }): Promise<HeldUnitTitle[]> {
  const [items, awarded] = await Promise.all([
    tx.dossierItem.findMany({ where: { dossierId: dossier.id, kind: "UNIT_TITLE", status: { in: ["PROPOSED", "APPROVED"] } }, select: { unitId: true, titleCode: true, unit: { select: { name: true } } } }),
    tx.unitYearResult.findMany({ where: { emulationYearId: dossier.emulationYearId, awardedTitleCode: { not: null } }, select: { unitId: true, awardedTitleCode: true, unit: { select: { name: true } } } }),
  ]);
  const held = new Map<string, HeldUnitTitle>();
  for (const a of awarded) held.set(a.unitId, { unitId: a.unitId, unitName: a.unit.name, title: a.awardedTitleCode as CollectiveTitle });
  for (const i of items) held.set(i.unitId, { unitId: i.unitId, unitName: i.unit.name, title: i.titleCode as CollectiveTitle });
  return [...held.values()];
}

/** Officer titles proposed in the dossier (the quota and "one title" count them). */
export function proposedOfficerTitles(tx: Tx, dossierId: string) {
  return tx.dossierItem
    .findMany({ where: { dossierId, kind: "OFFICER_TITLE", status: { in: ["PROPOSED", "APPROVED"] } }, select: { officerId: true, unitId: true, titleCode: true } })
    .then((rows) => rows.map((r) => ({ officerId: r.officerId!, unitId: r.unitId, titleCode: r.titleCode! })));
}

/** One line of the dossier's history. */
export function recordEvent(tx: Tx, dossierId: string, actor: Actor, kind: "PUBLISHED" | "SENT" | "RETURNED" | "ACCEPTED" | "DECIDED", extra: { reason?: string; snapshot?: Prisma.InputJsonValue } = {}) {
  return tx.dossierEvent.create({ data: { dossierId, kind, actorName: actor.displayName, reason: extra.reason ?? null, snapshot: extra.snapshot } });
}

/** The dossier as the audit log keeps it: status, window and counts. */
export async function dossierSnapshot(tx: Tx, d: Pick<LockedDossier, "id" | "status" | "disclosureEndsOn" | "sendCount">) {
  const counts = await tx.dossierItem.groupBy({ by: ["status"], where: { dossierId: d.id }, _count: { _all: true } });
  return {
    status: d.status,
    disclosureEndsOn: d.disclosureEndsOn ? d.disclosureEndsOn.toISOString().slice(0, 10) : null,
    sendCount: d.sendCount,
    items: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  };
}

export const today = calendarToday;
