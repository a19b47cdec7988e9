import { createHash } from "node:crypto";
import { z } from "zod";
import { COMMENDATION_FORMS, DECISION_LEVELS, planDecision, type CommendationForm, type DecisionLevel, type ItemKind } from "@/domain/awards";
import { checkEvidenceFile } from "@/domain/scoring";
import { checkbox, isUuid, requiredDate, requiredText } from "@/domain/validation";
import { titleLabel, type CollectiveTitle } from "@/domain/eligibility";
import { appNow } from "@/server/clock";
import { dossierScope, lockDossier } from "@/server/store/dossiers";
import { defineCommand, UserError } from "../command";
import { checkDecisionDate } from "../results/shared";
import { dossierIdField, recordEvent } from "./shared";

const LEVELS = Object.keys(DECISION_LEVELS) as [DecisionLevel, ...DecisionLevel[]];

/** The decision's fields, its PDF, and item_<id> = "on" for each item it approves. */
export const recordDecisionInput = z
  .looseObject({
    dossierId: dossierIdField,
    number: requiredText("Số quyết định", 60),
    date: requiredDate("Ngày quyết định"),
    signer: requiredText("Người ký", 120),
    level: z.enum(LEVELS, { error: "Vui lòng chọn cấp quyết định." }),
    file: z.instanceof(File, { error: "Vui lòng tải lên tệp PDF của quyết định." }),
    closeRemaining: checkbox,
  })
  .transform((o) => ({
    dossierId: o.dossierId,
    number: o.number,
    date: o.date,
    signer: o.signer,
    level: o.level,
    file: o.file,
    closeRemaining: o.closeRemaining,
    itemIds: Object.entries(o)
      .filter(([key, value]) => key.startsWith("item_") && (value === "on" || value === "true"))
      .map(([key]) => key.slice(5))
      .filter(isUuid),
  }));

/**
 * The Ministry office records a decision (number, date, signer, level, PDF) approving all or part of
 * an accepted dossier. In the same transaction it writes the history later years read: the units'
 * collective titles (UnitYearResult), the officers' titles (OfficerYearResult, verified) and the
 * commendations (Commendation), each pointing at the decision. Set-based: one statement per kind.
 */
