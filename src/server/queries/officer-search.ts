// The one officer search used by every list: diacritic- and case-insensitive, by words of the name or by code.
import type { Prisma } from "@/generated/prisma/client";
import { searchKey } from "@/domain/vietnamese";

/** Prisma passes contains/startsWith text into LIKE unescaped (6.19): make %, _ and \ match themselves. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * Each word must begin a word of the name ("an" finds "Nguyễn Văn An", not "Lan" or "Tuấn"), or the
 * text is in the code. Null when there is nothing to search for.
 */
export function officerSearchWhere(query: string): Prisma.OfficerWhereInput | null {
  const q = query.trim().slice(0, 100);
  const words = searchKey(q).split(" ").filter(Boolean).slice(0, 8).map(likeLiteral);
  if (!words.length) return null;
  const nameHas = (w: string): Prisma.OfficerWhereInput => ({ OR: [{ searchName: { startsWith: w } }, { searchName: { contains: ` ${w}` } }] });
  return { OR: [{ AND: words.map(nameHas) }, { code: { contains: likeLiteral(q.toUpperCase()) } }] };
}
