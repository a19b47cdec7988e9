import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEvidenceFile } from "@/domain/scoring/evidence";
import { attachmentDisposition } from "@/lib/download";
import { checkAgreementFile } from "@/domain/registration-window";
import { FILE_CSP, isFileRoute, isPublicPath, newNonce, pageCsp, secureCookiesSetting, servedOverHttps } from "@/lib/security-headers";

const appDir = path.resolve(import.meta.dirname, "../../src/app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

/** "src/app/(app)/reports/[id]/docx/route.ts" → "/reports/x/docx". */
function samplePath(file: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep);
  return "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "x" : s)).join("/");
}

describe("page CSP", () => {
  it("allows scripts only by this response's nonce, with no eval in production", () => {
    const csp = pageCsp("abc123==");
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageCsp("n", true)).toContain("'unsafe-eval'");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'", "img-src 'self' data: blob:", "font-src 'self'"]) {
      expect(csp).toContain(directive);
    }
    // A nonce in style-src would switch 'unsafe-inline' off and block the style attributes React renders.
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/);
  });

  it("uses a fresh nonce of 16 random bytes each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("file routes", () => {
  it("covers every route handler of the app except Auth.js's own", () => {
    const files = routeFiles(appDir).filter((f) => !f.includes(`${path.sep}api${path.sep}auth${path.sep}`));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) expect(isFileRoute(samplePath(file)), samplePath(file)).toBe(true);
  });

  it("leaves pages to the page policy", () => {
    for (const page of ["/", "/login", "/reports", "/reports/abc", "/registration", "/overview", "/conference", "/officers/abc"]) {
      expect(isFileRoute(page), page).toBe(false);
    }
    expect(FILE_CSP).toBe("sandbox; default-src 'none'");
  });

  it("redirects only protected paths", () => {
    expect(isPublicPath("/login")).toBe(true);
    expect(isPublicPath("/api/auth/csrf")).toBe(true);
    expect(isPublicPath("/_next/data/x.json")).toBe(true);
    expect(isPublicPath("/api/health")).toBe(true);
    expect(isPublicPath("/api/ready")).toBe(true);
    expect(isPublicPath("/metrics")).toBe(true);
    expect(isPublicPath("/api/readyz")).toBe(false);
    expect(isPublicPath("/")).toBe(false);
    expect(isPublicPath("/reports/evidence/abc")).toBe(false);
  });
});

describe("HTTPS detection", () => {
  it("follows TLS, the reverse proxy's x-forwarded-proto or an https AUTH_URL", () => {
    expect(servedOverHttps("http:", null, undefined)).toBe(false);
    expect(servedOverHttps("http:", "http", "http://localhost:3000")).toBe(false);
    expect(servedOverHttps("https:", null, undefined)).toBe(true);
    expect(servedOverHttps("http:", "https", undefined)).toBe(true);
    expect(servedOverHttps("http:", "https, http", undefined)).toBe(true);
    expect(servedOverHttps("http:", null, "https://thidua.example.vn")).toBe(true);
  });

  it("fixes secure cookies by AUTH_URL's scheme, else leaves it to each request", () => {
    expect(secureCookiesSetting("https://thidua.example.vn")).toBe(true);
    expect(secureCookiesSetting("http://localhost:3000")).toBe(false);
    expect(secureCookiesSetting(undefined)).toBeUndefined();
    expect(secureCookiesSetting("")).toBeUndefined();
  });
});

describe("uploads are checked by their bytes, not their name", () => {
  const html = new TextEncoder().encode("<!doctype html><script>alert(1)</script>");
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

  it("refuses HTML or SVG named as a PDF or an image (evidence)", () => {
    for (const [name, head, type] of [["minh-chung.pdf", html, "application/pdf"], ["anh.png", svg, "image/png"], ["anh.jpg", svg, "image/jpeg"]] as const) {
      expect(checkEvidenceFile({ name, size: head.length, declaredType: type, head }).ok, name).toBe(false);
    }
  });

  it("refuses HTML or SVG as the scanned agreement", () => {
    expect(checkAgreementFile({ size: html.length, head: html }).ok).toBe(false);
    expect(checkAgreementFile({ size: svg.length, head: svg }).ok).toBe(false);
  });
});

describe("download names", () => {
  it("are attachments with an ASCII fallback and an RFC 5987 UTF-8 name", () => {
    const header = attachmentDisposition("Giao ước (bản ký) 'Cụm 2' 100%*.pdf");
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(header).toContain('filename="Giao uoc (ban ky) \'Cum 2\' 100_*.pdf"');
    const encoded = header.split("UTF-8''")[1]!;
    expect(decodeURIComponent(encoded)).toBe("Giao ước (bản ký) 'Cụm 2' 100%*.pdf");
    expect(attachmentDisposition('a"b;c\r\nd.pdf')).not.toMatch(/[\r\n]|filename="[^"]*"[^;]/);
  });
});
