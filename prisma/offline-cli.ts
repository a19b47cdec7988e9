// The snags of running the Prisma 6.19 CLI offline on Postgres 18, in one place (CLI process only). Imported by prisma.config.ts only,
// so it runs in the CLI process and never in the app.
import pg from "pg";

// (1) The CLI looks for native engines at start-up and tries to download them unless these variables
// point at existing files. With `engine: "js"` it never loads them, so any file will do.
// scripts/prisma.ts sets them before the CLI starts; this covers a direct `npx prisma` call.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= process.execPath;
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

// (2) @prisma/adapter-pg 6.19 rejects the catalog types `name` (OID 19) and `char` (OID 18), which the
// schema engine's introspection queries return (upstream prisma/orm#27403). Their text form is plain
// text, so report them as `text` (OID 25) before the adapter reads the result's fields.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;
type Field = { dataTypeID: number };
const Result = (pg as unknown as { Result: { prototype: { addFields(fields: Field[]): void } } }).Result;
const addFields = Result.prototype.addFields;
Result.prototype.addFields = function (fields: Field[]) {
  for (const field of fields) if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  return addFields.call(this, fields);
};

// (3) On Postgres 18, NOT NULL constraints are rows of pg_constraint (contype 'n'). The schema engine's
// constraint query lets them through and then panics ("unreachable") on every non-empty database,
// which breaks `migrate dev` (upstream prisma/orm#29635; fix proposed in prisma/prisma-engines#5819).
// Apply the upstream fix to the query text: only check ('c') and exclusion ('x') constraints are read.
// (4) adapter-pg drops `migrate dev`'s shadow database while its own pool is still connected to it;
// WITH (FORCE) (Postgres 13+) closes those connections first, and the pools below ignore that one
// expected error ("terminating connection due to administrator command") instead of crashing.
const REWRITES: [RegExp, string][] = [
  [/AND contype NOT IN \('p', 'u', 'f'\)/, "AND contype IN ('c', 'x')"],
  [/^(DROP DATABASE "prisma_migrate_shadow_db_[0-9a-f-]+")\s*;?\s*$/, "$1 WITH (FORCE)"],
];
const rewrite = (text: string) => REWRITES.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
const Client = (pg as unknown as { Client: { prototype: { query: (...args: unknown[]) => unknown } } }).Client;
const query = Client.prototype.query;
Client.prototype.query = function (config: unknown, ...rest: unknown[]) {
  if (typeof config === "string") config = rewrite(config);
  else if (config && typeof (config as { text?: unknown }).text === "string") {
    config = { ...(config as object), text: rewrite((config as { text: string }).text) };
  }
  return query.call(this, config, ...rest);
};

const PgModule = pg as unknown as { Pool: new (...args: unknown[]) => { on(event: string, fn: (e: { code?: string }) => void): void } };
const BasePool = PgModule.Pool;
PgModule.Pool = class extends BasePool {
  constructor(...args: unknown[]) {
    super(...args);
    this.on("error", (error) => {
      if (error.code !== "57P01") throw error;
    });
  }
} as typeof BasePool;

// (5) adapter-pg runs a migration script by splitting it on ";", which cuts PL/pgSQL function bodies
// ($$ … $$) apart. Postgres takes a whole script in one simple-protocol query, so send it as it is.
type ScriptAdapter = { executeScript(script: string): Promise<void> };
type AdapterFactory<A> = { connect(): Promise<A>; connectToShadowDb(): Promise<A> };
export function wholeScripts<A extends ScriptAdapter, F extends AdapterFactory<A>>(factory: F): F {
  const patch = (adapter: A) => {
    const inner = adapter as unknown as { client: { query(text: string): Promise<unknown> }; onError(error: unknown): never };
    adapter.executeScript = async (script: string) => {
      try {
        await inner.client.query(script);
      } catch (error) {
        inner.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}
