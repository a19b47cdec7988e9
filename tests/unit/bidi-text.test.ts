// Free text loses Unicode's bidirectional controls (src/domain/validation.ts): an override or isolate
// would make a stored text display differently from what it says, e.g. a decision number or a reason.
import { describe, expect, it } from "vitest";
import { optionalMultilineText, optionalText, reasonText, requiredText } from "@/domain/validation";

const CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];

describe("bidirectional controls in free text", () => {
  it("are removed by every shared text field, whatever the control, and the rest is kept", () => {
    for (const c of CONTROLS) {
      const input = `${c} Quyết định số ${c}3202/QĐ-BCA${c} `;
      expect(requiredText("Số quyết định", 120).parse(input)).toBe("Quyết định số 3202/QĐ-BCA");
      expect(optionalText("Ghi chú", 120).parse(input)).toBe("Quyết định số 3202/QĐ-BCA");
      expect(reasonText("Lý do", "Thiếu lý do").parse(`${input}\nđã sửa ${c}lại`)).toBe("Quyết định số 3202/QĐ-BCA \nđã sửa lại");
      expect(optionalMultilineText("Hướng dẫn", 200).parse(input)).toBe("Quyết định số 3202/QĐ-BCA");
    }
  });

  it("a text made only of controls is empty: required text says so, optional text is none", () => {
    const r = requiredText("Người ký", 120).safeParse("\u202e\u2066\u200f");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("Người ký là bắt buộc.");
    expect(optionalText("Ghi chú", 120).parse("\u202e")).toBeNull();
  });

  it("the length limit counts what is stored, without the controls", () => {
    expect(requiredText("Tên", 5).parse("\u202eABCDE\u202c")).toBe("ABCDE");
  });

  it("Vietnamese text, other scripts and joiners are untouched", () => {
    const text = "Cục Kỹ thuật nghiệp vụ — Nguyễn Thị Hằng; עברית العربية; 👩‍💻";
    expect(requiredText("Tên", 200).parse(text)).toBe(text.normalize("NFC"));
  });
});
