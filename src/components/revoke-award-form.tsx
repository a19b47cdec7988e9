"use client";
// The Ministry office's revocation of an awarded title or a commendation (command award.revoke): a
// reason and the revoking decision's number are required, and the browser asks for confirmation first.
// The form stays mounted after it succeeds, so that its answer (which names the later results that
// relied on the award) is still on screen when the row, re-rendered, shows the award as revoked.
import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/server/commands/command";
import { ActionForm, SubmitButton, TextAreaField, TextField } from "./form";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export function RevokeAwardForm({
  action,
  kind,
  id,
  revoked,
  what,
  confirm,
  button,
  children,
}: {
  action: Action;
  kind: "UNIT_TITLE" | "OFFICER_TITLE" | "COMMENDATION";
  id: string;
  /** Already revoked when the page was rendered. */
  revoked: boolean;
  /** What is revoked, for the form's accessible name ("Bằng khen của Nguyễn Văn A"). */
  what: string;
  confirm: string;
  button: string;
  /** Hidden fields the page's action reads (which page to refresh). */
  children?: ReactNode;
}) {
  // Set when the form is sent: the answer and the re-rendered row (revoked) arrive together, so the
  // form must already know to stay for its message.
  const [sent, setSent] = useState(false);
  if (revoked && !sent) return null;
  const done = revoked && sent;
  return (
    <details open={done || undefined} onSubmit={() => setSent(true)}>
      <summary className="min-h-11 cursor-pointer content-center text-sm text-red-700 underline">{done ? "Kết quả thu hồi" : "Thu hồi…"}</summary>
      <ActionForm action={action} aria-label={`Thu hồi ${what}`} className="mt-2 flex w-72 flex-col gap-2">
        {!done && (
          <>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="id" value={id} />
            {children}
            <TextAreaField name="reason" label="Lý do thu hồi" required rows={2} />
            <TextField name="decisionNo" label="Số quyết định thu hồi" required maxLength={60} />
            <SubmitButton variant="danger" className="min-h-11" confirm={confirm}>
              {button}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
