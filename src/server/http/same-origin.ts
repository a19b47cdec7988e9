// Upload routes (route handlers, which Next's server-action origin check does not cover) accept posts
// from the app's own pages only: a form on another site must not post files with the user's cookie.

/** Whether the request's Origin, when present, is the host it was sent to. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true; // same-origin fetches from older browsers; cookies are SameSite=Lax anyway
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
