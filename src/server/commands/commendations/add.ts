import { z } from "zod";
import { COMMENDATION_FORM_CODES, COMMENDATION_FORMS, DECISION_LEVELS, type CommendationForm } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { idField, requiredDate, requiredText } from "@/domain/validation";
import { appNow } from "@/server/clock";
import { memberUnitScope } from "@/server/store/unit-scopes";
import { defineCommand, UserError } from "../command";
import { assertCalendarYearsOpen, checkDecisionDate, officerScope } from "../results/shared";

/** What an entry of the register holds, from a form or a row of the Excel import. */
export const commendationFields = {
  year: z.coerce.number({ error: "Năm không hợp lệ." }).int("Năm không hợp lệ.").min(2000, "Năm không hợp lệ.").max(2100, "Năm không hợp lệ."),
  formCode: z.enum(COMMENDATION_FORM_CODES, { error: "Vui lòng chọn hình thức khen thưởng." }),
  decisionNo: requiredText("Số quyết định", 60),
  decisionDate: requiredDate("Ngày quyết định"),
  decisionSigner: requiredText("Người ký", 120),
};

/** The level shown in the register: who decides the form (Giấy khen: the unit's head). */
export const commendationLevel = (form: CommendationForm) => {
  const level = COMMENDATION_FORMS[form].level;
  return level ? DECISION_LEVELS[level] : "Thủ trưởng đơn vị";
};

export const addCommendationInput = z.object({
  subjectKind: z.enum(["UNIT", "OFFICER"], { error: "Vui lòng chọn tập thể hoặc cá nhân." }),
  subjectId: idField("Đơn vị hoặc cán bộ"),
  ...commendationFields,
});

/**
 * The secretariat enters one commendation decided outside the dossier flow (a decision made before
 * the app, a Giấy khen of a unit's head). Refused in a closed year like every result.
 */
export const addCommendation = defineCommand({
  name: "commendation.add",
  label: "Ghi khen thưởng vào sổ",
  phases: "records",
  permission: "commendation.enter",
  input: addCommendationInput,
  target: (tx, input): Promise<Target> => (input.subjectKind === "OFFICER" ? officerScope(tx, input.subjectId) : memberUnitScope(tx, input.subjectId)),
  async run(tx, input, actor, target) {
    await assertCalendarYearsOpen(tx, target.clusterId!, [input.year]);
    checkDecisionDate(input.decisionDate, input.year, appNow());
    const subject = input.subjectKind === "OFFICER" ? { officerId: input.subjectId, unitId: null } : { officerId: null, unitId: input.subjectId };
    const duplicate = await tx.commendation.findFirst({ where: { ...subject, formCode: input.formCode, decisionNo: input.decisionNo }, select: { id: true } });
    if (duplicate) throw new UserError("Khen thưởng này (cùng hình thức, cùng số quyết định) đã có trong sổ.", { decisionNo: ["Đã có trong sổ."] });
    const row = await tx.commendation.create({
      data: {
        ...subject,
        year: input.year,
        form: COMMENDATION_FORMS[input.formCode].label,
        formCode: input.formCode,
        level: commendationLevel(input.formCode),
        decisionNo: input.decisionNo,
        decisionDate: new Date(`${input.decisionDate}T00:00:00Z`),
        decisionSigner: input.decisionSigner,
        source: "MANUAL",
        recordedByName: actor.displayName,
      },
      select: { id: true },
    });
    return {
      data: { id: row.id },
      message: `Đã ghi ${COMMENDATION_FORMS[input.formCode].label} (Quyết định số ${input.decisionNo}) vào sổ khen thưởng.`,
      audit: { entityType: "Commendation", entityId: row.id, after: { ...subject, year: input.year, formCode: input.formCode, decisionNo: input.decisionNo, decisionDate: input.decisionDate, decisionSigner: input.decisionSigner } },
    };
  },
});
