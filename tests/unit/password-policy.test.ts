import { describe, expect, it } from "vitest";
import {
  PASSWORD_HAS_USERNAME,
  PASSWORD_INVALID_CHARACTERS,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULES,
  PASSWORD_TOO_COMMON,
  PASSWORD_TOO_LONG,
  PASSWORD_TOO_SHORT,
  passwordProblems,
} from "@/domain/password-policy";
import { COMMON_PASSWORDS } from "@/domain/common-passwords";
import { DEMO_ACCOUNTS } from "@/server/seed/demo";

describe("the password policy", () => {
  it("accepts a long, personal password", () => {
    expect(passwordProblems("Hoa-sen-trong-dam-2022", "canbo.ktnv")).toEqual([]);
    expect(passwordProblems("Đường lên Tây Bắc 1979", "lanhdao.nt")).toEqual([]);
  });

  it(`needs at least ${PASSWORD_MIN_LENGTH} characters, counted as stored (NFC), and at most 200`, () => {
    expect(passwordProblems("Ngan-9chu", "x.y")).toEqual([PASSWORD_TOO_SHORT]);
    expect(passwordProblems("Ngan-10chu", "x.y")).toEqual([]);
    // "ộ" typed as o + two combining marks is one character once stored.
    expect(passwordProblems("Cô-độc-92\u006f\u0323\u0302", "x.y")).toEqual([]);
    expect(passwordProblems("Bo-o\u0323\u0302-9", "x.y")).toEqual([PASSWORD_TOO_SHORT]);
    expect(passwordProblems("z".repeat(150) + "Q".repeat(51), "x.y")).toEqual([PASSWORD_TOO_LONG]);
  });

  it("refuses a lone surrogate (it would be hashed as U+FFFD)", () => {
    expect(passwordProblems("Mat-khau-\ud800-dai", "x.y")).toEqual([PASSWORD_INVALID_CHARACTERS]);
  });

  it("refuses a password holding the username, in any case", () => {
    expect(passwordProblems("canbo.ktnv", "canbo.ktnv")).toContain(PASSWORD_HAS_USERNAME);
    expect(passwordProblems("Xin-chao-CANBO.KTNV", "canbo.ktnv")).toEqual([PASSWORD_HAS_USERNAME]);
    expect(passwordProblems("canbo-ktnv-2022", "canbo.ktnv")).toEqual([]);
  });

  it("refuses the common passwords, also padded with digits and signs at the end, and one character repeated", () => {
    for (const p of ["1234567890", "qwertyuiop", "Password123", "P@ssw0rd!!!!", "matkhau@123", "Matkhau2024!", "ADMIN@123456", "iloveyou2022", "123456789a", "anhyeuem1234", "Bocongan@2024", "0000000000", "zzzzzzzzzzzz"]) {
      expect(passwordProblems(p, "x.y"), p).toContain(PASSWORD_TOO_COMMON);
    }
    // Only the end is taken off: a common word inside a longer password is not the common password.
    expect(passwordProblems("matkhau-cua-toi-rat-dai", "x.y")).toEqual([]);
  });

  it("lists every rule a password breaks", () => {
    expect(passwordProblems("admin", "admin")).toEqual([PASSWORD_TOO_SHORT, PASSWORD_HAS_USERNAME, PASSWORD_TOO_COMMON]);
  });

  it("keeps its list short, lower-case and free of duplicates; says its rules in Vietnamese next to the field", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(100);
    expect(COMMON_PASSWORDS.size).toBeLessThan(400);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
    expect(PASSWORD_RULES).toContain(`Ít nhất ${PASSWORD_MIN_LENGTH} ký tự`);
    expect(PASSWORD_RULES).toContain("tên đăng nhập");
    expect(PASSWORD_RULES).toContain("phổ biến");
  });

  it("the demo accounts' password meets it (the seed sets it without the admin, so without a forced change)", () => {
    expect(DEMO_ACCOUNTS.length).toBeGreaterThan(0);
    for (const account of DEMO_ACCOUNTS) expect(passwordProblems(account.password, account.username), account.username).toEqual([]);
  });
});
