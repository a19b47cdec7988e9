// Prisma CLI configuration: offline, with the WASM schema engine and the pg driver adapter.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { wholeScripts } from "./prisma/offline-cli";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => wholeScripts(new PrismaPg(connectionParts(process.env.DATABASE_URL))),
});

// Discrete parameters rather than a connection string: the adapter opens the shadow database for
// `migrate dev` as { ...config, database }, and a connection string would override that database name.
function connectionParts(url: string | undefined) {
  if (!url) throw new Error("DATABASE_URL is not set: run the CLI through `npm run prisma -- …`.");
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: u.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
}
