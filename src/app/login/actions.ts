"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { waitText } from "@/domain/login-throttle";
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
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("locked:")) {
        return { ok: false, message: `Đăng nhập tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${waitText(Number(code.slice(7)) || 60)}.` };
      }
      return { ok: false, message: "Tên đăng nhập hoặc mật khẩu không đúng." };
    }
    throw error;
  }
}
