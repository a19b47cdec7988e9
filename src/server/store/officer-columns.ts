// The stored columns of an officer, shared by the officer form and the Excel import: the derived
// search and sort keys always follow the full name.
import { nameSortKey, searchKey } from "@/domain/vietnamese";

export type OfficerFields = { code: string; fullName: string; rank: string; position: string; subUnitId: string | null };

/** The stored columns for an officer's values, with the derived search and sort keys kept in step. */
export function officerColumns(o: OfficerFields) {
  return {
    code: o.code,
    fullName: o.fullName,
    searchName: searchKey(o.fullName).slice(0, 120),
    sortKey: nameSortKey(o.fullName),
    rank: o.rank,
    position: o.position,
    subUnitId: o.subUnitId,
  };
}
