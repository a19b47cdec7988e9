// The two snags of running the Prisma 6.19 CLI offline, in one place. Imported by prisma.config.ts only,
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
