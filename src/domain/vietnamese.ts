// Vietnamese text helpers: diacritic-insensitive search keys and alphabetical sort keys.
// Pure functions, no framework imports.

/** Lower-case, diacritics removed, đ → d, spaces collapsed: "  Nguyễn  Văn" → "nguyen van". */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    // Đ/đ have no decomposition; Ð/ð (U+00D0/U+00F0) are look-alikes that legacy converters produce.
    .replace(/[đĐðÐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// The Vietnamese alphabet in order. Each letter gets a two-digit code (20..52); a number is "1" + its
// digit count, then "1" + each digit (so numbers come before letters and 2 < 10). Keys are made of
// digits only, so they compare the same way in every collation, and "00" can separate words.
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

const COMBINING = /[\u0300-\u036f]/;

/**
 * One word as letter codes plus its tone. A base letter takes every combining mark that follows it,
 * in any order: NFD puts the dot below (U+0323) before the circumflex/breve, so "ộ" is o + ̣ + ̂, and
 * Unicode-composite input ("ê" + ́) may put the tone anywhere.
 */
function encodeWord(word: string): { letters: string; tone: string } {
  let letters = "";
  let tone = "0";
  const chars = [...word.toLowerCase().normalize("NFD")];
  let i = 0;
  while (i < chars.length) {
    let letter = chars[i++]!;
    if (letter === "ð") letter = "đ";
    while (i < chars.length && COMBINING.test(chars[i]!)) {
      const mark = chars[i++]!;
      const toneCode = TONE_ORDER[mark];
      if (toneCode) tone = toneCode;
      else letter = LETTER_MARKS[letter]?.[mark] ?? letter;
    }
    if (/[0-9]/.test(letter)) {
      // A run of digits is one number: "2" < "10" (sub-units "Đội 2", "Đội 10" sort as people expect).
      let digits = letter;
      while (i < chars.length && /[0-9\u0300-\u036f]/.test(chars[i]!)) {
        if (/[0-9]/.test(chars[i]!)) digits += chars[i];
        i++;
      }
      digits = digits.replace(/^0+(?=.)/, "");
      letters += `1${Math.min(digits.length, 9)}${[...digits].map((d) => `1${d}`).join("")}`;
      continue;
    }
    const code = LETTER_CODE.get(letter);
    if (code) letters += code;
  }
  return { letters, tone };
}

/**
 * Words (letters 2 digits each, "00" between words), then "000", then one tone digit per word.
 * Every letter code starts with 1–5, so after the "00" that ends the letters a "0" sorts before any
 * further word: a name whose letters are a prefix of another's comes first whatever its tones.
 * Words without any letter or digit ("-", "(") are left out.
 */
function encodeWords(words: string[], givenNameFirst: boolean): string {
  let encoded = words.map(encodeWord).filter((w) => w.letters !== "");
  if (encoded.length === 0) return "";
  if (givenNameFirst) encoded = [encoded[encoded.length - 1]!, ...encoded.slice(0, -1)];
  return `${encoded.map((w) => w.letters).join("00")}000${encoded.map((w) => w.tone).join("")}`;
}

/**
 * A key whose plain string order is Vietnamese alphabetical order of names: given name (the last
 * word) first, then family and middle names; letters first (a < ă < â …), tones only to break ties.
 */
export function nameSortKey(fullName: string): string {
  return encodeWords(fullName.trim().split(/\s+/), true);
}

/** A key for titles such as unit names: word order kept, otherwise as nameSortKey. */
export function textSortKey(text: string): string {
  return encodeWords(text.trim().split(/\s+/), false);
}

const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
/** For sorting small in-memory lists the way Vietnamese readers expect. */
export const compareVi = (a: string, b: string) => collator.compare(a, b);
