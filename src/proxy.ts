// Sends signed-out visitors to the login page. This is a convenience only: every page, query and
// command checks the acting user itself.
import { NextResponse } from "next/server";
import { auth } from "@/auth";

export default auth((req) => {
  if (req.auth) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  if (req.nextUrl.pathname !== "/") url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
});

export const config = { matcher: ["/((?!login|api/auth|_next/|favicon.ico).*)"] };
