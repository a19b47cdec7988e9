// Runs before every request except Next's static files: sets the security headers that vary per
// request (the page CSP with a fresh nonce, the file CSP of downloads, HSTS over HTTPS) and sends visitors
// without a session cookie to the login page. The redirect is a convenience only: every page, query and
// command checks the session and the acting user itself. It only looks for the cookie — it neither
// decrypts nor refreshes it, so a request in flight can never re-set a cookie that signing out removed.
import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/session-cookies";
import { FILE_CSP, HSTS, isFileRoute, isPublicPath, newNonce, pageCsp, servedOverHttps } from "@/lib/security-headers";


function hasSessionCookie(req: NextRequest): boolean {
  // Large sessions are split into numbered chunks (name.0, name.1…).
  return req.cookies.getAll().some((c) => SESSION_COOKIES.some((name) => c.name === name || c.name.startsWith(`${name}.`)));
}

export default function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const https = servedOverHttps(req.nextUrl.protocol, req.headers.get("x-forwarded-proto"), process.env.AUTH_URL ?? process.env.NEXTAUTH_URL);
  const secure = (response: NextResponse, csp: string) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set("Strict-Transport-Security", HSTS);
    return response;
  };

  if (!isPublicPath(pathname) && !hasSessionCookie(req)) {
    const url = new URL("/login", req.nextUrl.origin);
    if (pathname !== "/") url.searchParams.set("next", pathname + req.nextUrl.search);
    return secure(NextResponse.redirect(url), FILE_CSP);
  }
  if (isFileRoute(pathname)) return secure(NextResponse.next(), FILE_CSP);

  // Next.js takes the nonce from the request's CSP header and puts it on the scripts it renders.
  const csp = pageCsp(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(req.headers);
  headers.set("Content-Security-Policy", csp);
  return secure(NextResponse.next({ request: { headers } }), csp);
}

// Not for uploads (multipart posts: the evidence and import routes, forms with a file) nor server
// actions (Next-Action header): Next copies the body of every request the proxy sees and waits for the
// whole of it before the handler runs, so no limit could stop a large or endless chunked body early.
// Those requests set nothing the proxy adds (they answer JSON or an action's payload, not a page), and
// check the session themselves; the handlers count the bytes (src/server/http/limited-body.ts; server
// actions: Next's bodySizeLimit).
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-action" },
        { type: "header", key: "content-type", value: "multipart/form-data.*" },
      ],
    },
  ],
};
