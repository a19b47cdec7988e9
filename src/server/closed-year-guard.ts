// The database's closed-year guard (migration closed_year_guard) refuses changes to a closed year's
// rows unless the transaction has set this flag. Set by the audited amendment (commands/amendments.ts)
// and by the seeds, which build years that are already closed; nothing else may.
import type { Tx } from "@/server/db";

/** For the rest of this transaction only (is_local), the guard lets a closed year's rows change. */
export async function allowClosedYearWrites(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT set_config('sothidua.amendment', 'on', true)`;
}
