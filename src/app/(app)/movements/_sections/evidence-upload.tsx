"use client";
// A unit's evidence for its figures: posts to the route handler /movements/[id]/evidence (which counts
// the upload's bytes as they arrive: 413 past the limit, nothing saved); a file over the limit is
// refused here before it is sent.
import { useRouter } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/form";
import { postForm } from "@/components/post-form";
import type { ActionResult } from "@/server/commands/command";

async function postEvidence(movementId: string, formData: FormData, maxBytes: number, tooLarge: string): Promise<ActionResult> {
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Vui lòng chọn tệp minh chứng.", fieldErrors: { file: ["Vui lòng chọn tệp minh chứng."] } };
  if (file.size > maxBytes) return { ok: false, message: tooLarge, fieldErrors: { file: [tooLarge] } };
  return postForm(`/movements/${movementId}/evidence`, formData);
}

export function EvidenceUpload({ movementId, maxBytes, tooLarge, rule, accept }: { movementId: string; maxBytes: number; tooLarge: string; rule: string; accept: string }) {
  const router = useRouter();
  return (
    <ActionForm
      action={(_prev, formData) => postEvidence(movementId, formData, maxBytes, tooLarge)}
      onSuccess={() => router.refresh()}
      resetOnSuccess
      aria-label="Tải lên minh chứng"
      className="flex flex-wrap items-end gap-3"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="movement-evidence" className="text-sm font-medium text-slate-700">
          Tệp minh chứng (không bắt buộc)
        </label>
        <input id="movement-evidence" type="file" name="file" accept={accept} aria-describedby="movement-evidence-hint" className="min-h-11 text-sm" />
        <p id="movement-evidence-hint" className="text-xs text-slate-500">
          {rule}
        </p>
      </div>
      <SubmitButton variant="secondary" className="min-h-11">
        Tải lên
      </SubmitButton>
    </ActionForm>
  );
}
