// Hostile values shared by the unit and integration fuzz tests: very long strings, Unicode tricks,
// SQL / HTML / formula payloads, numbers in odd spellings, wrong types, malformed dates and ids.
import fc from "fast-check";

/** One seed for every property so CI is deterministic; FUZZ_SEED=<n> replays or varies a run. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20211119);
/** Runs per property; FUZZ_RUNS=<n> for a longer local soak. */
export const fuzzRuns = (ciDefault: number) => Number(process.env.FUZZ_RUNS ?? ciDefault);

/** fc.assert parameters: fixed seed, and the seed printed with the counterexample on failure. */
export function fuzzParams<T>(numRuns: number): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns,
    reporter: (details) => {
      if (details.failed) {
        const cause = details.errorInstance instanceof Error ? `\n${details.errorInstance.message}` : "";
        throw new Error(`${fc.defaultReportMessage(details)}${cause}\n(FUZZ_SEED=${FUZZ_SEED}; replay with FUZZ_SEED=${FUZZ_SEED})`);
      }
    },
  };
}

export const UNICODE_TRICKS = [
  "Nguye\u0302\u0303n Va\u0306n An", // NFD "Nguyễn Văn An" (decomposed)
  "Nguyễn Văn An",
  "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining marks ("zalgo")
  "An\u200d\u200b\u200c\ufeffh", // zero-width joiner / space / non-joiner / BOM
  "\u202eabc.exe\u202c", // RTL override
  "\u0410dmin", // Cyrillic А homoglyph
  "раураl", // all-Cyrillic homoglyphs of "paypal"
  "\ud800", // lone high surrogate
  "x\udc00y", // lone low surrogate
  "\u0000", // NUL
  "abc\u0000def",
  "\u0001\u0007\u001b[31m\u007f",
  "line1\nline2\r\nline3\ttab",
  "😀👨‍👩‍👧‍👦🇻🇳",
  "１２３４", // full-width digits
  "٣", // Arabic-Indic digit
  "\u00a0\u2003 \u3000", // exotic spaces only
  "İı", // case-mapping traps
  "ß",
  "\u2028\u2029",
  "\u0958", // a composition exclusion: NFC turns 1 code unit into 2 (U+0915 U+093C)
];

/** Strings that grow under NFC, at the lengths the schemas commonly cap at. */
const NFC_GROWERS = [32, 40, 60, 100, 120, 200, 300, 500, 1000, 2000].map((n) => "\u0958".repeat(n));

export const SQL_PAYLOADS = [
  "' OR 1=1 --",
  "'; DROP TABLE \"Officer\"; --",
  "\\x00",
  "1; SELECT pg_sleep(5)",
  "\" OR \"\"=\"",
  "$1",
  "%_%",
  "\\",
];

export const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "\"><svg onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "&lt;b&gt;&amp;",
];

export const FORMULA_PAYLOADS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "=1+1"];

export const NUMBER_STRINGS = ["1e308", "1e-7", "NaN", "Infinity", "-Infinity", "-0", "0x10", "99999999999999999999999", "1,5", "1.5", " 7 ", "", "-1", "0"];

export const DATE_STRINGS = ["31/02/2022", "2022-13-01", "0000-00-00", "00/00/0000", "29/02/2021", "2022-02-30", "1/1/1", "99/99/9999", "2022-01-01T00:00:00Z", "01/01/275760"];

export const UUIDS = [
  "00000000-0000-4000-8000-000000000000", // valid, unknown
  "ffffffff-ffff-4fff-bfff-ffffffffffff",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
  "0000000-0000-4000-8000-000000000000",
  "{00000000-0000-4000-8000-000000000000}",
  "00000000-0000-4000-8000-000000000000'--",
];

const POLLUTION = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

/** A very long string (10k–1M characters) built from a hostile seed. */
export const longString = fc
  .tuple(fc.constantFrom("a", "ễ", "e\u0302\u0303", "<script>", "\u200b", "😀", "' OR 1=1 --", " "), fc.integer({ min: 10_000, max: 1_000_000 }))
  .map(([unit, len]) => unit.repeat(Math.ceil(len / unit.length)).slice(0, len));

