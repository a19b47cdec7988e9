import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVi, nameSortKey, searchKey, textSortKey } from "@/domain/vietnamese";

// ---------------------------------------------------------------------------------------------------
// An independent model of Vietnamese alphabetical order, written from the rules rather than from the
// implementation: the 29 letters (plus f j w z in their Latin places), each vowel with its six tones
// spelled out as precomposed characters, tones in dictionary order ngang < huyền < hỏi < ngã < sắc < nặng.
// ---------------------------------------------------------------------------------------------------
const ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split(" ");
const TONED: Record<string, string> = {
  a: "aàảãáạ",
  ă: "ăằẳẵắặ",
  â: "âầẩẫấậ",
  e: "eèẻẽéẹ",
  ê: "êềểễếệ",
  i: "iìỉĩíị",
  o: "oòỏõóọ",
  ô: "ôồổỗốộ",
  ơ: "ơờởỡớợ",
  u: "uùủũúụ",
  ư: "ưừửữứự",
  y: "yỳỷỹýỵ",
};
const VOWELS = Object.keys(TONED);
const TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
const PLAIN: Record<string, string> = { ă: "a", â: "a", ê: "e", ô: "o", ơ: "o", ư: "u", đ: "d" };

/** Precomposed lower-case character → [letter index, tone]. */
const CHAR_MODEL = new Map<string, [number, number]>();
for (const letter of ALPHABET) CHAR_MODEL.set(letter, [ALPHABET.indexOf(letter), 0]);
for (const [letter, forms] of Object.entries(TONED)) [...forms].forEach((ch, tone) => CHAR_MODEL.set(ch, [ALPHABET.indexOf(letter), tone]));

type ModelName = { words: number[][]; tones: number[] };

function model(fullName: string): ModelName {
  const words = fullName.normalize("NFC").toLowerCase().trim().split(/\s+/).filter(Boolean);
  const ordered = [words[words.length - 1]!, ...words.slice(0, -1)];
  const out: ModelName = { words: [], tones: [] };
  for (const word of ordered) {
    const letters: number[] = [];
    let tone = 0;
    for (const ch of word) {
      const m = CHAR_MODEL.get(ch);
      if (!m) throw new Error(`model: unexpected character ${JSON.stringify(ch)} in ${fullName}`);
      letters.push(m[0]);
      if (m[1]) tone = m[1];
    }
    out.words.push(letters);
    out.tones.push(tone);
  }
  return out;
}

function compareSeq(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Letters first (given name, then family, then middle names; a prefix first), tones only for ties. */
function modelCompare(a: string, b: string): number {
  const ma = model(a);
  const mb = model(b);
  for (let i = 0; i < Math.min(ma.words.length, mb.words.length); i++) {
    const c = compareSeq(ma.words[i]!, mb.words[i]!);
    if (c) return c;
  }
  if (ma.words.length !== mb.words.length) return ma.words.length - mb.words.length;
  return compareSeq(ma.tones, mb.tones);
}

const sign = (n: number) => Math.sign(n);
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKey = (names: string[]) => [...names].sort((a, b) => compareKeys(nameSortKey(a), nameSortKey(b)));

// A syllable-ish word: letters from the whole alphabet, at most one toned vowel (as in real Vietnamese).
const wordArb = fc
  .record({
    letters: fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 6 }),
    tone: fc.integer({ min: 0, max: 5 }),
    pick: fc.nat(),
  })
  .map(({ letters, tone, pick }) => {
    const vowelAt = letters.map((l, i) => (VOWELS.includes(l) ? i : -1)).filter((i) => i >= 0);
    if (vowelAt.length && tone) {
      const at = vowelAt[pick % vowelAt.length]!;
      letters[at] = [...TONED[letters[at]!]!][tone]!;
    }
    return letters.join("");
  });
