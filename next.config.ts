import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // argon2's prebuilt binary and pg stay plain Node modules on the server.
  serverExternalPackages: ["@node-rs/argon2", "pg", "exceljs"],
  // Excel imports and scanned agreements/evidence are up to 5 MB; leave room for the form around them.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