/** Every listed payload, for checks that must not depend on what the random generator happens to pick. */
export const LISTED_PAYLOADS: readonly string[] = [
  ...UNICODE_TRICKS, ...SQL_PAYLOADS, ...HTML_PAYLOADS, ...FORMULA_PAYLOADS, ...NUMBER_STRINGS, ...DATE_STRINGS, ...UUIDS,
  ...UNICODE_TRICKS.map((t) => `Nguyễn Văn An${t}`),
  ...NFC_GROWERS,
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NFC_GROWERS),
  fc.constantFrom(...UNICODE_TRICKS, ...SQL_PAYLOADS, ...HTML_PAYLOADS, ...FORMULA_PAYLOADS, ...NUMBER_STRINGS, ...DATE_STRINGS, ...UUIDS, ...POLLUTION),
  fc.string({ unit: "binary", maxLength: 40 }), // any code point, surrogates included
  fc.string({ unit: "grapheme-composite", maxLength: 30 }),
  fc.string({ maxLength: 300 }),
  // a plausible prefix with a payload glued on
  fc.tuple(fc.constantFrom("Nguyễn Văn An", "KTNV-01", "Ghi chú", "2022"), fc.constantFrom(...NFC_GROWERS),
  fc.constantFrom(...UNICODE_TRICKS, ...SQL_PAYLOADS, ...HTML_PAYLOADS)).map(([a, b]) => a + b),
  { arbitrary: longString, weight: 1 },
);

const wrongScalar = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, 1e308, -1),
  fc.double(),
  fc.integer(),
  fc.bigInt().map((b) => b as unknown),
);

/** Wrong types: arrays, objects (prototype-pollution keys too), numbers, booleans, null, undefined. */
export const wrongType: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    wrongScalar,
    fc.array(fc.oneof(hostileString, wrongScalar), { maxLength: 4 }),
    fc.constantFrom<unknown>(
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
      Object.create(null),
      [[[]]],
      { toString: "x", valueOf: 1 },
      new Date("invalid"),
      new Date(0),
    ),
    fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTION), fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** Anything a hostile client could send in place of one field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof({ arbitrary: hostileString, weight: 4 }, { arbitrary: wrongType, weight: 2 });

/** A hostile whole input: not even an object, or an object with hostile keys. */
export const hostileInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.dictionary(fc.oneof(fc.constantFrom(...POLLUTION), fc.string({ maxLength: 12 })), hostileValue, { maxKeys: 6 }),
);

/** Replace some of `keys` (at least one) in `base` by hostile values, or delete them. */
export function mutatedInput(base: Record<string, unknown>, keys: string[]): fc.Arbitrary<{ input: Record<string, unknown>; replaced: string[] }> {
  const ks = keys.length ? keys : Object.keys(base);
  return fc
    .tuple(
      fc.subarray(ks, { minLength: Math.min(1, ks.length) }),
      fc.array(fc.oneof({ arbitrary: hostileValue, weight: 9 }, { arbitrary: fc.constant(DELETE), weight: 1 }), { minLength: ks.length, maxLength: ks.length }),
      fc.boolean(),
    )
    .map(([chosen, values, extraKey]) => {
      const input: Record<string, unknown> = { ...base };
      chosen.forEach((k, i) => {
        if (values[i] === DELETE) delete input[k];
        else input[k] = values[i];
      });
      // Sometimes a stray prototype-pollution key rides along.
      if (extraKey) Object.defineProperty(input, "__proto__", { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
      return { input, replaced: chosen };
    });
}

const DELETE = Symbol("delete");

/** Strings Postgres cannot store as sent (NUL) or would silently alter (lone surrogates → U+FFFD). */
export function unstorable(s: string): boolean {
  return s.includes("\u0000") || !s.isWellFormed();
}
