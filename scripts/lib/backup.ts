// Logical backup and restore of the app's database, with the Postgres COPY protocol (pg-copy-streams):
// works the same on the embedded server and on an external one, needs no pg_dump (the embedded
// package ships none), and restores into the schema that `prisma migrate deploy` builds.
//
// File format (gzip): a first line "SOTHIDUA-BACKUP 1", a JSON line with the header (migrations applied,
// tables with columns and row counts), then per table a line `@@TABLE <json name>` followed by the rows
// in COPY text format (one row per line, specials escaped) and a `\.` line.
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import readline from "node:readline";
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const MAGIC = "SOTHIDUA-BACKUP 1";
const MIGRATIONS_TABLE = "_prisma_migrations";

export type TableInfo = { name: string; columns: string[]; rows: number };
export type BackupHeader = { createdAt: string; migrations: string[]; tables: TableInfo[] };

const q = pg.escapeIdentifier;

async function migrationsApplied(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${q(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** The app's tables, parents before children (foreign keys), with their columns. */
async function tablesInOrder(client: pg.ClientBase): Promise<{ name: string; columns: string[]; selfRef: { column: string; refColumn: string } | null }[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: fks } = await client.query<{ child: string; parent: string; column: string; ref_column: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
            a.attname::text AS column, af.attname::text AS ref_column
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`,
  );
  const { rows: cols } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname::text AS table, a.attname::text AS column FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`,
  );
  const unquote = (s: string) => s.replace(/^"|"$/g, "");
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const selfRefs = new Map<string, { column: string; refColumn: string }>();
  for (const fk of fks) {
    const child = unquote(fk.child);
    const parent = unquote(fk.parent);
    if (child === parent) selfRefs.set(child, { column: fk.column, refColumn: fk.ref_column });
    else parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign-key cycle through ${name}: cannot order the restore.`);
    visiting.add(name);
    for (const p of parents.get(name) ?? []) visit(p);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const t of tables) visit(t.name);
  return ordered.map((name) => ({
    name,
    columns: cols.filter((c) => c.table === name).map((c) => c.column),
    selfRef: selfRefs.get(name) ?? null,
  }));
}

/** Rows of a table, parents first when the table references itself (e.g. units and their sub-units). */
function selectRows(table: { name: string; columns: string[]; selfRef: { column: string; refColumn: string } | null }): string {
  const cols = table.columns.map(q).join(", ");
  if (!table.selfRef) return `SELECT ${cols} FROM ${q(table.name)}`;
  const { column, refColumn } = table.selfRef;
  return `WITH RECURSIVE tree AS (
      SELECT t.*, 0 AS backup_depth FROM ${q(table.name)} t WHERE t.${q(column)} IS NULL
      UNION ALL SELECT t.*, tree.backup_depth + 1 FROM ${q(table.name)} t JOIN tree ON t.${q(column)} = tree.${q(refColumn)})
    SELECT ${cols} FROM tree ORDER BY backup_depth`;
}

export async function backupDatabase(url: string, file: string): Promise<BackupHeader> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every table: the backup is consistent even while the app keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await tablesInOrder(client);
    const header: BackupHeader = { createdAt: new Date().toISOString(), migrations: await migrationsApplied(client), tables: [] };
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(t.name)}`);
      header.tables.push({ name: t.name, columns: t.columns, rows: Number(rows[0]!.n) });
    }
    const gzip = createGzip();
    const done = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
    gzip.write(`${MAGIC}\n${JSON.stringify(header)}\n`);
    for (const t of tables) {
      gzip.write(`@@TABLE ${JSON.stringify(t.name)}\n`);
      const stream = client.query(copyTo(`COPY (${selectRows(t)}) TO STDOUT`));
      for await (const chunk of stream) if (!gzip.write(chunk)) await new Promise((r) => gzip.once("drain", r));
      gzip.write("\\.\n");
    }
    gzip.end();
    await done;
    await client.query("COMMIT");
    return header;
  } finally {
    await client.end();
  }
}

