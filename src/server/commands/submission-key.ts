// Idempotency keys of form submissions (issue 18, fault 3; docs/operations.md, docs/security.md). The
// browser gives each form submission a random key (SUBMISSION_KEY_FIELD) and sends the same key again
// when the user retries after a lost answer. The command pipeline (executeCommand) claims the key for the
// signed-in user at the start of the command's transaction and writes the outcome in that transaction:
// - a retry after the first commit finds the key and gets the first outcome; nothing runs twice;
// - a retry while the first is still running waits for it on the key's row, then does the same (or runs,
//   if the first rolled back: then nothing of it was written);
// - the same key with another input or command is refused.
// The key is only a dedupe key: the user is the session's, the scope is read from the database as for
// any command; a key of another user's is simply another row.
import { createHash } from "node:crypto";
import { prisma, type Tx } from "@/server/db";

export { SUBMISSION_KEY_FIELD } from "@/domain/submission";
/** How long a key is kept: far longer than anyone retries a save; pruned by the reminders job. */
export const SUBMISSION_KEY_TTL_HOURS = 24;

export const SUBMISSION_KEY_REUSED =
  "Lần gửi này trùng mã với một lần gửi trước có nội dung khác nên không được thực hiện. Vui lòng tải lại trang để kiểm tra dữ liệu hiện tại rồi nhập lại.";

const KEY = /^[A-Za-z0-9_-]{16,100}$/;

/** The key of a submission if it has a sane shape (a malformed one is ignored: the command runs as without). */
export function submissionKeyOf(value: unknown): string | null {
  return typeof value === "string" && KEY.test(value) ? value : null;
}

export type Submission = { key: string; inputHash: string };

/** The same input (what the form sent, files by their contents) hashes the same, whatever its key order. */
export async function hashInput(command: string, raw: unknown): Promise<string> {
  const hash = createHash("sha256").update(command).update("\0");
  await feed(hash, raw);
  return hash.digest("hex");
}

const isFile = (value: unknown): value is { name?: string; arrayBuffer(): Promise<ArrayBuffer> } =>
  typeof value === "object" && value !== null && typeof (value as { arrayBuffer?: unknown }).arrayBuffer === "function";

async function feed(hash: ReturnType<typeof createHash>, value: unknown): Promise<void> {
  if (value === undefined || value === null) hash.update("n;");
  else if (typeof value === "string") hash.update(`s${Buffer.byteLength(value)}:`).update(value);
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") hash.update(`${(typeof value)[0]}${String(value)};`);
  else if (value instanceof Date) hash.update(`d${value.toISOString()};`);
  else if (isFile(value)) {
    // A file (a File of a form, or an upload as src/server/excel/import.ts reads it): by its name and bytes.
    const bytes = Buffer.from(await value.arrayBuffer());
    hash.update(`f${value.name ?? ""}:${bytes.length}:`).update(bytes);
  } else if (value instanceof Uint8Array) hash.update(`b${value.length}:`).update(value);
  else if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) await feed(hash, item);
    hash.update("]");
  } else if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    hash.update(`o${entries.length}{`);
    for (const [k, v] of entries) {
      hash.update(`${k}=`);
      await feed(hash, v);
    }
    hash.update("}");
  } else hash.update("?;");
}

/** The outcome a retry gets: the first run's, as it was answered. */
export type StoredOutcome = { ok: true; message?: string; data?: unknown };

/** A retry of a submission already done: its first outcome, answered again. */
export class SubmissionReplayed extends Error {
  constructor(readonly outcome: StoredOutcome) {
    super("submission replayed");
  }
}
/** The key was used for another input or command: refused, nothing runs. */
export class SubmissionKeyReused extends Error {}

/**
 * Claims the key at the start of the command's transaction. When another transaction holds or committed
 * it, the insert waits for that one to end; a committed row means this is a retry: thrown as
 * SubmissionReplayed (same input) or SubmissionKeyReused (another one), and this transaction rolls back.
 */
export async function claimSubmission(tx: Tx, userId: string, command: string, submission: Submission): Promise<void> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "SubmissionKey" ("userId", "key", "command", "inputHash")
    VALUES (${userId}::uuid, ${submission.key}, ${command}, ${submission.inputHash})
    ON CONFLICT ("userId", "key") DO NOTHING`;
  if (inserted === 1) return;
  const [first] = await tx.$queryRaw<{ command: string; inputHash: string; outcome: StoredOutcome | null }[]>`
    SELECT "command", "inputHash", "outcome" FROM "SubmissionKey" WHERE "userId" = ${userId}::uuid AND "key" = ${submission.key}`;
  if (!first || first.command !== command || first.inputHash !== submission.inputHash || !first.outcome) throw new SubmissionKeyReused();
  throw new SubmissionReplayed(first.outcome);
}

/**
 * A submission's first outcome, before any work (an import retried after its commit: its rows would now
 * read as "unchanged" or fail a check, so the retry is answered before the file is parsed again). The
 * concurrent case is still claimSubmission's, in the command's transaction.
 */
export async function priorOutcome(userId: string, command: string, key: unknown, keyedInput: unknown): Promise<StoredOutcome | { ok: false; message: string } | null> {
  const valid = submissionKeyOf(key);
  if (!valid) return null;
  const first = await prisma.submissionKey.findUnique({ where: { userId_key: { userId, key: valid } } });
  if (!first?.outcome) return null;
  if (first.command !== command || first.inputHash !== (await hashInput(command, keyedInput))) return { ok: false, message: SUBMISSION_KEY_REUSED };
  return first.outcome as StoredOutcome;
}

/** Writes the outcome with the key, in the command's transaction (so it commits with what the command wrote). */
export async function recordSubmission(tx: Tx, userId: string, submission: Submission, outcome: StoredOutcome): Promise<void> {
  // The data as JSON (ids, counts; a date comes back as its ISO text); none if it has no JSON form.
  let stored: string;
  try {
    stored = JSON.stringify({ ok: true, message: outcome.message, data: outcome.data });
  } catch {
    stored = JSON.stringify({ ok: true, message: outcome.message });
  }
  await tx.$executeRaw`UPDATE "SubmissionKey" SET "outcome" = ${stored}::jsonb WHERE "userId" = ${userId}::uuid AND "key" = ${submission.key}`;
}

/** Deletes the keys older than SUBMISSION_KEY_TTL_HOURS; returns how many. */
export async function pruneSubmissionKeys(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SUBMISSION_KEY_TTL_HOURS * 3_600_000);
  const { count } = await prisma.submissionKey.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