const nameArb = fc.array(wordArb, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

/** The same name as people's keyboards and files deliver it: NFD, "composite" (ê + tone mark), capitals, extra spaces. */
const spellingArb = (name: string) =>
  fc.record({ form: fc.constantFrom("NFC", "NFD", "composite"), upper: fc.constantFrom("none", "initials", "all"), pad: fc.boolean() }).map(({ form, upper, pad }) => {
    let s = name;
    if (upper === "initials") s = s.replace(/(^|\s)(\S)/gu, (_m, sp: string, ch: string) => sp + ch.toUpperCase());
    if (upper === "all") s = s.toUpperCase();
    if (form === "NFD") s = s.normalize("NFD");
    if (form === "composite") {
      // Unikey's "Unicode tổ hợp": the letter (ê, ư…) precomposed, the tone as a combining mark.
      s = [...s.normalize("NFC")]
        .map((ch) => {
          const m = CHAR_MODEL.get(ch.toLowerCase());
          if (!m || m[1] === 0) return ch;
          const letter = ALPHABET[m[0]]!;
          return (ch === ch.toLowerCase() ? letter : letter.toUpperCase()) + TONE_MARKS[m[1]];
        })
        .join("");
    }
    return pad ? `  ${s.replace(/ /g, " \t ")}  ` : s;
  });

describe("the test's own model", () => {
  it("spells 12 vowels × 6 tones as distinct precomposed characters whose marks match the tone", () => {
    const all = Object.values(TONED).flatMap((f) => [...f]);
    expect(new Set(all).size).toBe(72);
    for (const [letter, forms] of Object.entries(TONED)) {
      [...forms].forEach((ch, tone) => {
        expect(ch.normalize("NFC")).toBe(ch);
        expect(ch).toHaveLength(1);
        expect((letter + TONE_MARKS[tone]).normalize("NFC")).toBe(ch);
      });
    }
  });
});

describe("searchKey", () => {
  it("drops diacritics and case, and folds đ/Đ to d", () => {
    expect(searchKey("Nguyễn Văn An")).toBe("nguyen van an");
    expect(searchKey("ĐẶNG ĐÌNH ĐỘ")).toBe("dang dinh do");
    expect(searchKey("đinh thị đào")).toBe("dinh thi dao");
    expect(searchKey("Trương Thị Ưng Ơn Ốc Ẩn Ặc")).toBe("truong thi ung on oc an ac");
  });

  it("gives the same key for precomposed, decomposed and composite (letter + tone mark) input", () => {
    const precomposed = "Nguyễn Thị Phượng";
    const decomposed = precomposed.normalize("NFD");
    const composite = "Nguyê\u0303n Thi\u0323 Phươ\u0323ng";
    expect(decomposed).not.toBe(precomposed);
    expect(searchKey(decomposed)).toBe("nguyen thi phuong");
    expect(searchKey(composite)).toBe("nguyen thi phuong");
    expect(searchKey(precomposed)).toBe("nguyen thi phuong");
  });

  it("collapses and trims whitespace of every kind", () => {
    expect(searchKey("  Nguyễn \t Văn\u00a0\nAn  ")).toBe("nguyen van an");
    expect(searchKey("   ")).toBe("");
    expect(searchKey("")).toBe("");
  });

  it("folds the look-alike Ð/ð (U+00D0/U+00F0) that legacy font converters produce", () => {
    expect(searchKey("Ðỗ Ðức")).toBe("do duc");
  });

  it("makes 'nguyen van' and 'đ' → 'd' queries find the names (what the officer search relies on)", () => {
    expect(searchKey("Nguyễn Văn Đức").includes(searchKey("nguyen van"))).toBe(true);
    expect(searchKey("Nguyễn Văn Đức").includes(searchKey("NGUYỄN VĂN"))).toBe(true);
    expect(searchKey("Trần Đức Dũng").includes(searchKey("duc dung"))).toBe(true);
    expect(searchKey("Trần Đức Dũng").includes(searchKey("đức"))).toBe(true);
  });

  it("maps every Vietnamese name to plain a–z and spaces", () => {
    fc.assert(
      fc.property(nameArb.chain(spellingArb), (name) => {
        expect(searchKey(name)).toMatch(/^[a-z]+( [a-z]+)*$/);
      }),
    );
  });

  it("agrees with a letter-by-letter fold of the model", () => {
    fc.assert(
      fc.property(nameArb, (name) => {
        const folded = [...name].map((ch) => {
          if (ch === " ") return ch;
          const [letter] = CHAR_MODEL.get(ch)!;
          const l = ALPHABET[letter]!;
          return PLAIN[l] ?? l;
        });
        expect(searchKey(name)).toBe(folded.join("").replace(/\s+/g, " "));
      }),
    );
  });

  it("is idempotent on any text", () => {
    const idempotent = (s: string) => {
      expect(searchKey(searchKey(s))).toBe(searchKey(s));
    };
    fc.assert(fc.property(fc.string({ unit: "binary" }), idempotent), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), idempotent), { numRuns: 1000 });
    fc.assert(fc.property(nameArb.chain(spellingArb), idempotent));
  });

  it("depends only on the NFC form of the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(searchKey(s.normalize("NFD"))).toBe(searchKey(s.normalize("NFC")));
      }),
    );
  });
});

