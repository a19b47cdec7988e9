import { z } from "zod";
import { COMMENDATION_FORMS, DOSSIER_COMMENDATION_FORMS, DOSSIER_OFFICER_TITLES, DOSSIER_UNIT_TITLES, isEditable, ITEM_KINDS, NOT_EDITABLE, subjectKey, type CommendationForm, type DossierOfficerTitle, type ItemEvidence, type ItemKind, type Refusal } from "@/domain/awards";
import { titleLabel, type CollectiveTitle } from "@/domain/eligibility";
import { idField } from "@/domain/validation";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import { appNow } from "@/server/clock";
import { calendarToday, dossierScope, lockDossier } from "@/server/store/dossiers";
import { checkCommendation, checkOfficerTitles, checkUnitTitle, conferenceFacts } from "@/server/store/dossier-evidence";
import { defineCommand, NotFoundError, UserError } from "../command";
import { dossierIdField, heldUnitTitles, proposedOfficerTitles } from "./shared";

const KIND_CODES = Object.keys(ITEM_KINDS) as [ItemKind, ...ItemKind[]];

export const addDossierItemInput = z
  .object({
    dossierId: dossierIdField,
    kind: z.enum(KIND_CODES, { error: "Vui lòng chọn loại đề nghị." }),
    /** A member unit (UNIT_*) or an officer (OFFICER_*). */
    subjectId: idField("Đơn vị hoặc cán bộ"),
    /** A title code (…_TITLE) or a commendation form (…_COMMENDATION). */
    code: z.enum([...DOSSIER_UNIT_TITLES, ...DOSSIER_OFFICER_TITLES, ...DOSSIER_COMMENDATION_FORMS] as [string, ...string[]], { error: "Vui lòng chọn danh hiệu hoặc hình thức khen thưởng." }),
  })
  .superRefine((v, ctx) => {
    const allowed: readonly string[] =
      v.kind === "UNIT_TITLE" ? DOSSIER_UNIT_TITLES : v.kind === "OFFICER_TITLE" ? DOSSIER_OFFICER_TITLES : DOSSIER_COMMENDATION_FORMS;
    if (!allowed.includes(v.code)) ctx.addIssue({ code: "custom", path: ["code"], message: "Danh hiệu hoặc hình thức khen thưởng không được đề nghị qua hồ sơ." });
  });

/** Adds one proposal, checked by the rules (src/domain/awards/admissibility.ts); a refusal names the rule. */
export const addDossierItem = defineCommand({
  name: "dossier.item.add",
  label: "Thêm đề nghị vào hồ sơ",
  phases: "results",
  permission: "dossier.manage",
  input: addDossierItemInput,
  target: (tx, input) => dossierScope(tx, input.dossierId),
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    if (!isEditable(dossier.status)) throw new UserError(NOT_EDITABLE);
    const year = dossier.emulationYear;
    const settings = eligibilitySettingsOf(parseYearSettings(year.settings));
    const takenAt = appNow();
    const asOf = calendarToday();
    const officerKind = input.kind === "OFFICER_TITLE" || input.kind === "OFFICER_COMMENDATION";

    // The subject, within the dossier's cluster (anything else is "not found").
    const subject = officerKind
      ? await tx.officer.findUnique({ where: { id: input.subjectId }, select: { id: true, fullName: true, unitId: true, active: true, unit: { select: { clusterId: true } } } })
      : null;
    const unit = await tx.unit.findUnique({ where: { id: subject ? subject.unitId : input.subjectId }, select: { id: true, name: true, clusterId: true, parentId: true } });
    if (!unit || unit.clusterId !== year.clusterId || unit.parentId || (officerKind && (!subject || !subject.active))) throw new NotFoundError();
    const key = subjectKey(input.kind, input.subjectId);
    const existing = await tx.dossierItem.findUnique({ where: { dossierId_subjectKey: { dossierId: dossier.id, subjectKey: key } }, select: { status: true } });
    const subjectName = subject?.fullName ?? unit.name;

    let checked: { refusal: Refusal | null; evidence: ItemEvidence };
    let titleCode: string | null = null;
    let commendationForm: string | null = null;
    if (input.kind === "UNIT_TITLE") {
      titleCode = input.code;
      const held = (await heldUnitTitles(tx, dossier)).filter((h) => !(existing?.status === "WITHDRAWN" && h.unitId === unit.id));
      checked = await checkUnitTitle(tx, { unitId: unit.id, unitName: unit.name, year: year.year, title: input.code as CollectiveTitle, settings, facts: await conferenceFacts(tx, year.id), held, asOf, takenAt });
    } else if (input.kind === "OFFICER_TITLE") {
      titleCode = input.code;
      const proposed = (await proposedOfficerTitles(tx, dossier.id)).filter((p) => p.officerId !== subject!.id || existing?.status !== "WITHDRAWN");
      [checked] = await checkOfficerTitles(tx, {
        unitId: unit.id,
        year: year.year,
        settings,
        asOf,
        takenAt,
        candidates: [{ officer: { id: subject!.id, fullName: subject!.fullName, unitId: unit.id }, title: input.code as DossierOfficerTitle }],
        proposed,
      }) as [typeof checked];
    } else {
      commendationForm = input.code;
      checked = await checkCommendation(tx, {
        subjectName,
        officerId: subject?.id ?? null,
        year: year.year,
        form: input.code as CommendationForm,
        duplicate: !!existing && existing.status !== "WITHDRAWN",
        settings,
        asOf,
        takenAt,
      });
    }
    if (checked.refusal) throw new UserError(checked.refusal.message, { code: [checked.refusal.message] });
    // A withdrawn proposal of the same kind is replaced (it stays in the audit log and the objections' record).
    if (existing) {
      if (existing.status !== "WITHDRAWN") throw new UserError(`${subjectName} đã có đề nghị ${ITEM_KINDS[input.kind].toLowerCase()} trong hồ sơ.`);
    }
    const data = { kind: input.kind, unitId: unit.id, officerId: subject?.id ?? null, titleCode, commendationForm, evidence: checked.evidence, status: "PROPOSED" as const, addedByName: actor.displayName, addedAt: new Date() };
    const item = await tx.dossierItem.upsert({
      where: { dossierId_subjectKey: { dossierId: dossier.id, subjectKey: key } },
      create: { dossierId: dossier.id, subjectKey: key, ...data },
      update: data,
      select: { id: true },
    });
    const what = titleCode ? titleLabel(titleCode as CollectiveTitle) : COMMENDATION_FORMS[commendationForm as CommendationForm].label;
    return {
      data: { id: item.id },
      message: `Đã thêm đề nghị ${what} cho ${subjectName}.`,
      audit: { entityType: "DossierItem", entityId: item.id, after: { dossierId: dossier.id, kind: input.kind, unitId: unit.id, officerId: subject?.id ?? null, titleCode, commendationForm } },
    };
  },
});
