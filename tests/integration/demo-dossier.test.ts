// The demo's 2021 dossier of Cụm thi đua số 2 (src/server/seed/dossier-2021.ts) on a real database: built
// from the 19/11/2021 conference through the dossier rules, disclosed, answered, accepted, and approved by
// the decisions the 2021 history already records, which now point at them; its documents open.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { buildDossierDocx } from "@/server/documents/dossier-docx";
import { dossierDocumentData } from "@/server/queries/dossiers";
import { DEMO_CLUSTER, seedDemoData } from "@/server/seed/demo";
import { prisma, resetDatabase } from "./fixtures";

let dossier: { id: string; status: string; memoNo: string | null };
let ministry: Actor;

beforeAll(async () => {
  await resetDatabase();
  await seedDemoData(prisma);
  const cluster = await prisma.cluster.findUniqueOrThrow({ where: { code: DEMO_CLUSTER.code }, select: { id: true } });
  dossier = await prisma.dossier.findFirstOrThrow({ where: { emulationYear: { clusterId: cluster.id, year: 2021 } }, select: { id: true, status: true, memoNo: true } });
  const user = await prisma.user.findFirstOrThrow({ where: { role: "MINISTRY" } });
  ministry = { userId: user.id, username: user.username, displayName: user.displayName, role: "MINISTRY", clusterId: null, unitId: null, chairOfClusterIds: [] };
}, 180_000);

describe("the demo's 2021 dossier", () => {
  it("is accepted, every item approved by a recorded decision, with the flag acclaimed on 19/11/2021 and its vote evidence", async () => {
    expect(dossier.status).toBe("ACCEPTED");
    const items = await prisma.dossierItem.findMany({ where: { dossierId: dossier.id }, include: { unit: true, decision: true } });
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.every((i) => i.status === "APPROVED" && i.decisionId)).toBe(true);
    const flag = items.find((i) => i.kind === "UNIT_TITLE")!;
    expect(flag).toMatchObject({ titleCode: "CO_BCA" });
    expect(flag.unit.code).toBe("ANM");
    expect(flag.decision!.number).toBe("912/QĐ-BCA");
    expect(flag.evidence).toMatchObject({ vote: { ballotsIssued: 5, ballotsReturned: 5, votesFor: 4, passed: true }, eligibility: { status: "ELIGIBLE" } });
    expect(items.filter((i) => i.kind === "OFFICER_TITLE").every((i) => i.titleCode === "CSTD_CAND")).toBe(true);
  });

  it("links the history's results to the decisions, so the histories show them as decided", async () => {
    const decisions = await prisma.awardDecision.findMany({ where: { dossierId: dossier.id }, include: { unitResults: true, officerResults: true } });
    expect(decisions.map((d) => d.number)).toContain("912/QĐ-BCA");
    expect(decisions.find((d) => d.number === "912/QĐ-BCA")!.unitResults).toHaveLength(1);
    const officerLinked = decisions.reduce((s, d) => s + d.officerResults.length, 0);
    expect(officerLinked).toBe(await prisma.dossierItem.count({ where: { dossierId: dossier.id, kind: "OFFICER_TITLE" } }));
    for (const d of decisions) expect(Buffer.from(d.file).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("keeps the disclosure and its answered objection, and its tờ trình opens", async () => {
    const objections = await prisma.dossierObjection.findMany({ where: { dossierId: dossier.id } });
    expect(objections).toHaveLength(1);
    expect(objections[0]!.answer).toBe("KEPT");
    const events = await prisma.dossierEvent.findMany({ where: { dossierId: dossier.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.kind).slice(0, 3)).toEqual(["PUBLISHED", "SENT", "ACCEPTED"]);
    const memo = await buildDossierDocx(await dossierDocumentData(ministry, dossier.id, "memo"), "memo");
    expect(memo.subarray(0, 2).toString()).toBe("PK");
  });
});