export const recordDecision = defineCommand({
  name: "decision.record",
  label: "Ghi quyết định khen thưởng",
  phases: "results",
  permission: "decision.record",
  input: recordDecisionInput,
  target: (tx, input) => dossierScope(tx, input.dossierId),
  transaction: { timeout: 30_000 },
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    const year = dossier.emulationYear;
    checkDecisionDate(input.date, year.year, appNow());
    const items = await tx.dossierItem.findMany({
      where: { dossierId: dossier.id },
      select: { id: true, kind: true, status: true, titleCode: true, commendationForm: true, unitId: true, officerId: true, unit: { select: { name: true } }, officer: { select: { fullName: true } } },
    });
    const plan = planDecision({
      dossierStatus: dossier.status,
      level: input.level,
      items: items.map((i) => ({ ...i, kind: i.kind as ItemKind, label: `Đề nghị ${i.titleCode ? titleLabel(i.titleCode as CollectiveTitle) : COMMENDATION_FORMS[i.commendationForm as CommendationForm]?.label} cho ${i.officer?.fullName ?? i.unit.name}` })),
      approvedIds: input.itemIds,
      closeRemaining: input.closeRemaining,
    });
    if (!plan.ok) throw new UserError(plan.message);

    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const check = checkEvidenceFile({ name: input.file.name, size: bytes.byteLength, declaredType: input.file.type, head: bytes.subarray(0, 16) });
    if (!check.ok) throw new UserError(check.message, { file: [check.message] });
    if (check.contentType !== "application/pdf") throw new UserError("Quyết định phải là tệp PDF.", { file: ["Quyết định phải là tệp PDF."] });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const decision = await tx.awardDecision.create({
      data: { dossierId: dossier.id, number: input.number, date: new Date(`${input.date}T00:00:00Z`), signer: input.signer, level: input.level, fileName: check.fileName, fileType: check.contentType, fileSize: bytes.byteLength, sha256, file: bytes, recordedByName: actor.displayName },
      select: { id: true },
    });
    const byId = new Map(items.map((i) => [i.id, i]));
    const approved = plan.approve.map((p) => byId.get(p.id)!);
    const decisionDate = new Date(`${input.date}T00:00:00Z`);
    const decided = { decisionNo: input.number, decisionDate, decisionSigner: input.signer, decisionId: decision.id };

    for (const i of approved.filter((a) => a.kind === "UNIT_TITLE")) {
      await tx.unitYearResult.upsert({
        where: { emulationYearId_unitId: { emulationYearId: year.id, unitId: i.unitId } },
        create: { emulationYearId: year.id, unitId: i.unitId, awardedTitleCode: i.titleCode, ...decided },
        update: { awardedTitleCode: i.titleCode, ...decided },
      });
    }
    const officerTitles = approved.filter((a) => a.kind === "OFFICER_TITLE");
    if (officerTitles.length) {
      const officerIds = officerTitles.map((i) => i.officerId!);
      const titles = officerTitles.map((i) => i.titleCode!);
      // The year's rating, when already recorded, is kept; the title is the decision's, verified.
      await tx.$executeRaw`
        INSERT INTO "OfficerYearResult" (id, "officerId", year, "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner", "decisionId", verified, "updatedAt")
        SELECT gen_random_uuid(), t.o, ${year.year}, t.c, ${input.number}, ${decisionDate}::date, ${input.signer}, ${decision.id}::uuid, true, now()
        FROM unnest(${officerIds}::uuid[], ${titles}::varchar[]) AS t(o, c)
        ON CONFLICT ("officerId", year) DO UPDATE SET
          "awardedTitleCode" = EXCLUDED."awardedTitleCode", "decisionNo" = EXCLUDED."decisionNo", "decisionDate" = EXCLUDED."decisionDate",
          "decisionSigner" = EXCLUDED."decisionSigner", "decisionId" = EXCLUDED."decisionId", verified = true, "updatedAt" = now()`;
    }
    const commendations = approved.filter((a) => a.kind === "UNIT_COMMENDATION" || a.kind === "OFFICER_COMMENDATION");
    if (commendations.length) {
      await tx.commendation.createMany({
        data: commendations.map((i) => ({
          year: year.year,
          officerId: i.officerId,
          unitId: i.kind === "UNIT_COMMENDATION" ? i.unitId : null,
          form: COMMENDATION_FORMS[i.commendationForm as CommendationForm].label,
          formCode: i.commendationForm,
          level: DECISION_LEVELS[input.level],
          decisionNo: input.number,
          decisionDate,
          decisionSigner: input.signer,
          source: "DECISION",
          decisionId: decision.id,
          dossierItemId: i.id,
          recordedByName: actor.displayName,
        })),
      });
    }
    await tx.dossierItem.updateMany({ where: { id: { in: approved.map((a) => a.id) } }, data: { status: "APPROVED", decisionId: decision.id } });
    if (plan.notApproved.length) await tx.dossierItem.updateMany({ where: { id: { in: plan.notApproved.map((a) => a.id) } }, data: { status: "NOT_APPROVED", decisionId: decision.id } });
    const summary = { decisionId: decision.id, number: input.number, date: input.date, signer: input.signer, level: input.level, approved: approved.length, notApproved: plan.notApproved.length, remaining: plan.remaining.length };
    await recordEvent(tx, dossier.id, actor, "DECIDED", { snapshot: summary });
    return {
      data: { id: decision.id },
      message:
        `Đã ghi Quyết định số ${input.number}: ${approved.length} đề nghị được khen thưởng` +
        (plan.notApproved.length ? `, ${plan.notApproved.length} đề nghị không được khen thưởng` : "") +
        (plan.remaining.length ? `; còn ${plan.remaining.length} đề nghị chờ quyết định khác` : "") +
        ". Kết quả đã được ghi vào lịch sử thi đua.",
      audit: {
        entityType: "AwardDecision",
        entityId: decision.id,
        after: { ...summary, dossierId: dossier.id, fileName: check.fileName, sha256, approvedItemIds: approved.map((a) => a.id), notApprovedItemIds: plan.notApproved.map((a) => a.id) },
      },
    };
  },
});

