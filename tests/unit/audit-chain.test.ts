import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalContent, ChainVerifier, describeBreak, entryHash, GENESIS_HASH, verifyChain, type ChainRow } from "@/server/audit/chain";

type Content = Omit<ChainRow, "id" | "seq" | "prevHash" | "hash">;

/** A chain as the trigger would write it: seq from 1, each entry linked to the previous one. */
function chain(contents: Content[]): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  contents.forEach((c, i) => {
    const row = { ...c, id: String(100 + i), seq: BigInt(i + 1), prevHash, hash: "" };
    row.hash = entryHash(row);
    prevHash = row.hash;
    rows.push(row);
  });
  return rows;
}

const base = (i: number, extra: Partial<Content> = {}): Content => ({
  at: new Date(Date.UTC(2022, 0, 1, 8, 0, i, 250)),
  actorId: "0b7f0a58-5c1a-4d7e-9a53-0a1b2c3d4e5f",
  actorName: "Nguyễn Thị Thư Ký",
  action: "officer.update",
  entityType: "Officer",
  entityId: `officer-${i}`,
  clusterId: "7e0d1f7a-1111-4a2b-8c3d-0123456789ab",
  unitId: null,
  before: i % 2 ? null : `{"rank": "Đại úy", "score": 1.50}`,
  after: `{"rank": "Thiếu tá", "n": ${i}, "big": 123456789012345678901234567890}`,
  ...extra,
});

const clone = (rows: ChainRow[]) => rows.map((r) => ({ ...r }));

describe("canonical content of an audit entry", () => {
  it("is the documented line format: byte lengths, ~ for null, ISO time in UTC with milliseconds", () => {
    const row = { ...base(0, { unitId: null, before: null }), seq: 7n, prevHash: GENESIS_HASH };
    expect(canonicalContent(row)).toBe(
      [
        "sothidua-audit-v1",
        `prevHash=${GENESIS_HASH}`,
        "seq=1:7",
        "at=24:2022-01-01T08:00:00.250Z",
        "actorId=36:0b7f0a58-5c1a-4d7e-9a53-0a1b2c3d4e5f",
        // 17 characters, 23 bytes in UTF-8
        "actorName=23:Nguyễn Thị Thư Ký",
        "action=14:officer.update",
        "entityType=7:Officer",
        "entityId=9:officer-0",
        "clusterId=36:7e0d1f7a-1111-4a2b-8c3d-0123456789ab",
        "unitId=~",
        "before=~",
        `after=70:{"rank": "Thiếu tá", "n": 0, "big": 123456789012345678901234567890}`,
      ].join("\n"),
    );
  });

  it("tells a null from the text '~' and from an empty string", () => {
    const row = { ...base(0), seq: 1n, prevHash: GENESIS_HASH };
    const hashes = new Set([null, "~", ""].map((entityId) => entryHash({ ...row, entityId })));
    expect(hashes.size).toBe(3);
  });

  it("cannot be shifted between fields: moving text from one field into the next changes the hash", () => {
    const row = { ...base(0), seq: 1n, prevHash: GENESIS_HASH };
    const a = entryHash({ ...row, action: "officer.update", entityType: "Officer" });
    const b = entryHash({ ...row, action: "officer.updateOfficer", entityType: "" });
    expect(a).not.toBe(b);
  });
});

