// A zip that lies about its sizes, built byte by byte (the zip bomb test and scripts/bench/import.ts).
import { createDeflateRaw } from "node:zlib";

export const MB = 1024 * 1024;

/** 200 MB of zeros, raw-deflated as a stream (about 200 KB). */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  const zeros = Buffer.alloc(MB);
  for (let left = bytes; left > 0; left -= MB) {
    if (!deflater.write(left >= MB ? zeros : zeros.subarray(0, left))) await new Promise((r) => deflater.once("drain", r));
  }
  deflater.end();
  await done;
  return Buffer.concat(out);
}

export type Entry = { name: string; data: Buffer; method: 0 | 8; declaredSize: number };

/** A zip whose central directory and local headers say what `declaredSize` says, whatever the data is. */
export function zip(entries: Entry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14); // CRC: not checked by anyone before inflating
    local.writeUInt32LE(e.data.byteLength, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.method, 10);
    dir.writeUInt32LE(e.data.byteLength, 20);
    dir.writeUInt32LE(e.declaredSize, 24);
    dir.writeUInt16LE(name.byteLength, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, e.data);
    central.push(dir, name);
    offset += 30 + name.byteLength + e.data.byteLength;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end]));
}

export const stored = (name: string, text: string): Entry => ({ name, data: Buffer.from(text), method: 0, declaredSize: Buffer.byteLength(text) });
export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
export const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Cán bộ" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>`;

/** An .xlsx-looking zip whose sheet declares `declared` bytes but inflates to `inflates` bytes of zeros. */
export async function lyingXlsx(inflates: number, declared: number): Promise<Uint8Array> {
  return zip([
    { name: "xl/worksheets/sheet1.xml", data: await deflatedZeros(inflates), method: 8, declaredSize: declared },
    stored("[Content_Types].xml", CONTENT_TYPES),
    stored("xl/workbook.xml", WORKBOOK),
  ]);
}
