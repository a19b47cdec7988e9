// The minimal inputs the schema fuzzing found, kept as regression tests.
import { describe, expect, it } from "vitest";
import { agreementFileName } from "@/domain/registration-window";
import { safeFileName } from "@/domain/scoring/evidence";
import { cleanText } from "@/domain/scoring/report-form";
import { optionalText, requiredText } from "@/domain/validation";
import { createBlock, resetUserPassword } from "@/server/commands/admin";
import { createRoundInput } from "@/server/commands/votes";
import { returnReportInput } from "@/server/commands/reports";
import { setUnitTargetInput } from "@/server/commands/registration";

const YEAR = "00000000-0000-4000-8000-000000000000";

describe("fuzz regressions", () => {
  it("requiredText checks its limit after NFC, which can lengthen text (U+0958 → 2 code points)", () => {
    const grown = "\u0958".repeat(200);
    expect(grown.normalize("NFC")).toHaveLength(400);
    expect(requiredText("Tên", 200).safeParse(grown).success).toBe(false);
    expect(createBlock.input.safeParse({ code: "K1", name: grown })).toMatchObject({ success: false });
    expect(requiredText("Tên", 200).safeParse("\u0958".repeat(100)).data).toHaveLength(200);
  });

  it("text fields refuse NUL (Postgres refuses it: a system error) and lone surrogates (stored as U+FFFD)", () => {
    expect(optionalText("Tên", 50).safeParse("Nguyễn Văn Anabc\u0000def").success).toBe(false);
    expect(requiredText("Tên", 50).safeParse("Nguyễn Văn Anx\udc00y").success).toBe(false);
    expect(setUnitTargetInput.safeParse({ emulationYearId: YEAR, titleCode: "Nguyễn Văn Anx\udc00y" }).success).toBe(false);
    expect(returnReportInput.safeParse({ reportId: YEAR, reason: "Thiếu minh chứng \u0000 mục 2" }).success).toBe(false);
    expect(createRoundInput.safeParse({ yearId: YEAR, kind: "ACCLAIM", titleCode: "\ud800" }).success).toBe(false);
    // A lone surrogate reaches argon2 as U+FFFD: "x\ud800…" and "x\udbff…" would be the same password.
    const reset = (password: string) => resetUserPassword.input.safeParse({ id: YEAR, password, confirmPassword: password }).success;
    expect(reset("Mat-khau-an-toan\ud800")).toBe(false);
    expect(reset("Mat-khau-an-toan-1")).toBe(true);
    expect(optionalText("Tên", 50).safeParse("Vòng 1").data).toBe("Vòng 1");
    expect(optionalText("Tên", 50).safeParse("  ").data).toBeNull();
  });

  it("report text: a non-string field counts as empty instead of throwing; lone surrogates become U+FFFD", () => {
    expect(cleanText(Object.create(null))).toBe("");
    expect(cleanText({ toString: "x" })).toBe("");
    expect(cleanText("a\ud800b\u0000c")).toBe("a\ufffdbc");
    // Cross-scoring notes use the same rule (found by the command fuzzing: String(object) threw).
  });

  it("uploaded file names lose bidirectional controls (found by the upload soak: an RTL override was stored)", () => {
    expect(agreementFileName("mc\u202efdp.exe", { contentType: "application/pdf", extension: "pdf", label: "PDF" })).toBe("mcfdp.exe.pdf");
    expect(safeFileName("mc\u202efdp\u2066.pdf")).toBe("mcfdp.pdf");
    expect(safeFileName("a\ud800.pdf")).toBe("a\ufffd.pdf");
  });
});
