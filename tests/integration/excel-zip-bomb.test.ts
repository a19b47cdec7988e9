// Zip bombs in the Excel import (src/server/excel/bounded-unzip.ts): a 200 KB .xlsx whose sheet
// declares 4 KB but inflates to 200 MB is refused at once, with a clear message, without the worker's
// memory growing by the bomb. The zip is built here, byte by byte, around a deflate stream of 200 MB of
// zeros (lying-zip.ts). In a file of its own so that the process's peak memory (maxRSS) starts from this test's.
import { describe, expect, it } from "vitest";
import { NOT_XLSX, readWorkbookBytes, ZIP_BOMB } from "@/server/excel/import";
import { CONTENT_TYPES, deflatedZeros, lyingXlsx, MB, stored, WORKBOOK, zip, type Entry } from "./lying-zip";

/** Peak memory growth (maxRSS, the process's high-water mark) and time of one call. */
async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakGrowthMb: number }> {
  const peakBefore = process.resourceUsage().maxRSS;
  const start = performance.now();
  const result = await fn();
  const ms = performance.now() - start;
  return { result, ms, peakGrowthMb: (process.resourceUsage().maxRSS - peakBefore) / 1024 };
}

describe("zip bombs in the Excel import", () => {
  it("a sheet that declares 4 KB but inflates to 200 MB is refused at once, memory bounded", async () => {
    const bytes = await lyingXlsx(200 * MB, 4096);
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
    const { result, ms, peakGrowthMb } = await measure(() => readWorkbookBytes(bytes, "bom.xlsx"));
    console.log(`lying zip (${(bytes.byteLength / 1024).toFixed(0)} KB → 200 MB): refused in ${ms.toFixed(0)} ms, peak RSS +${peakGrowthMb.toFixed(1)} MB`);
    expect(result).toEqual({ ok: false, message: ZIP_BOMB });
    expect(ms).toBeLessThan(1000);
    expect(peakGrowthMb).toBeLessThan(40);
  });

  it("200 MB declared honestly over 100 entries is refused from the directory, before inflating anything", async () => {
    const piece = await deflatedZeros(2 * MB);
    const entries: Entry[] = Array.from({ length: 100 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: piece, method: 8 as const, declaredSize: 2 * MB }));
    const { result, ms } = await measure(() =>
      readWorkbookBytes(zip([stored("[Content_Types].xml", CONTENT_TYPES), stored("xl/workbook.xml", WORKBOOK), ...entries]), "nhieu-trang.xlsx"),
    );
    // Over the 60 MB a workbook may hold.
    expect(result).toEqual({ ok: false, message: ZIP_BOMB });
    expect(ms).toBeLessThan(1000);
  });

  it("an entry whose deflate data is broken is not an Excel file", async () => {
    const bytes = zip([
      stored("[Content_Types].xml", CONTENT_TYPES),
      stored("xl/workbook.xml", WORKBOOK),
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from([0xff, 0xff, 0xff, 0xff]), method: 8, declaredSize: 100 },
    ]);
    expect(await readWorkbookBytes(bytes)).toEqual({ ok: false, message: NOT_XLSX });
  });
});
