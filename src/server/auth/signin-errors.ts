// What a refused sign-in tells the user. Auth.js hands the login action an AuthError for every refusal;
// only its CredentialsSignin without a code of ours means "wrong username or password". A database that
// is down or busy is never read as a credential error (issue 18, fault 4): it says the system is
// unavailable, and the attempt is not counted against the account.
// The same classes next-auth re-exports (its index imports next/server, which plain Node tests cannot load).
import { AuthError, CredentialsSignin } from "@auth/core/errors";
import { waitText } from "@/domain/login-throttle";

export const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";
export const SYSTEM_UNAVAILABLE = "Hệ thống đang bận hoặc không sẵn sàng nên chưa đăng nhập được. Vui lòng thử lại sau ít phút.";

export class LockedSignin extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `locked:${seconds}`;
  }
}

/** The check itself failed (the database is down, busy or timed out): not the user's credentials. */
export class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
}

/** The message for a sign-in error, or null when it is not Auth.js's (a redirect, to be rethrown). */
export function signinFailureMessage(error: unknown): string | null {
  if (!(error instanceof AuthError)) return null;
  const code = (error as AuthError & { code?: string }).code ?? "";
  if (error.type === "CredentialsSignin" && code.startsWith("locked:")) {
    return `Đăng nhập tạm khóa do nhập sai nhiều lần. Vui lòng thử lại sau ${waitText(Number(code.slice(7)) || 60)}.`;
  }
  if (error.type === "CredentialsSignin" && code !== "unavailable") return WRONG_CREDENTIALS;
  return SYSTEM_UNAVAILABLE;
}
