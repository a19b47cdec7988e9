import { createHash } from "node:crypto";
import { z } from "zod";
import { agreementFileName, checkAgreementDate, checkAgreementFile, AGREEMENT_MAX_BYTES, AGREEMENT_FILE_SIZE_ERROR } from "@/domain/registration-window";
import { idField, requiredText } from "@/domain/validation";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { formatDate } from "@/lib/format";
import { appNow } from "@/server/clock";
import type { Tx } from "@/server/db";
import { UserError } from "../command";
import { yearIdField, vietnameseDate, type UnitYear, unitYearAudit, assertWritable, unitYearCommand } from "./shared";
import { ownUnit, namedUnit } from "@/server/store/unit-scopes";

/** What a multipart form field holding a file looks like (Node's File, or the framework's own). */
type UploadedFile = { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };
const isUploadedFile = (value: unknown): value is UploadedFile =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as UploadedFile).arrayBuffer === "function" &&
  typeof (value as UploadedFile).size === "number" &&
  typeof (value as UploadedFile).name === "string";

/** A File from the form; an empty file input (no name, no bytes) is "no new file". */
const fileField = z
  .unknown()
  .optional()
  .transform((value, ctx): UploadedFile | null => {
    if (value === undefined || value === null || value === "") return null;
    if (!isUploadedFile(value)) {
      ctx.addIssue({ code: "custom", message: "Tệp giao ước không hợp lệ." });
      return z.NEVER;
    }
    if (value.size === 0 && value.name === "") return null;
    if (value.size > AGREEMENT_MAX_BYTES) {
      ctx.addIssue({ code: "custom", message: AGREEMENT_FILE_SIZE_ERROR });
      return z.NEVER;
    }
    return value;
  });

const agreementFields = {
  emulationYearId: yearIdField,
  signedOn: vietnameseDate("Ngày ký giao ước"),
  signer: requiredText("Người ký", 120),
  file: fileField,
};

export const recordAgreementInput = z.object(agreementFields);
export const recordAgreementForUnitInput = z.object({ ...agreementFields, unitId: idField("Đơn vị") });

async function storeAgreement(tx: Tx, unitYear: UnitYear, input: z.infer<typeof recordAgreementInput>) {
  const dateError = checkAgreementDate(input.signedOn, unitYear.year.year, new Date());
  if (dateError) throw new UserError(dateError, { signedOn: [dateError] });
  let file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer>; sha256: string; size: number } | null = null;
  if (input.file) {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const checked = checkAgreementFile({ size: bytes.length, head: bytes.subarray(0, 16) });
    if (!checked.ok) throw new UserError(checked.message, { file: [checked.message] });
    file = {
      name: agreementFileName(input.file.name, checked.kind),
      type: checked.kind.contentType,
      bytes,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    };
  }
  const reg = unitYear.registration;
  const signedOn = new Date(`${input.signedOn}T00:00:00Z`);
  await tx.unitRegistration.update({
    where: { id: reg.id },
    data: {
      agreementSignedOn: signedOn,
      agreementSigner: input.signer,
      ...(file ? { agreementFileName: file.name, agreementFileType: file.type, agreementFile: file.bytes } : {}),
    },
  });
  return {
    message: `Đã lưu giao ước thi đua ký ngày ${formatDate(input.signedOn)}${file ? ` kèm tệp ${file.name}` : ""}.`,
    audit: unitYearAudit(
      unitYear,
      { signedOn: reg.agreementSignedOn?.toISOString().slice(0, 10) ?? null, signer: reg.agreementSigner, fileName: reg.agreementFileName },
      {
        signedOn: input.signedOn,
        signer: input.signer,
        fileName: file?.name ?? reg.agreementFileName,
        ...(file ? { file: { type: file.type, size: file.size, sha256: file.sha256 } } : {}),
      },
    ),
  };
}

/** The unit officer records their unit's agreement, within the registration window. */
export const recordAgreement = unitYearCommand("registration.edit", ownUnit)({
  name: "registration.agreement",
  label: "Ghi nhận giao ước thi đua",
  phases: "registration",
  input: recordAgreementInput,
  async run(tx, input, { unitYear }) {
    assertWritable(unitYear, appNow());
    return storeAgreement(tx, unitYear, input);
  },
});

/** The secretariat records any unit's agreement of its cluster (setting up the year); refused in a closed year. */
export const recordAgreementForUnit = unitYearCommand("year.manage", namedUnit)({
  name: "registration.agreement.secretariat",
  label: "Thư ký ghi nhận giao ước thi đua",
  phases: "yearSetup",
  input: recordAgreementForUnitInput,
  async run(tx, input, { unitYear }) {
    if (unitYear.year.phase === "CLOSED") throw new UserError(YEAR_CLOSED_MESSAGE);
    return storeAgreement(tx, unitYear, input);
  },
});
