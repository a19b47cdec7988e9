"use client";
// The agreement form of a unit's registration page. It posts to the route handler /registration/agreement
// (which counts the upload's bytes as they arrive: 413 past 5 MB, in Vietnamese, nothing saved) and
// checks the file's size here first, so a file over the limit is never sent.
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { postForm } from "@/components/post-form";
import type { ActionResult } from "@/server/commands/command";

async function postAgreement(formData: FormData, maxBytes: number, tooLarge: string): Promise<ActionResult> {
  const file = formData.get("file");
  if (file instanceof File && file.size > maxBytes) return { ok: false, message: tooLarge, fieldErrors: { file: [tooLarge] } };
  return postForm("/registration/agreement", formData);
}

export function AgreementForm({
  yearId,
  unitId,
  signedOn,
  signer,
  maxBytes,
  tooLarge,
}: {
  yearId: string;
  /** The unit, when the secretariat records it (a unit officer's is always their own). */
  unitId?: string;
  signedOn: string;
  signer: string;
  maxBytes: number;
  /** What the route answers past the limit, said here before sending (the domain module stays out of the browser's bundle). */
  tooLarge: string;
}) {
  const router = useRouter();
  return (
    <ActionForm
      action={(_prev, formData) => postAgreement(formData, maxBytes, tooLarge)}
      onSuccess={() => router.refresh()}
      aria-label="Ghi nhận giao ước thi đua"
      className="no-print mt-4 space-y-3 border-t border-slate-200 pt-4"
    >
      <input type="hidden" name="emulationYearId" value={yearId} />
      {unitId && <input type="hidden" name="unitId" value={unitId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="signedOn" label="Ngày ký" required placeholder="dd/mm/yyyy" maxLength={10} defaultValue={signedOn} />
        <TextField name="signer" label="Người ký" required maxLength={120} defaultValue={signer} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="agreement-file" className="text-sm font-medium text-slate-700">
          Bản chụp giao ước (không bắt buộc)
        </label>
        <input
          id="agreement-file"
          type="file"
          name="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          aria-describedby="agreement-file-hint"
          className="text-sm"
        />
        <p id="agreement-file-hint" className="text-xs text-slate-500">
          PDF, JPEG hoặc PNG, tối đa {maxBytes / 1024 / 1024} MB. Để trống nếu giữ tệp đã có.
        </p>
      </div>
      <SubmitButton variant="secondary">Lưu giao ước</SubmitButton>
    </ActionForm>
  );
}
