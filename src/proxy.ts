// Sends visitors without a session cookie to the login page. A convenience only: every page, query and
// command checks the session and the acting user itself. It only looks for the cookie — it neither
// decrypts nor refreshes it, so a request in flight can never re-set a cookie that signing out removed.
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(req: NextRequest) {
  // Large sessions are split into numbered chunks (name.0, name.1…).
  const hasSession = req.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  if (req.nextUrl.pathname !== "/") url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!login|api/auth|_next/|favicon.ico).*)"] };
