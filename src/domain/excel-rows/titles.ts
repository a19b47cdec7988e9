// Titles found by code, short name or full name.
import { INDIVIDUAL_TITLES, type IndividualTitle } from "../eligibility/types";
import { fail, looseKey, okValue, quoteValue, textValue, type Checked } from "./values";

export type TitleInfo = { code: string; name: string; shortName: string; kind: "INDIVIDUAL" | "COLLECTIVE"; active: boolean };
/** Lookup by loose key; null when two titles share the key (then it cannot be used). */
export type TitleIndex = Map<string, TitleInfo | null>;

export function buildTitleIndex(titles: readonly TitleInfo[]): TitleIndex {
  const index: TitleIndex = new Map();
  for (const title of titles) {
    for (const name of new Set([title.code, title.shortName, title.name].map(looseKey))) {
      if (name === "") continue;
      const other = index.get(name);
      index.set(name, other === undefined || other?.code === title.code ? title : null);
    }
  }
  return index;
}

const ENGINE_TITLES = new Set<string>(INDIVIDUAL_TITLES);

/** An individual title the rules engine knows, from its code, short name or full name. */
export function individualTitleValue(value: unknown, index: TitleIndex, label: string): Checked<IndividualTitle | null> {
  const t = textValue(value, label, 200);
  if (!t.ok) return t;
  if (t.value === null) return okValue(null);
  const found = index.get(looseKey(t.value));
  if (found === null) return fail(`${label}: ${quoteValue(t.value)} trùng tên với nhiều danh hiệu; hãy ghi mã danh hiệu.`);
  if (!found) return fail(`${label}: không có danh hiệu ${quoteValue(t.value)} trong danh mục (ví dụ: CST, CSTĐCS, CSTĐ CAND, CSTĐ toàn quốc).`);
  if (found.kind !== "INDIVIDUAL") return fail(`${label}: “${found.name}” là danh hiệu tập thể; ở đây chỉ ghi danh hiệu cá nhân.`);
  if (!found.active) return fail(`${label}: danh hiệu “${found.name}” đã ngừng sử dụng.`);
  if (!ENGINE_TITLES.has(found.code)) return fail(`${label}: danh hiệu “${found.name}” chưa được hệ thống xét điều kiện; không nhập được từ tệp.`);
  return okValue(found.code as IndividualTitle);
}
