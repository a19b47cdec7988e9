// What every form that sets a password shares (the admin's create and reset, the user's own change):
// the fields, and the policy check (src/domain/password-policy.ts) with the account's username.
import { z } from "zod";
import { PASSWORD_INVALID_CHARACTERS, PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG, passwordProblems } from "@/domain/password-policy";
import { isStorableText } from "@/domain/validation";
import { UserError } from "../command";

/** A new password as typed: required and bounded here (before anything hashes it), the policy in checkNewPassword. */
export const newPasswordField = z
  .string({ error: "Mật khẩu là bắt buộc." })
  .min(1, "Mật khẩu là bắt buộc.")
  .max(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG)
  // A lone surrogate would reach the hash as U+FFFD, so two different passwords would match; NUL is
  // refused as every form field refuses it.
  .refine(isStorableText, PASSWORD_INVALID_CHARACTERS);
export const confirmPasswordField = z.string({ error: "Vui lòng nhập lại mật khẩu." });

/** A form's password and confirmPassword agree: `.refine(passwordsMatch, PASSWORD_MISMATCH)`. */
export const passwordsMatch = (d: { password: string; confirmPassword: string }) => d.password === d.confirmPassword;
export const PASSWORD_MISMATCH = { path: ["confirmPassword"], message: "Mật khẩu nhập lại không khớp." };

/** Refuses a password the policy does not allow for this account, every broken rule on the field. */
export function checkNewPassword(password: string, username: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new UserError(problems[0]!, { password: problems });
}
