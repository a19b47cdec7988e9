// Demo data: the 2021 proposal dossier of Cụm thi đua số 2 and the Ministry's decisions on it (issue 14;
// docs/domain.md §1, §9). Built after the 2021 conference and history exist, through the same rules the
// dossier commands apply (src/server/store/dossier-evidence.ts: the acclaim's aggregate result, the
// eligibility engine at the RESULTS stage, the flag allowance and the CSTĐCS quota; a refusal stops
// the seed) and the same decision plan (planDecision): the Ministry flag acclaimed on 19/11/2021 for
// Cục An ninh mạng… and the year's CSTĐ CAND, disclosed for 5 working days, one objection answered,
// sent, accepted, and approved by the decisions already in the history (912/QĐ-BCA for the flag, the
// CSTĐ CAND decision), which now point at them. The commands themselves cannot run here: 2021 is a
// closed year, written by this seed's amendment transaction (src/server/seed/demo.ts).
import { createHash } from "node:crypto";
import { disclosureWindow, planDecision, subjectKey, type DossierOfficerTitle, type HeldUnitTitle, type ItemEvidence } from "@/domain/awards";
import type { CollectiveTitle } from "@/domain/eligibility";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import type { Tx } from "@/server/db";
import { checkOfficerTitles, checkUnitTitle, conferenceFacts } from "@/server/store/dossier-evidence";
import { holidaysFrom } from "@/server/store/holidays";
import { demoPdf } from "./criteria-2022";

export type Dossier2021Context = { year2021Id: string; unitIds: Record<string, string> };

const SECRETARIAT = "Thư ký Cụm thi đua số 2";
const MINISTRY = "Văn phòng Thường trực Hội đồng Thi đua – Khen thưởng Bộ";
/** Hà Nội time on a day of the 2021 calendar. */
const at = (day: string, hhmm = "09:00") => new Date(`${day}T${hhmm}:00+07:00`);
const BUILT_ON = "2021-11-22";
const PUBLISHED_ON = "2021-11-23";

