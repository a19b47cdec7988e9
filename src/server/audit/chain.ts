// The audit log's hash chain, recomputed independently of the database trigger that writes it
// (prisma/migrations/20261128060000_audit_chain). Pure: rows in, verdict out.
//
// Canonical content of an entry (UTF-8), lines joined by "\n":
//   sothidua-audit-v1
//   prevHash=<64 lowercase hex; 64 zeros for the first entry>
//   <field>=~                      when the field is null, otherwise
//   <field>=<byte length>:<text>   for seq, at, actorId, actorName, action, entityType, entityId,
//                                  clusterId, unitId, before, after (in that order)
// where seq is decimal, at is YYYY-MM-DDTHH:MM:SS.mmmZ (UTC, milliseconds), uuids are lowercase and
// before/after are jsonb's own text form (read from Postgres as `before::text`: jsonb normalises key order,
// spacing and numbers, so 1.50 and 2^70 survive byte for byte). hash = hex(sha256(content)).
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type ChainRow = {
  id: string;
  seq: bigint;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  clusterId: string | null;
  unitId: string | null;
  /** jsonb text form, as stored. */
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};

export type ChainFields = Omit<ChainRow, "id" | "hash">;

const FIELDS = ["seq", "at", "actorId", "actorName", "action", "entityType", "entityId", "clusterId", "unitId", "before", "after"] as const;

function fieldText(row: ChainFields, field: (typeof FIELDS)[number]): string | null {
  const value = row[field];
  if (value === null) return null;
  if (field === "at") return (value as Date).toISOString();
  return String(value);
}

export function canonicalContent(row: ChainFields): string {
  let out = `sothidua-audit-v1\nprevHash=${row.prevHash}`;
  for (const field of FIELDS) {
    const text = fieldText(row, field);
    out += text === null ? `\n${field}=~` : `\n${field}=${Buffer.byteLength(text, "utf8")}:${text}`;
  }
  return out;
}

export function entryHash(row: ChainFields): string {
  return createHash("sha256").update(canonicalContent(row), "utf8").digest("hex");
}

export type BreakKind = "content" | "link" | "missing" | "order";

export type ChainBreak = {
  kind: BreakKind;
  seq: bigint;
  id: string;
  at: Date;
  action: string;
  /** The seq the chain expected here (differs from `seq` for missing/out-of-order entries). */
  expectedSeq: bigint;
};

export type ChainVerdict =
  | { ok: true; count: number; lastSeq: bigint; lastHash: string }
  | { ok: false; count: number; broken: ChainBreak };

/**
 * Checks entries one by one in seq order, from the start of the log, keeping only the last link:
 * bounded memory whatever the length of the log. Stops at the first break.
 */
export class ChainVerifier {
  private expectedSeq = 1n;
  private previousHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;

  /** Feeds the next entry; returns the break when this entry is the first broken one. */
  push(row: ChainRow): ChainBreak | null {
    if (this.broken) return null;
    const kind = this.check(row);
    if (kind) {
      this.broken = { kind, seq: row.seq, id: row.id, at: row.at, action: row.action, expectedSeq: this.expectedSeq };
      return this.broken;
    }
    this.checked += 1;
    this.expectedSeq = row.seq + 1n;
    this.previousHash = row.hash;
    return null;
  }

  private check(row: ChainRow): BreakKind | null {
    if (row.seq > this.expectedSeq) return "missing";
    if (row.seq < this.expectedSeq) return "order";
    // The link before the content: a rewritten entry whose own hash was recomputed shows up here, at
    // the entry after it, since its successor still points at the original hash.
    if (row.prevHash !== this.previousHash) return "link";
    if (entryHash(row) !== row.hash) return "content";
    return null;
  }

  verdict(): ChainVerdict {
    if (this.broken) return { ok: false, count: this.checked, broken: this.broken };
    return { ok: true, count: this.checked, lastSeq: this.expectedSeq - 1n, lastHash: this.previousHash };
  }
}

export function verifyChain(rows: Iterable<ChainRow>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const row of rows) if (verifier.push(row)) break;
  return verifier.verdict();
}

/** What is wrong with the first broken entry, for people. */
export function describeBreak(broken: ChainBreak): string {
  switch (broken.kind) {
    case "content":
      return "Nội dung đã bị sửa: mã băm lưu trong bản ghi không khớp với nội dung của nó.";
    case "link":
      return `Liên kết với bản ghi trước bị phá vỡ: mã băm "bản ghi trước" không khớp với bản ghi số ${broken.expectedSeq - 1n} (bản ghi đó hoặc liên kết này đã bị sửa).`;
    case "missing": {
      const first = broken.expectedSeq;
      const last = broken.seq - 1n;
      return first === last
        ? `Thiếu bản ghi: bản ghi số ${first} ngay trước bản ghi này đã bị xóa.`
        : `Thiếu bản ghi: các bản ghi số ${first}–${last} trước bản ghi này đã bị xóa.`;
    }
    case "order":
      return `Sai thứ tự: số thứ tự ${broken.seq} xuất hiện sau bản ghi số ${broken.expectedSeq - 1n} (trùng hoặc bị đảo).`;
  }
}