async function* lines(file: string) {
  const rl = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

export class RestoreRefused extends Error {}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const it = lines(file)[Symbol.asyncIterator]();
  const magic = await it.next();
  if (magic.value !== MAGIC) throw new RestoreRefused("Tệp không phải bản sao lưu của Sổ Thi đua.");
  const header = await it.next();
  await it.return?.();
  return JSON.parse(String(header.value)) as BackupHeader;
}

/**
 * Restores a backup into a database that already has the same migrations applied. Refuses a
 * database holding data unless `force` (then everything in it is replaced), all in one transaction.
 */
export async function restoreDatabase(url: string, file: string, opts: { force: boolean }): Promise<BackupHeader> {
  const header = await readBackupHeader(file);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await migrationsApplied(client);
    if (applied.join() !== header.migrations.join()) {
      throw new RestoreRefused(
        `Phiên bản cơ sở dữ liệu khác bản sao lưu (đang có ${applied.length} migration, bản sao lưu ${header.migrations.length}). ` +
          "Hãy dùng phiên bản ứng dụng đã tạo bản sao lưu.",
      );
    }
    const tables = await tablesInOrder(client);
    await client.query("BEGIN");
    const names = tables.map((t) => q(t.name)).join(", ");
    if (!opts.force) {
      const { rows } = await client.query<{ any: boolean }>(
        `SELECT ${tables.map((t) => `EXISTS (SELECT 1 FROM ${q(t.name)})`).join(" OR ")} AS any`,
      );
      if (rows[0]!.any) throw new RestoreRefused("Cơ sở dữ liệu đang có dữ liệu. Dùng --force để thay toàn bộ bằng bản sao lưu.");
    }
    await client.query(`TRUNCATE ${names} RESTART IDENTITY CASCADE`);
    // The summary tables are in the backup already: their maintenance triggers must not fire while the
    // rows come back (foreign-key checks stay on). Owners may do this; it ends with the transaction's ENABLE.
    for (const t of tables) await client.query(`ALTER TABLE ${q(t.name)} DISABLE TRIGGER USER`);

    let current: { name: string; push: (line: string) => Promise<void>; end: () => Promise<void> } | null = null;
    let index = 0;
    for await (const line of lines(file)) {
      if (index++ < 2) continue; // magic and header
      if (current === null) {
        if (!line.startsWith("@@TABLE ")) throw new RestoreRefused("Bản sao lưu bị hỏng (thiếu phần bảng).");
        const name = JSON.parse(line.slice(8)) as string;
        const info = header.tables.find((t) => t.name === name);
        if (!info) throw new RestoreRefused(`Bản sao lưu bị hỏng (bảng lạ ${name}).`);
        const source = new PassThrough();
        const sink = client.query(copyFrom(`COPY ${q(name)} (${info.columns.map(q).join(", ")}) FROM STDIN`));
        const finished = pipeline(source, sink);
        current = {
          name,
          // Back-pressure: a table of millions of rows streams through without filling memory.
          push: async (l) => {
            if (!source.write(`${l}\n`)) await once(source, "drain");
          },
          end: async () => {
            source.end();
            await finished;
          },
        };
      } else if (line === "\\.") {
        await current.end();
        current = null;
      } else {
        await current.push(line);
      }
    }
    if (current) throw new RestoreRefused("Bản sao lưu bị cắt cụt.");
    for (const t of tables) await client.query(`ALTER TABLE ${q(t.name)} ENABLE TRIGGER USER`);

    // Identity sequences continue after the restored rows.
    const { rows: serials } = await client.query<{ table: string; column: string }>(
      `SELECT table_name::text AS table, column_name::text AS column FROM information_schema.columns
        WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${q(s.column)}) FROM ${q(s.table)}), 1), (SELECT count(*) > 0 FROM ${q(s.table)}))`,
        [q(s.table), s.column],
      );
    }
    for (const t of header.tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${q(t.name)}`);
      if (Number(rows[0]!.n) !== t.rows) throw new RestoreRefused(`Số bản ghi của ${t.name} không khớp sau khi khôi phục.`);
    }
    await client.query("COMMIT");
    return header;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
