// The cluster's joint emulation agreement (giao ước thi đua, docs/domain.md §10): one document per year
// with the commitments, the date and place of signing and each member unit's signatory. The
// secretariat drafts it and records it as signed during the year's conference (phase action
// "jointAgreement", src/domain/year-phase-rules.ts); a closed year's agreement changes only through
// the audited amendment (agreement.amend), like every closed-year record (docs/domain.md §4 step 8).
import { z } from "zod";
import { AGREEMENT_AMEND_ONLY_CLOSED, agreementErrors, type AgreementDraft } from "@/domain/joint-agreement";
import type { Actor, Target } from "@/domain/permissions";
import { vietnamToday } from "@/domain/registration-window";
import { checkbox, cleanText, idField, isUuid, optionalDate, optionalText, reasonText, requiredText } from "@/domain/validation";
import { appNow } from "@/server/clock";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import { lockCluster } from "@/server/store/locks";
import { yearScope } from "@/server/store/years";
import { amendingDocumentAudit, amendingDocumentFields } from "./amendments";
import { defineCommand, INVALID_INPUT, NotFoundError, UserError } from "./command";
import { toDate } from "./results/shared";

const MAX_COMMITMENTS = 20_000;
const SIGNER = /^signer_(name|position)_(.+)$/;

const commitmentsField = z
  .string({ error: "Nội dung giao ước là bắt buộc." })
  .transform((s) => cleanText(s).replace(/\r\n?/g, "\n"))
  .pipe(
    z
      .string()
      .min(1, "Nội dung giao ước là bắt buộc.")
      .max(MAX_COMMITMENTS, `Nội dung giao ước tối đa ${MAX_COMMITMENTS} ký tự.`)
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s) && s.isWellFormed(), "Nội dung giao ước chứa ký tự không hợp lệ."),
  );

const nameField = requiredText("Họ tên người ký", 120);
const positionField = requiredText("Chức vụ người ký", 200);

const agreementFields = {
  yearId: idField("Năm thi đua"),
  title: requiredText("Tiêu đề", 300),
  commitments: commitmentsField,
  place: optionalText("Địa điểm ký", 200),
  signedOn: optionalDate("Ngày ký"),
  signed: checkbox,
};

/** The signatory pairs of the form (`signer_name_<unitId>`, `signer_position_<unitId>`); a unit with both blank is left out. */
function signatoriesOf(raw: Record<string, unknown>, ctx: z.RefinementCtx): AgreementDraft["signatories"] {
  const byUnit = new Map<string, { name: string; position: string }>();
  for (const [key, value] of Object.entries(raw)) {
    const m = SIGNER.exec(key);
    if (!m) continue;
    const unitId = m[2]!.toLowerCase();
    if (!isUuid(unitId) || typeof value !== "string") {
      ctx.addIssue({ code: "custom", path: ["signatories"], message: "Danh sách người ký không hợp lệ." });
      continue;
    }
    const text = cleanText(value);
    if (text) {
      const parsed = (m[1] === "name" ? nameField : positionField).safeParse(text);
      if (!parsed.success) ctx.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0]!.message });
    }
    const entry = byUnit.get(unitId) ?? { name: "", position: "" };
    entry[m[1] as "name" | "position"] = text;
    byUnit.set(unitId, entry);
  }
  return [...byUnit].filter(([, s]) => s.name || s.position).map(([unitId, s]) => ({ unitId, ...s }));
}

const withSignatories = <T extends Record<string, unknown>>(o: T, ctx: z.RefinementCtx) => {
  const signatories = signatoriesOf(o, ctx);
  const clean = Object.fromEntries(Object.entries(o).filter(([k]) => !SIGNER.test(k))) as T;
  return { ...clean, signatories };
};

export const saveJointAgreementInput = z.looseObject(agreementFields).transform(withSignatories);

export const amendJointAgreementInput = z
  .looseObject({
    ...agreementFields,
    ...amendingDocumentFields,
    reason: reasonText("Lý do sửa đổi", "Vui lòng nêu lý do sửa đổi."),
  })
  .transform(withSignatories);

type AgreementInput = z.infer<typeof saveJointAgreementInput>;

