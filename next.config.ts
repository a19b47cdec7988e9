import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // argon2's prebuilt binary and pg stay plain Node modules on the server.
  serverExternalPackages: ["@node-rs/argon2", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
