// The security headers decided per request (src/proxy.ts): the page CSP with its nonce, the sandboxing
// CSP of file downloads, and HSTS when the app is served over HTTPS. The headers that never vary are
// set for every path, static files included, in next.config.ts.

/** A fresh, unguessable nonce for one response (16 random bytes, base64). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The page policy. Next.js reads the nonce from the request's CSP header and puts it on its own scripts;
 * 'strict-dynamic' lets those scripts load the page's chunks. Styles need 'unsafe-inline' (and so carry
 * no nonce, which would disable it): React renders `style` attributes into the server HTML (progress
 * bars, chart frames) and recharts writes inline styles on its SVG — both markup, not script. React
 * needs 'unsafe-eval' in development only (it rebuilds server error stacks with eval).
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Stored files and generated documents: never rendered as a page of this origin, even if opened inline. */
export const FILE_CSP = "sandbox; default-src 'none'";

// The route handlers that answer a file (or JSON), not a page. Next keeps the first Content-Security-Policy
// set on a response, so the proxy must give these the file policy itself. tests/unit/web-security.test.ts
// checks that every route.ts under src/app is listed here.
const FILE_ROUTES = [
  /^\/reports\/evidence\/[^/]+$/, // evidence file
  /^\/reports\/[^/]+\/evidence$/, // evidence upload (JSON answer)
  /^\/reports\/[^/]+\/docx$/,
  /^\/reports\/scoring\/[^/]+\/export$/,
  /^\/registration\/agreement$/, // agreement upload (JSON answer)
  /^\/registration\/agreement\/[^/]+$/,
  /^\/registration\/export$/,
  /^\/registration\/template$/,
  /^\/registration\/import\/upload$/, // Excel import upload (JSON answer)
  /^\/overview\/export$/,
  /^\/conference\/minutes$/,
  /^\/agreement\/[^/]+\/docx$/, // the joint agreement's Word document
  /^\/commendations\/template$/,
  /^\/commendations\/import\/upload$/, // the register's Excel import upload (JSON answer)
  /^\/dossiers\/decisions\/[^/]+$/, // a recorded decision's PDF
  /^\/dossiers\/[^/]+\/documents\/[^/]+$/, // a dossier's Word documents
  /^\/dossiers\/(register|statistics)$/, // the year's decision register and statistics workbooks
  /^\/movements\/[^/]+\/(xlsx|docx)$/, // a movement's summary (workbook, Word document)
  /^\/movements\/[^/]+\/evidence$/, // a unit's evidence upload for a movement (JSON answer)
  /^\/movements\/evidence\/[^/]+$/, // a unit's evidence file for a movement
  /^\/api\/notifications\/count$/, // the bell's unread count (JSON)
  /^\/api\/(health|ready)$/, // health and readiness (JSON; docs/operations.md)
  /^\/metrics$/, // Prometheus metrics (text)
];

export function isFileRoute(pathname: string): boolean {
  return FILE_ROUTES.some((re) => re.test(pathname));
}

/** Polled by load balancers and Prometheus (docs/operations.md); /metrics checks its own bearer token. */
const OPERATIONS_PATHS = new Set(["/api/health", "/api/ready", "/metrics"]);

/** Paths the session redirect leaves alone: the above, the login page, Auth.js's own endpoints, Next's internals. */
export function isPublicPath(pathname: string): boolean {
  return OPERATIONS_PATHS.has(pathname) || pathname.startsWith("/login") || pathname.startsWith("/api/auth") || pathname.startsWith("/_next/");
}

/**
 * Served over HTTPS: TLS straight to Next, a reverse proxy saying so (x-forwarded-proto, which Auth.js
 * also trusts with AUTH_TRUST_HOST), or a configured https AUTH_URL / NEXTAUTH_URL.
 */
export function servedOverHttps(protocol: string, forwardedProto: string | null, authUrl: string | undefined): boolean {
  if (protocol === "https:") return true;
  if (forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https") return true;
  return /^https:\/\//i.test(authUrl ?? "");
}

/** Two years, the usual preload-list figure; no includeSubDomains (other ministry sites share the domain). */
export const HSTS = "max-age=63072000";

/**
 * Auth.js `useSecureCookies`: Secure cookies with the __Secure- (session) and __Host- (CSRF) prefixes.
 * An AUTH_URL (or NEXTAUTH_URL) fixes it by its scheme; without one (undefined) Auth.js decides per
 * request from x-forwarded-proto, which it trusts because the app sets trustHost (a reverse proxy must
 * set that header and strip any the client sent).
 */
export function secureCookiesSetting(authUrl: string | undefined): boolean | undefined {
  if (!authUrl) return undefined;
  return /^https:\/\//i.test(authUrl);
}