export async function seedDossier2021(tx: Tx, ctx: Dossier2021Context): Promise<{ items: number; decisions: number }> {
  const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: ctx.year2021Id }, select: { id: true, year: true, settings: true } });
  const yearSettings = parseYearSettings(year.settings);
  const settings = eligibilitySettingsOf(yearSettings);
  const facts = await conferenceFacts(tx, year.id);
  const takenAt = at(BUILT_ON);
  const units = new Map((await tx.unit.findMany({ where: { id: { in: Object.values(ctx.unitIds) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));

  const items: { kind: "UNIT_TITLE" | "OFFICER_TITLE"; unitId: string; officerId: string | null; titleCode: string; evidence: ItemEvidence }[] = [];
  // Collective titles: the units the conference acclaimed (as dossier.build does).
  const held: HeldUnitTitle[] = [];
  for (const { unitId, titleCode } of facts.acclaimed) {
    const unitName = units.get(unitId)!;
    const title = titleCode as CollectiveTitle;
    const { refusal, evidence } = await checkUnitTitle(tx, { unitId, unitName, year: year.year, title, settings, facts, held, asOf: BUILT_ON, takenAt });
    if (refusal) throw new Error(`seedDossier2021: ${refusal.message}`);
    held.push({ unitId, unitName, title });
    items.push({ kind: "UNIT_TITLE", unitId, officerId: null, titleCode, evidence });
  }
  // Individual titles: the year's CSTĐ CAND (as dossier.item.add does, unit by unit, the quota counting each).
  const cand = await tx.officerYearResult.findMany({
    where: { year: year.year, awardedTitleCode: "CSTD_CAND", officer: { unitId: { in: [...units.keys()] } } },
    orderBy: { officer: { sortKey: "asc" } },
    select: { officer: { select: { id: true, fullName: true, unitId: true } } },
  });
  const proposed: { officerId: string; unitId: string; titleCode: string }[] = [];
  for (const unitId of units.keys()) {
    const candidates = cand.filter((c) => c.officer.unitId === unitId).map((c) => ({ officer: c.officer, title: "CSTD_CAND" as DossierOfficerTitle }));
    if (!candidates.length) continue;
    const checked = await checkOfficerTitles(tx, { unitId, year: year.year, settings, asOf: BUILT_ON, takenAt, candidates, proposed });
    checked.forEach(({ refusal, evidence }, i) => {
      if (refusal) throw new Error(`seedDossier2021: ${refusal.message}`);
      const officer = candidates[i]!.officer;
      proposed.push({ officerId: officer.id, unitId, titleCode: "CSTD_CAND" });
      items.push({ kind: "OFFICER_TITLE", unitId, officerId: officer.id, titleCode: "CSTD_CAND", evidence });
    });
  }

  // Disclosed for the year's window in working days, from the day after publication.
  const { lastDay } = disclosureWindow(PUBLISHED_ON, yearSettings.disclosureWorkingDays, await holidaysFrom(PUBLISHED_ON, tx));
  const dossier = await tx.dossier.create({
    data: {
      emulationYearId: year.id,
      status: "ACCEPTED",
      memoNo: "45/TTr-CTĐ2",
      disclosedAt: at(PUBLISHED_ON, "08:30"),
      disclosureDays: yearSettings.disclosureWorkingDays,
      disclosureEndsOn: new Date(`${lastDay}T00:00:00Z`),
      sentAt: at("2021-12-01"),
      sendCount: 1,
      acceptedAt: at("2021-12-03"),
      createdAt: takenAt,
    },
  });
  const created = await tx.dossierItem.createManyAndReturn({
    data: items.map((i) => ({ dossierId: dossier.id, subjectKey: subjectKey(i.kind, i.officerId ?? i.unitId), addedAt: takenAt, addedByName: SECRETARIAT, ...i })),
    select: { id: true, kind: true, status: true, titleCode: true, commendationForm: true, unitId: true, officerId: true },
  });

  // One objection, answered before sending: a member unit asks about a CSTĐ CAND proposal.
  const asked = created.find((i) => i.kind === "OFFICER_TITLE");
  const asker = ctx.unitIds.NT;
  if (asked && asker) {
    await tx.dossierObjection.create({
      data: {
        dossierId: dossier.id,
        itemId: asked.id,
        unitId: asker,
        authorName: "Cán bộ Cục Ngoại tuyến",
        reason: "Đề nghị làm rõ sáng kiến cấp Bộ của đồng chí được đề nghị danh hiệu Chiến sĩ thi đua Công an nhân dân.",
        createdAt: at("2021-11-25", "14:10"),
        answer: "KEPT",
        answerText: "Sáng kiến đã được Hội đồng sáng kiến Bộ Công an công nhận năm 2021 (có quyết định kèm hồ sơ); giữ nguyên đề nghị.",
        answeredAt: at("2021-11-29", "10:00"),
        answeredByName: SECRETARIAT,
      },
    });
  }
  await tx.dossierEvent.createMany({
    data: [
      { dossierId: dossier.id, kind: "PUBLISHED", at: at(PUBLISHED_ON, "08:30"), actorName: SECRETARIAT, snapshot: { days: yearSettings.disclosureWorkingDays, lastDay, proposed: created.length } },
      { dossierId: dossier.id, kind: "SENT", at: at("2021-12-01"), actorName: SECRETARIAT },
      { dossierId: dossier.id, kind: "ACCEPTED", at: at("2021-12-03"), actorName: MINISTRY },
    ],
  });

  // The decisions already in the history approve the items: one AwardDecision per decision number.
  const [unitResults, officerResults] = await Promise.all([
    tx.unitYearResult.findMany({ where: { emulationYearId: year.id, unitId: { in: created.filter((i) => i.kind === "UNIT_TITLE").map((i) => i.unitId) } }, select: { id: true, unitId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true } }),
    tx.officerYearResult.findMany({ where: { year: year.year, officerId: { in: created.flatMap((i) => (i.officerId ? [i.officerId] : [])) } }, select: { id: true, officerId: true, awardedTitleCode: true, decisionNo: true, decisionDate: true, decisionSigner: true } }),
  ]);
  const recordOf = (i: (typeof created)[number]) => (i.officerId ? officerResults.find((r) => r.officerId === i.officerId) : unitResults.find((r) => r.unitId === i.unitId));
  const byDecision = new Map<string, { date: Date; signer: string; items: typeof created }>();
  for (const i of created) {
    const r = recordOf(i);
    if (!r?.decisionNo || !r.decisionDate || r.awardedTitleCode !== i.titleCode) throw new Error(`seedDossier2021: no 2021 decision on record for ${i.officerId ?? i.unitId} (${i.titleCode})`);
    const group = byDecision.get(r.decisionNo) ?? { date: r.decisionDate, signer: r.decisionSigner ?? "Bộ trưởng Bộ Công an", items: [] };
    group.items.push(i);
    byDecision.set(r.decisionNo, group);
  }
  const status = new Map(created.map((i) => [i.id, "PROPOSED"]));
  for (const [number, group] of [...byDecision].sort((a, b) => a[1].date.getTime() - b[1].date.getTime())) {
    const plan = planDecision({
      dossierStatus: "ACCEPTED",
      level: "MINISTER",
      items: created.map((i) => ({ id: i.id, kind: i.kind, status: status.get(i.id)!, titleCode: i.titleCode, commendationForm: i.commendationForm })),
      approvedIds: group.items.map((i) => i.id),
      closeRemaining: false,
    });
    if (!plan.ok) throw new Error(`seedDossier2021: ${plan.message}`);
    const file = demoPdf(`Quyet dinh so ${number} (ban demo)`);
    const decision = await tx.awardDecision.create({
      data: {
        dossierId: dossier.id, number, date: group.date, signer: group.signer, level: "MINISTER",
        fileName: `${number.replace(/\//g, "-")}.pdf`, fileType: "application/pdf", fileSize: file.byteLength, sha256: createHash("sha256").update(file).digest("hex"), file,
        recordedAt: at(group.date.toISOString().slice(0, 10), "15:00"), recordedByName: MINISTRY,
      },
    });
    const ids = plan.approve.map((a) => a.id);
    await tx.dossierItem.updateMany({ where: { id: { in: ids } }, data: { status: "APPROVED", decisionId: decision.id } });
    for (const id of ids) status.set(id, "APPROVED");
    const approved = group.items;
    await tx.unitYearResult.updateMany({ where: { id: { in: approved.flatMap((i) => (i.officerId ? [] : [recordOf(i)!.id])) } }, data: { decisionId: decision.id } });
    await tx.officerYearResult.updateMany({ where: { id: { in: approved.flatMap((i) => (i.officerId ? [recordOf(i)!.id] : [])) } }, data: { decisionId: decision.id } });
    await tx.dossierEvent.create({
      data: { dossierId: dossier.id, kind: "DECIDED", at: at(group.date.toISOString().slice(0, 10), "15:00"), actorName: MINISTRY, snapshot: { number, approved: ids.length, notApproved: 0, remaining: plan.remaining.length } },
    });
  }
  return { items: created.length, decisions: byDecision.size };
}
