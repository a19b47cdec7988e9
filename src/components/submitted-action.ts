"use client";
// useActionState for a save form, with the two things every save needs when its answer is lost (issue
// 18, fault 3; src/domain/submission.ts): the submission key, the same on a retry (so the server writes
// once) and renewed once the server has answered; and a lost answer shown as "may have been saved" in
// the form's own message — the form and what the user typed stay, instead of the error page.
import { useActionState, useRef } from "react";
import { unstable_rethrow } from "next/navigation";
import { newSubmissionKey, OUTCOME_UNKNOWN, SUBMISSION_KEY_FIELD } from "@/domain/submission";
import type { ActionResult } from "@/server/commands/command";

type Action = (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export function useSubmittedAction(action: Action) {
  const submissionKey = useRef<string | null>(null);
  return useActionState(async (prev: ActionResult | null, formData: FormData): Promise<ActionResult> => {
    formData.set(SUBMISSION_KEY_FIELD, (submissionKey.current ??= newSubmissionKey()));
    try {
      const result = await action(prev, formData);
      submissionKey.current = null;
      return result;
    } catch (error) {
      unstable_rethrow(error); // a redirect or "not found" from the action is Next.js's to follow
      return { ok: false, message: OUTCOME_UNKNOWN };
    }
  }, null);
}
