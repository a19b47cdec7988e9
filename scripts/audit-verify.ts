// `npm run audit:verify`: recomputes the audit log's hash chain (src/server/audit/chain.ts) over the app's
// database (embedded or DATABASE_URL), streaming it in seq order. Exit 0 when intact, 1 at the first
// broken entry (named with what is wrong), 2 when the check itself failed.
import path from "node:path";
import { openAppDatabase } from "./lib/database";
import { describeBreak } from "@/server/audit/chain";
import { verifyAuditChain } from "@/server/audit/verify";
import { formatDateTime } from "@/lib/format";
import { createPool, usePool } from "@/server/db";

const root = path.resolve(import.meta.dirname, "..");
const db = await openAppDatabase(root);
// Our own pool, ended before the embedded server stops (an idle connection would see it die).
const pool = createPool(db.url);
usePool(pool);
let status = 2;
try {
  const started = Date.now();
  const verdict = await verifyAuditChain({
    onProgress: (n) => {
      if (n % 100_000 === 0 && process.stderr.isTTY) process.stderr.write(`\rĐã kiểm tra ${n} bản ghi…`);
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  if (verdict.ok) {
    console.log(`Nhật ký toàn vẹn: ${verdict.count} bản ghi (${seconds} s).`);
    // Recorded elsewhere (minutes, a printout), the last hash also reveals entries removed from the end.
    if (verdict.count > 0) console.log(`Bản ghi cuối: số ${verdict.lastSeq}, mã băm ${verdict.lastHash}`);
    status = 0;
  } else {
    const b = verdict.broken;
    console.log(`Nhật ký KHÔNG toàn vẹn: bản ghi đầu tiên bị hỏng là số ${b.seq} (id ${b.id}, lúc ${formatDateTime(b.at)}, hành động ${b.action}).`);
    console.log(describeBreak(b));
    console.log(`${verdict.count} bản ghi trước đó hợp lệ (${seconds} s).`);
    status = 1;
  }
} catch (error) {
  console.error("Không kiểm tra được nhật ký:", error);
} finally {
  await pool.end();
  await db.stop();
}
process.exit(status);