const AUDIT_SELECT = {
  id: true,
  emulationYearId: true,
  title: true,
  commitments: true,
  place: true,
  signedOn: true,
  status: true,
  signatories: { select: { unitId: true, name: true, position: true }, orderBy: { unitId: "asc" } },
} as const;

/** Writes the agreement of the (locked) year as the input says, after the rule's checks; returns before/after. */
async function writeAgreement(tx: Tx, year: { id: string; year: number; clusterId: string }, input: AgreementInput, actor: Actor) {
  const memberUnits = await tx.unit.findMany({ where: { clusterId: year.clusterId, parentId: null, active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const errors = agreementErrors(input, { year: year.year, todayIso: vietnamToday(appNow()), memberUnits, signed: input.signed });
  // Each reason goes next to its field, and the form's message says only that fields need attention;
  // a signatory of no member unit (only a tampered form names one) has no field: its reason is the message.
  if (errors.signatories) throw new UserError(errors.signatories[0]!);
  if (Object.keys(errors).length > 0) throw new UserError(INVALID_INPUT, errors);
  const before = await tx.jointAgreement.findUnique({ where: { emulationYearId: year.id }, select: AUDIT_SELECT });
  const data = {
    title: input.title,
    commitments: input.commitments,
    place: input.place,
    signedOn: toDate(input.signedOn),
    status: input.signed ? ("SIGNED" as const) : ("DRAFT" as const),
    updatedByName: actor.displayName,
  };
  const agreement = await tx.jointAgreement.upsert({ where: { emulationYearId: year.id }, create: { emulationYearId: year.id, ...data }, update: data, select: { id: true } });
  await tx.jointAgreementSignatory.deleteMany({ where: { agreementId: agreement.id } });
  await tx.jointAgreementSignatory.createMany({ data: input.signatories.map((s) => ({ agreementId: agreement.id, ...s })) });
  const after = await tx.jointAgreement.findUniqueOrThrow({ where: { id: agreement.id }, select: AUDIT_SELECT });
  return { before, after };
}

/** The year the form names, in the target's cluster, with the cluster locked (closing waits for it). */
async function lockedYear(tx: Tx, yearId: string, target: Target) {
  await lockCluster(tx, target.clusterId!, "exclusive");
  const year = await tx.emulationYear.findUnique({ where: { id: yearId }, select: { id: true, year: true, phase: true, clusterId: true } });
  if (!year || year.clusterId !== target.clusterId) throw new NotFoundError();
  return year;
}

export const saveJointAgreement = defineCommand({
  name: "agreement.save",
  label: "Soạn thảo, ghi nhận giao ước thi đua của cụm",
  permission: "agreement.manage",
  phases: "jointAgreement",
  input: saveJointAgreementInput,
  target: (tx, input) => yearScope(tx, input.yearId),
  async run(tx, input, actor, target) {
    const year = await lockedYear(tx, input.yearId, target);
    const { before, after } = await writeAgreement(tx, year, input, actor);
    return {
      data: { id: after.id },
      message: input.signed ? `Đã ghi nhận giao ước thi đua năm ${year.year} đã ký kết.` : `Đã lưu dự thảo giao ước thi đua năm ${year.year}.`,
      audit: { entityType: "JointAgreement", entityId: after.id, before, after },
    };
  },
});

export const amendJointAgreement = defineCommand({
  name: "agreement.amend",
  label: "Sửa đổi giao ước thi đua của năm đã khóa sổ",
  permission: "year.amend",
  input: amendJointAgreementInput,
  target: (tx, input) => yearScope(tx, input.yearId),
  async run(tx, input, actor, target) {
    const year = await lockedYear(tx, input.yearId, target);
    if (year.phase !== "CLOSED") throw new UserError(AGREEMENT_AMEND_ONLY_CLOSED);
    // This transaction only (is_local): the database's closed-year guard lets these writes through.
    await allowClosedYearWrites(tx);
    const { before, after } = await writeAgreement(tx, year, input, actor);
    const amendment = amendingDocumentAudit(input, actor);
    return {
      data: { id: after.id },
      message: `Đã sửa đổi giao ước thi đua năm ${year.year} (đã khóa sổ) theo văn bản ${input.amendNo}.`,
      audit: { entityType: "JointAgreement", entityId: after.id, before, after: { ...after, amendment } },
    };
  },
});
