// One file through the import's reading step (readWorkbookBytes: size, zip checks, exceljs) in a process
// of its own, printing as JSON the time, the growth of the process's peak RSS (maxRSS) and the peak of
// the JavaScript heap + buffers (sampled every 2 ms) above what they were before. Run by import.ts.
//   npx tsx scripts/bench/import-memory.ts <file.xlsx>
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const { readWorkbookBytes } = await import("../../src/server/excel/import");
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};
global.gc?.();
const rssBefore = process.resourceUsage().maxRSS * 1024;
const heapBefore = used();
let heapPeak = heapBefore;
const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, used())), 2);
const start = performance.now();
const result = await readWorkbookBytes(bytes, "bench.xlsx");
const ms = performance.now() - start;
clearInterval(sampler);
heapPeak = Math.max(heapPeak, used());
const MB = 1024 * 1024;
console.log(
  JSON.stringify({
    ms,
    peakRssGrowthMb: (process.resourceUsage().maxRSS * 1024 - rssBefore) / MB,
    peakHeapGrowthMb: (heapPeak - heapBefore) / MB,
    outcome: result.ok ? `đọc được ${result.sheets.reduce((n, s) => n + s.rows.length, 0)} dòng` : result.message,
  }),
);
