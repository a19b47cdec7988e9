// What every section of the criteria editor needs to know about the table it edits.
import type { LoadedTable } from "@/server/store/criteria-table";

export type Ctx = { yearId: string; tableId: string; frozen: boolean; editable: boolean; table: LoadedTable };

/** "Mục I" → "mục I", "Điểm thưởng" → "điểm thưởng" (Roman numerals keep their case). */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