describe("verifyChain", () => {
  const rows = chain(Array.from({ length: 6 }, (_, i) => base(i)));

  it("accepts an intact chain and an empty log", () => {
    expect(verifyChain(rows)).toEqual({ ok: true, count: 6, lastSeq: 6n, lastHash: rows[5]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, lastSeq: 0n, lastHash: GENESIS_HASH });
  });

  it("names the entry whose content was changed", () => {
    const tampered = clone(rows);
    tampered[3]!.after = tampered[3]!.after!.replace("Thiếu tá", "Trung tá");
    const v = verifyChain(tampered);
    expect(v).toMatchObject({ ok: false, count: 3, broken: { kind: "content", seq: 4n, id: "103", action: "officer.update" } });
  });

  it("names the entry after a deleted one as missing its predecessor", () => {
    const v = verifyChain(rows.filter((r) => r.seq !== 3n));
    expect(v).toMatchObject({ ok: false, count: 2, broken: { kind: "missing", seq: 4n, expectedSeq: 3n } });
    if (!v.ok) expect(describeBreak(v.broken)).toContain("bản ghi số 3");
  });

  it("finds entries deleted from the start of the log", () => {
    const v = verifyChain(rows.slice(2));
    expect(v).toMatchObject({ ok: false, count: 0, broken: { kind: "missing", seq: 3n, expectedSeq: 1n } });
    if (!v.ok) expect(describeBreak(v.broken)).toContain("1–2");
  });

  it("finds reordered entries (two entries' seq swapped, the log then read in seq order)", () => {
    const swapped = clone(rows);
    [swapped[1]!.seq, swapped[2]!.seq] = [swapped[2]!.seq, swapped[1]!.seq];
    swapped.sort((a, b) => (a.seq < b.seq ? -1 : 1));
    expect(verifyChain(swapped)).toMatchObject({ ok: false, count: 1, broken: { seq: 2n, id: "102" } });
  });

  it("finds entries fed out of order or twice", () => {
    expect(verifyChain([rows[0]!, rows[2]!, rows[1]!])).toMatchObject({ ok: false, broken: { kind: "missing", seq: 3n } });
    expect(verifyChain([rows[0]!, rows[1]!, rows[1]!])).toMatchObject({ ok: false, broken: { kind: "order", seq: 2n, expectedSeq: 3n } });
  });

  it("finds a forged hash, and a rewritten entry whose hash was recomputed (at the next entry's link)", () => {
    const forged = clone(rows);
    forged[2]!.hash = "f".repeat(64);
    expect(verifyChain(forged)).toMatchObject({ ok: false, broken: { kind: "content", seq: 3n } });

    const rehashed = clone(rows);
    rehashed[2]!.actorName = "Người khác";
    rehashed[2]!.hash = entryHash(rehashed[2]!);
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, count: 3, broken: { kind: "link", seq: 4n } });

    // The whole tail re-chained from the rewritten entry on is consistent again: only the last hash,
    // kept outside the database, tells (the script prints it).
    const rechained = chain(rows.map((r, i) => (i === 2 ? { ...r, actorName: "Người khác" } : r)));
    const v = verifyChain(rechained);
    expect(v.ok && v.lastHash).not.toBe(rows[5]!.hash);
  });

  it("feeds in batches with bounded state and ignores entries after the first break", () => {
    const verifier = new ChainVerifier();
    const tampered = clone(rows);
    tampered[1]!.action = "officer.create";
    expect(verifier.push(tampered[0]!)).toBeNull();
    expect(verifier.push(tampered[1]!)).toMatchObject({ kind: "content", seq: 2n });
    expect(verifier.push(tampered[2]!)).toBeNull();
    expect(verifier.verdict()).toMatchObject({ ok: false, count: 1, broken: { seq: 2n } });
  });
});

describe("any single change to any field of any entry", () => {
  const FIELDS = ["seq", "at", "actorId", "actorName", "action", "entityType", "entityId", "clusterId", "unitId", "before", "after", "prevHash", "hash"] as const;
  const text = fc.string({ unit: fc.constantFrom(..."aăâbcdđeêghiklmnoôơpqrstuưvxyẠỹ{}\":,[] 0123456789.~\n=".split("")), maxLength: 30 });
  const content: fc.Arbitrary<Content> = fc.record({
    at: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }),
    actorId: fc.option(fc.uuid(), { nil: null }),
    actorName: text,
    action: text,
    entityType: text,
    entityId: fc.option(text, { nil: null }),
    clusterId: fc.option(fc.uuid(), { nil: null }),
    unitId: fc.option(fc.uuid(), { nil: null }),
    before: fc.option(text, { nil: null }),
    after: fc.option(text, { nil: null }),
  });

  it("is detected at that entry", () => {
    fc.assert(
      fc.property(
        fc.array(content, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.constantFrom(...FIELDS),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (contents, rowPick, field, position, delta) => {
          const rows = chain(contents);
          const i = rowPick % rows.length;
          const row = rows[i]!;
          const changed = { ...row } as Record<string, unknown>;
          const value = row[field];
          if (field === "seq") changed.seq = row.seq + BigInt(delta);
          else if (field === "at") changed.at = new Date(row.at.getTime() + delta);
          else if (value === null) changed[field] = String.fromCharCode(delta);
          else {
            // One byte of the UTF-8 text flipped (kept valid UTF-8 by staying within ASCII for ASCII bytes).
            const bytes = Buffer.from(String(value), "utf8");
            if (bytes.length === 0) changed[field] = String.fromCharCode(delta);
            else {
              const at = position % bytes.length;
              bytes[at] = bytes[at]! < 0x80 ? (bytes[at]! + (delta % 127) + 1) % 128 : bytes[at]! ^ 0x01;
              const next = bytes.toString("utf8");
              changed[field] = next === value ? `${String(value)}x` : next;
            }
          }
          const v = verifyChain(rows.map((r, k) => (k === i ? (changed as ChainRow) : r)));
          expect(v.ok).toBe(false);
          if (!v.ok) expect(v.broken.id).toBe(row.id);
        },
      ),
      { numRuns: 500 },
    );
  });
});
