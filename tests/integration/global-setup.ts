// Starts a throwaway Postgres (same engine as the app), applies the migrations, and hands its URL
// to the test files through DATABASE_URL.
import path from "node:path";
import { openThrowawayDatabase, type Database } from "../../scripts/lib/database";
import { migrateDeploy } from "../../scripts/lib/migrate";

let db: Database | undefined;

export async function setup() {
  db = await openThrowawayDatabase("it");
  migrateDeploy(path.resolve(import.meta.dirname, "../.."), db.url);
  process.env.DATABASE_URL = db.url;
  process.env.DATABASE_POOL_SIZE = "4";
}

export async function teardown() {
  await db?.stop();
}
