import type { NextConfig } from "next";

// Origins other than the app's own host allowed to post server actions, for a deployment whose reverse
// proxy rewrites the Host header (e.g. "thidua.bocongan.gov.vn"); comma-separated, empty by default.
// Next compares a server action's Origin with its Host and refuses a mismatch.
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

// Headers that never vary, on every response including static files. The CSP (per-request nonce) and
// HSTS (only over HTTPS) are set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // argon2's prebuilt binary and pg stay plain Node modules on the server.
  serverExternalPackages: ["@node-rs/argon2", "pg", "exceljs", "pg-boss", "nodemailer", "pino", "prom-client"],
  // Excel imports and scanned agreements/evidence are up to 5 MB; leave room for the form around them.
  experimental: { serverActions: { bodySizeLimit: "6mb", ...(allowedOrigins.length ? { allowedOrigins } : {}) } },
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
