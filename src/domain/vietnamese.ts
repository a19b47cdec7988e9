// Vietnamese text helpers: diacritic-insensitive search keys and alphabetical sort keys.
// Pure functions, no framework imports.

/** Lower-case, diacritics removed, đ → d, spaces collapsed: "  Nguyễn  Văn" → "nguyen van". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// The Vietnamese alphabet in order. Each letter gets a two-digit code (20..), digits 10..19, so that
// keys made of digits only compare the same way in every collation, and "00" can separate words.
const ALPHABET = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"];
const LETTER_CODE = new Map(ALPHABET.map((letter, i) => [letter, String(20 + i)]));
// Tones in the traditional dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_ORDER: Record<string, string> = { "\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5" };
// Combining marks that make a distinct letter (ă â ê ô ơ ư), as opposed to tones.
const LETTER_MARKS: Record<string, Record<string, string>> = {
  a: { "\u0306": "ă", "\u0302": "â" },
  e: { "\u0302": "ê" },
  o: { "\u0302": "ô", "\u031b": "ơ" },
  u: { "\u031b": "ư" },
};

function encodeWord(word: string): { letters: string; tones: string } {
  let letters = "";
  let tone = "0";
  const chars = [...word.toLowerCase().normalize("NFD")];
  for (let i = 0; i < chars.length; i++) {
    let ch = chars[i]!;
    if (TONE_ORDER[ch]) {
      tone = TONE_ORDER[ch]!;
      continue;
    }
    const marked = LETTER_MARKS[ch]?.[chars[i + 1] ?? ""];
    if (marked) {
      ch = marked;
      i++;
    }
    if (/[\u0300-\u036f]/.test(ch)) continue;
    const code = LETTER_CODE.get(ch);
    if (code) letters += code;
    else if (/[0-9]/.test(ch)) letters += String(10 + Number(ch));
  }
  return { letters, tones: tone };
}

/**
 * A key whose plain string order is Vietnamese alphabetical order of names: given name (the last
 * word) first, then family and middle names; letters first (a < ă < â …), tones only to break ties.
 */
export function nameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const ordered = [words[words.length - 1]!, ...words.slice(0, -1)];
  const encoded = ordered.map(encodeWord);
  return `${encoded.map((w) => w.letters).join("00")}00${encoded.map((w) => w.tones).join("")}`;
}

/** A key for titles such as unit names: word order kept, otherwise as nameSortKey. */
export function textSortKey(text: string): string {
  const encoded = text.trim().split(/\s+/).filter(Boolean).map(encodeWord);
  return `${encoded.map((w) => w.letters).join("00")}00${encoded.map((w) => w.tones).join("")}`;
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
/** For sorting small in-memory lists the way Vietnamese readers expect. */
export const compareVi = (a: string, b: string) => collator.compare(a, b);
