import { z } from "zod";
import { COMMENDATION_FORM_CODES, COMMENDATION_FORMS, DECISION_LEVELS, type CommendationForm } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { optionalIdField, requiredDate, requiredText } from "@/domain/validation";
import type { Tx } from "@/server/db";
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

/** A register row (a commendation entered by hand or imported): the form's label and level from the catalogue. */
export function registerEntry(
  subject: { officerId: string | null; unitId: string | null },
  e: { year: number; formCode: CommendationForm; decisionNo: string; decisionDate: string; decisionSigner: string },
  source: "MANUAL" | "IMPORT",
  recordedByName: string,
) {
  return {
    ...subject,
    year: e.year,
    form: COMMENDATION_FORMS[e.formCode].label,
    formCode: e.formCode,
    level: commendationLevel(e.formCode),
    decisionNo: e.decisionNo,
    decisionDate: new Date(`${e.decisionDate}T00:00:00Z`),
    decisionSigner: e.decisionSigner,
    source,
    recordedByName,
  };
}

export const addCommendationInput = z
  .object({
    subjectKind: z.enum(["UNIT", "OFFICER"], { error: "Vui lòng chọn tập thể hoặc cá nhân." }),
    /** The unit (collective) or the officer (individual); the register's form names an officer by code instead. */
    subjectId: optionalIdField("Đơn vị hoặc cán bộ"),
    officerCode: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim().toUpperCase())
      .pipe(z.string().max(32, "Mã cán bộ tối đa 32 ký tự.").regex(/^[A-Z0-9._-]*$/, "Mã cán bộ chỉ gồm chữ không dấu, số và . _ -")),
    ...commendationFields,
  })
  .superRefine((v, ctx) => {
    if (v.subjectKind === "UNIT" && !v.subjectId) ctx.addIssue({ code: "custom", path: ["subjectId"], message: "Vui lòng chọn đơn vị." });
    if (v.subjectKind === "OFFICER" && !v.subjectId && !v.officerCode) ctx.addIssue({ code: "custom", path: ["officerCode"], message: "Vui lòng nhập mã cán bộ." });
  });

type AddInput = z.infer<typeof addCommendationInput>;

/** The officer the input names: by id, or by code (the register's form). */
async function officerIdOf(tx: Tx, input: AddInput): Promise<string | null> {
  if (input.subjectId) return input.subjectId;
  const officer = await tx.officer.findUnique({ where: { code: input.officerCode }, select: { id: true } });
  return officer?.id ?? null;
}

async function subjectScope(tx: Tx, input: AddInput): Promise<Target> {
  if (input.subjectKind === "UNIT") return memberUnitScope(tx, input.subjectId!);
  const officerId = await officerIdOf(tx, input);
  return officerId ? officerScope(tx, officerId) : {};
}

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
  target: (tx, input) => subjectScope(tx, input),
  async run(tx, input, actor, target) {
    await assertCalendarYearsOpen(tx, target.clusterId!, [input.year]);
    checkDecisionDate(input.decisionDate, input.year, appNow());
    const subject = input.subjectKind === "OFFICER" ? { officerId: (await officerIdOf(tx, input))!, unitId: null } : { officerId: null, unitId: input.subjectId! };
    const duplicate = await tx.commendation.findFirst({ where: { ...subject, formCode: input.formCode, decisionNo: input.decisionNo }, select: { id: true } });
    if (duplicate) throw new UserError("Khen thưởng này (cùng hình thức, cùng số quyết định) đã có trong sổ.", { decisionNo: ["Đã có trong sổ."] });
    const row = await tx.commendation.create({ data: registerEntry(subject, input, "MANUAL", actor.displayName), select: { id: true } });
    return {
      data: { id: row.id },
      message: `Đã ghi ${COMMENDATION_FORMS[input.formCode].label} (Quyết định số ${input.decisionNo}) vào sổ khen thưởng.`,
      audit: { entityType: "Commendation", entityId: row.id, after: { ...subject, year: input.year, formCode: input.formCode, decisionNo: input.decisionNo, decisionDate: input.decisionDate, decisionSigner: input.decisionSigner } },
    };
  },
});
