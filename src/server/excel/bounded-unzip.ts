// A zip's directory, and what its entries really inflate to, before a parser that trusts the zip sees it.
//
// exceljs (through JSZip) inflates every entry of the workbook whole into memory, whatever size the
// zip's directory declares for it. A zip bomb that lies about its sizes (a 200 KB file whose sheet says
// 4 KB but inflates to 200 MB) passed a check of the declared sizes and then cost seconds and hundreds
// of MB before JSZip noticed. So every entry is first inflated here, as a stream whose output is
// counted and thrown away (memory: one 64 KiB chunk), and the scan stops at the first byte beyond
// what the entry declared or beyond the limit for the whole file. JSZip reads exactly the same bytes
// (central directory sizes, data after the local header), so what passes here inflates to no more.
// node:zlib is the inflater; the directory is read by hand (a few fixed-offset fields), as before.
import { createInflateRaw } from "node:zlib";

export type ZipEntry = { name: string; flags: number; method: number; compressed: number; size: number; localOffset: number };

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: "not-zip" | "too-many-entries" };

/** The entries of the zip's central directory (no zip64: never an Excel file of 5 MB). */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  if (bytes.byteLength < 22) return { ok: false, reason: "not-zip" };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: "not-zip" };
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: "not-zip" };
  if (count > maxEntries) return { ok: false, reason: "too-many-entries" };
  if (dirOffset + dirSize > bytes.byteLength) return { ok: false, reason: "not-zip" };
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.byteLength || view.getUint32(p, true) !== 0x02014b50) return { ok: false, reason: "not-zip" };
    const nameLength = view.getUint16(p + 28, true);
    if (p + 46 + nameLength > bytes.byteLength) return { ok: false, reason: "not-zip" };
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { ok: true, entries };
}

/** The entry's stored bytes (after its local header), or null when they lie outside the file. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const p = entry.localOffset;
  if (p + 30 > bytes.byteLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(p, true) !== 0x04034b50) return null;
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  if (start + entry.compressed > bytes.byteLength) return null;
  return bytes.subarray(start, start + entry.compressed);
}

export type InflateCheck = { ok: true; inflated: number } | { ok: false; reason: "bomb" | "corrupt" };

/**
 * Inflates every entry, counting and discarding the output, and stops as soon as an entry gives more
 * than it declared or all of them together more than `maxTotal`. Stored entries must hold what they
 * declare. Never throws.
 */
export async function checkInflatedSizes(bytes: Uint8Array, entries: readonly ZipEntry[], maxTotal: number): Promise<InflateCheck> {
  let total = 0;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    if (!data) return { ok: false, reason: "corrupt" };
    let inflated: number | "over" | "corrupt";
    if (entry.method === 0) inflated = data.byteLength === entry.size ? entry.size : "corrupt";
    else if (entry.method === 8) inflated = await inflatedSize(data, Math.min(entry.size, maxTotal - total));
    else return { ok: false, reason: "corrupt" };
    if (inflated === "over") return { ok: false, reason: "bomb" };
    if (inflated === "corrupt") return { ok: false, reason: "corrupt" };
    total += inflated;
    if (total > maxTotal) return { ok: false, reason: "bomb" };
  }
  return { ok: true, inflated: total };
}

/** How many bytes raw-deflated `data` inflates to, or "over" as soon as that passes `limit`. */
export function inflatedSize(data: Uint8Array, limit: number): Promise<number | "over" | "corrupt"> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const settle = (value: number | "over" | "corrupt") => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflater.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        settle("over");
        inflater.destroy(); // stops inflating: nothing more is produced
      }
    });
    inflater.on("end", () => settle(total));
    inflater.on("error", () => settle("corrupt"));
    inflater.on("close", () => settle(total > limit ? "over" : "corrupt"));
    inflater.end(data);
  });
}
