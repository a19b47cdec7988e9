// Verifies the whole audit chain against the database, in seq order, a batch at a time (keyset on the
// unique seq index): memory stays bounded however long the log is. Read-only.
import { queryRows } from "@/server/db";
import { ChainVerifier, type ChainRow, type ChainVerdict } from "./chain";

type RawRow = Omit<ChainRow, "seq"> & { seq: string };

export const VERIFY_BATCH_SIZE = 5000;

export async function verifyAuditChain(options: { batchSize?: number; onProgress?: (checked: number) => void } = {}): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const verifier = new ChainVerifier();
  let after = "0";
  for (;;) {
    // seq and id as text: 64-bit integers must not pass through a JS number. (Order by the column, a.seq,
    // not by the text alias.)
    const rows = await queryRows<RawRow[]>`
      SELECT id::text AS id, seq::text AS seq, at, "actorId"::text AS "actorId", "actorName", action, "entityType", "entityId",
             "clusterId"::text AS "clusterId", "unitId"::text AS "unitId", before::text AS before, after::text AS after, "prevHash", hash
      FROM "AuditLog" a WHERE a.seq > ${after}::bigint ORDER BY a.seq LIMIT ${batchSize}`;
    for (const raw of rows) {
      if (verifier.push({ ...raw, seq: BigInt(raw.seq) })) return verifier.verdict();
    }
    if (rows.length < batchSize) return verifier.verdict();
    after = rows[rows.length - 1]!.seq;
    options.onProgress?.(verifier.verdict().count);
  }
}
