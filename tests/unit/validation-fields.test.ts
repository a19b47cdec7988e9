// The shared form-field helpers of src/domain/validation.ts: one dd/mm/yyyy reader (dateText) and one
// reader of a form's ticked list of units (tickedIds), used by several commands.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateText, optionalDate, tickedIds } from "@/domain/validation";

const U1 = "0b6f4d0e-6c1a-4a53-9d55-1f0e8f2b7a11";
const U2 = "7c2e9a40-3b5d-4f6e-8a1b-2c3d4e5f6a7b";

describe("dateText", () => {
  const field = dateText((text) => `Ngày: "${text}" không hợp lệ.`);

  it("reads dd/mm/yyyy as yyyy-mm-dd, and blank or absent as null", () => {
    expect(field.parse("19/11/2021")).toBe("2021-11-19");
    expect(field.parse(" 01/02/2022 ")).toBe("2022-02-01");
    expect(field.parse("")).toBeNull();
    expect(field.parse("   ")).toBeNull();
    expect(field.parse(undefined)).toBeNull();
  });

  it("refuses a text that is no date with the caller's message, naming the text", () => {
    const out = field.safeParse("31/02/2022");
    expect(out.success).toBe(false);
    expect(out.error!.issues[0]!.message).toBe('Ngày: "31/02/2022" không hợp lệ.');
  });

  it("keeps optionalDate's own message", () => {
    const out = optionalDate("Ngày quyết định").safeParse("2022-01-01");
    expect(out.error!.issues[0]!.message).toBe("Ngày quyết định phải theo dạng dd/mm/yyyy (ví dụ 15/12/2021).");
  });
});

describe("tickedIds", () => {
  const schema = z.looseObject({}).transform((o, ctx) => tickedIds(o, ctx, "unit_", "units"));

  it("keeps the ticked ids once, lower-cased, in the form's order", () => {
    expect(schema.parse({ [`unit_${U2}`]: "on", [`unit_${U1.toUpperCase()}`]: "true", [`unit_${U1}`]: "on", other: "on" })).toEqual([U2, U1]);
  });

  it("ignores boxes not ticked and fields of another name", () => {
    expect(schema.parse({ [`unit_${U1}`]: "off", [`officer_${U2}`]: "on" })).toEqual([]);
  });

  it("refuses a malformed id on the named field", () => {
    const out = schema.safeParse({ "unit_not-a-uuid": "on" });
    expect(out.success).toBe(false);
    expect(out.error!.issues[0]!.path).toEqual(["units"]);
    expect(out.error!.issues[0]!.message).toBe("Danh sách đơn vị không hợp lệ.");
  });
});
