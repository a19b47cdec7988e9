"use server";
import { signIn } from "@/auth";
import { signinFailureMessage } from "@/server/auth/signin-errors";
import type { ActionResult } from "@/server/commands/command";

export async function loginAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const username = String(formData.get("username") ?? "").trim();
  const password = String(formData.get("password") ?? "");
  const fieldErrors: Record<string, string[]> = {};
  if (!username) fieldErrors.username = ["Vui lòng nhập tên đăng nhập."];
  if (!password) fieldErrors.password = ["Vui lòng nhập mật khẩu."];
  if (Object.keys(fieldErrors).length) return { ok: false, message: "Vui lòng nhập đủ thông tin đăng nhập.", fieldErrors };
  const next = String(formData.get("next") ?? "/");
  try {
    // On success signIn redirects (throws NEXT_REDIRECT), which must propagate.
    await signIn("credentials", { username, password, redirectTo: next.startsWith("/") && !next.startsWith("//") ? next : "/" });
    return { ok: true };
  } catch (error) {
    const message = signinFailureMessage(error);
    if (message) return { ok: false, message };
    throw error;
  }
}