describe("nameSortKey", () => {
  // Hand-sorted the way a Vietnamese list of personnel is: by given name, then family name, then middle
  // name; letters a < ă < â < b … d < đ … o < ô < ơ … u < ư; tones only break ties.
  const SORTED = [
    "Nguyễn Văn An", // an
    "Trần Văn An", // an, same given name: family Nguyễn < Trần
    "Trần Thị Ánh", // "an" is a prefix of "anh"
    "Phạm Thiên Ân", // a < â
    "Lê Văn Bình",
    "Võ Thị Cúc",
    "Hoàng Văn Dũng", // d-u-n
    "Phan Văn Duy", // d-u-y (n < y)
    "Bùi Quốc Đạt", // d < đ, whatever follows
    "Lê Thị Hạ", // ha; family Lê < Nguyễn decides before any tone
    "Nguyễn Thị Hà",
    "Trần Văn Hai", // "ha" is a prefix of "hai"
    "Trần Văn Hải", // same letters everywhere: ngang < hỏi
    "Đỗ Thị Hạnh", // i < n
    "Ngô Thị Hằng", // a < ă (ASCII would put "hang" before "hanh")
    "Mai Thị Hân", // ă < â
    "Nguyễn Văn Long", // o < ô (ASCII would put "loc" before "long")
    "Trịnh Văn Lộc",
    "Đặng Anh Tuấn", // u-â < u-n
    "Hồ Thanh Tùng",
    "Lý Văn Tư", // u < ư
  ];

  it("orders a hand-sorted list of names", () => {
    const shuffled = SORTED.map((_, i) => SORTED[(i * 5 + 3) % SORTED.length]!); // 5 is coprime with 21
    expect(new Set(shuffled).size).toBe(SORTED.length);
    expect(byKey(shuffled)).toEqual(SORTED);
    // …and the model agrees with the hand sort.
    expect([...shuffled].sort(modelCompare)).toEqual(SORTED);
  });

  it("gives the same key whatever the spelling of the same name", () => {
    for (const name of SORTED) {
      const key = nameSortKey(name);
      expect(nameSortKey(name.normalize("NFD"))).toBe(key);
      expect(nameSortKey(name.toUpperCase())).toBe(key);
      expect(nameSortKey(`  ${name.replace(/ /g, "   ")} `)).toBe(key);
    }
    expect(nameSortKey("Nguyê\u0303n Thi\u0323 Phươ\u0323ng")).toBe(nameSortKey("Nguyễn Thị Phượng"));
    // Tone mark typed before the circumflex: still ế.
    expect(nameSortKey("Nguye\u0301\u0302t")).toBe(nameSortKey("Nguyết"));
  });

  it("reads letters under a dot-below tone correctly (NFD puts U+0323 before the circumflex/breve)", () => {
    const before = (a: string, b: string) => expect(nameSortKey(a) < nameSortKey(b), `${a} < ${b}`).toBe(true);
    before("Lê", "Lệ"); // same letters, ngang < nặng
    before("Long", "Lộc");
    before("Hạnh", "Hặc"); // ạ is a, ặ is ă
    before("Tuấn", "Tuận");
    before("Hiển", "Hiệp"); // n < p
  });

  it("puts a name whose letters are a prefix of another's first, whatever the tones", () => {
    const before = (a: string, b: string) => expect(nameSortKey(a) < nameSortKey(b), `${a} < ${b}`).toBe(true);
    before("Lê Ạnh", "Lê Văn Ạnh"); // no middle name first
    before("Lê Ạnh", "Lê Văn Anh");
    before("Ạn", "Anh");
    before("Nguyễn Văn An", "Nguyễn Văn Anh");
  });

  it("ignores words without letters and returns '' for an empty name", () => {
    expect(nameSortKey("Nguyễn Văn An -")).toBe(nameSortKey("Nguyễn Văn An"));
    expect(nameSortKey("")).toBe("");
    expect(nameSortKey("   ")).toBe("");
  });

  it("produces digit-only keys that fit the column (VarChar 600) for a 120-character name", () => {
    const longest = Array.from({ length: 60 }, () => "ư").join(" ").slice(0, 120);
    expect(nameSortKey(longest)).toMatch(/^[0-9]+$/);
    expect(nameSortKey(longest).length).toBeLessThanOrEqual(600);
    expect(nameSortKey("ư".repeat(120)).length).toBeLessThanOrEqual(600);
  });

  it("orders any two names exactly as the model does (a total order on names)", () => {
    fc.assert(
      fc.property(nameArb, nameArb, (a, b) => {
        expect(sign(compareKeys(nameSortKey(a), nameSortKey(b)))).toBe(sign(modelCompare(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives equal keys exactly to names the model treats as equal, however they are spelled", () => {
    fc.assert(
      fc.property(
        nameArb.chain((n) => fc.tuple(fc.constant(n), spellingArb(n))),
        nameArb,
        ([name, respelled], other) => {
          expect(nameSortKey(respelled)).toBe(nameSortKey(name));
          expect(nameSortKey(name) === nameSortKey(other)).toBe(modelCompare(name, other) === 0);
        },
      ),
    );
  });

  it("sorts lists the same way as the model", () => {
    fc.assert(
      fc.property(fc.array(nameArb, { maxLength: 30 }), (names) => {
        const sortedByKey = byKey(names);
        for (let i = 1; i < sortedByKey.length; i++) expect(modelCompare(sortedByKey[i - 1]!, sortedByKey[i]!)).toBeLessThanOrEqual(0);
        const sortedByModel = [...names].sort(modelCompare);
        for (let i = 1; i < sortedByModel.length; i++) {
          expect(nameSortKey(sortedByModel[i - 1]!) <= nameSortKey(sortedByModel[i]!)).toBe(true);
        }
      }),
    );
  });

  it("depends only on the NFC form of any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(nameSortKey(s.normalize("NFD"))).toBe(nameSortKey(s.normalize("NFC")));
      }),
    );
  });
});

describe("textSortKey", () => {
  it("keeps word order and sorts numbers by value", () => {
    const units = ["Đội 1", "Đội 2", "Đội 10", "Đội Cảnh sát", "Phòng 3", "Phòng An ninh mạng"];
    const sorted = [...units].reverse().sort((a, b) => compareKeys(textSortKey(a), textSortKey(b)));
    expect(sorted).toEqual(units);
    expect(textSortKey("Đội 02")).toBe(textSortKey("Đội 2"));
  });

  it("orders unit names by their first word first (unlike person names)", () => {
    const names = ["Bộ Tư lệnh Cảnh vệ", "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Cục Kỹ thuật nghiệp vụ", "Cục Ngoại tuyến", "Cục Quản lý xuất nhập cảnh"];
    expect([...names].reverse().sort((a, b) => compareKeys(textSortKey(a), textSortKey(b)))).toEqual(names);
  });
});

describe("compareVi", () => {
  it("compares case- and diacritic-insensitively at base strength, numbers by value", () => {
    expect(compareVi("an", "An")).toBe(0);
    expect(compareVi("Đội 2", "Đội 10")).toBeLessThan(0);
  });
});
