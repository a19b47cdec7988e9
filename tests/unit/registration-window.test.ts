import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AGREEMENT_FILE_EMPTY_ERROR,
  AGREEMENT_FILE_SIZE_ERROR,
  AGREEMENT_FILE_TYPE_ERROR,
  AGREEMENT_MAX_BYTES,
  agreementFileName,
  checkAgreementDate,
  checkAgreementFile,
  checkReopenUntil,
  endOfVietnamDay,
  MAX_REOPEN_DAYS,
  registrationPercent,
  registrationWindow,
  sniffAgreementFile,
  vietnamToday,
  type RegistrationWindowInput,
} from "@/domain/registration-window";
import { YEAR_PHASES, type YearPhase } from "@/domain/year-phases";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";

/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);

const base: RegistrationWindowInput = {
  phase: "REGISTRATION",
  deadline: "2022-03-31",
  status: "DRAFT",
  reopenedUntil: null,
  now: vn("2022-03-15T10:00:00"),
};

describe("Vietnam calendar days", () => {
  it.each([
    ["2022-03-31T16:59:59.999Z", "2022-03-31"], // 23:59:59.999 in Hà Nội
    ["2022-03-31T17:00:00.000Z", "2022-04-01"], // midnight in Hà Nội
    ["2021-12-31T18:00:00.000Z", "2022-01-01"],
  ])("%s is %s in Vietnam", (utc, day) => {
    expect(vietnamToday(new Date(utc))).toBe(day);
  });

  it("the end of a Vietnamese day is its last millisecond at UTC+7", () => {
    expect(endOfVietnamDay("2022-04-15").toISOString()).toBe("2022-04-15T16:59:59.999Z");
  });
});

describe("is the unit's registration writable now?", () => {
  it.each<[string, Partial<RegistrationWindowInput>, boolean, string]>([
    ["open in the registration phase before the deadline", {}, true, "OPEN"],
    ["no registration yet: same as a draft", { status: null }, true, "OPEN"],
    ["the deadline day itself, at 23:59 in Hà Nội", { now: vn("2022-03-31T23:59:00") }, true, "OPEN"],
    ["the day after the deadline, at 00:00 in Hà Nội", { now: vn("2022-04-01T00:00:00") }, false, "DEADLINE_PASSED"],
    ["no deadline set", { deadline: null, now: vn("2022-12-31T12:00:00") }, true, "OPEN"],
    ["submitted: read-only for the unit", { status: "SUBMITTED" }, false, "SUBMITTED"],
    ["submitted, even with a reopen date left over", { status: "SUBMITTED", reopenedUntil: vn("2022-04-30T23:59:59") }, false, "SUBMITTED"],
    ["before registration opens (setup)", { phase: "SETUP" }, false, "NOT_OPEN_YET"],
    ["after the registration phase", { phase: "REPORTING" }, false, "PHASE_OVER"],
    ["closed year", { phase: "CLOSED" }, false, "CLOSED_YEAR"],
    ["closed year, even reopened", { phase: "CLOSED", reopenedUntil: vn("2030-01-01T00:00:00") }, false, "CLOSED_YEAR"],
    [
      "reopened after the deadline",
      { now: vn("2022-04-10T09:00:00"), reopenedUntil: vn("2022-04-15T23:59:59.999") },
      true,
      "REOPENED",
    ],
    ["reopened in a later phase", { phase: "MIDYEAR", now: vn("2022-06-10T09:00:00"), reopenedUntil: vn("2022-06-15T23:59:59.999") }, true, "REOPENED"],
    ["a reopen that has run out", { now: vn("2022-04-16T00:00:00"), reopenedUntil: vn("2022-04-15T23:59:59.999") }, false, "DEADLINE_PASSED"],
  ])("%s", (_name, change, writable, reason) => {
    const w = registrationWindow({ ...base, ...change });
    expect(w.writable).toBe(writable);
    expect(w.reason).toBe(reason);
    expect(w.message.length).toBeGreaterThan(10);
  });

  it("says why, in Vietnamese, with dd/mm/yyyy dates", () => {
    expect(registrationWindow({ ...base, now: vn("2022-04-01T08:00:00") }).message).toBe(
      "Đã hết hạn đăng ký thi đua (hạn cuối: 31/03/2022); muốn sửa, đề nghị Thư ký cụm mở lại đăng ký cho đơn vị.",
    );
    expect(registrationWindow({ ...base, phase: "CLOSED" }).message).toBe(YEAR_CLOSED_MESSAGE);
    expect(registrationWindow(base)).toMatchObject({ message: "Đang nhận đăng ký đến hết ngày 31/03/2022.", until: "2022-03-31" });
    expect(registrationWindow({ ...base, now: vn("2022-04-10T09:00:00"), reopenedUntil: endOfVietnamDay("2022-04-15") })).toMatchObject({
      message: "Thư ký cụm đã mở lại đăng ký cho đơn vị đến hết ngày 15/04/2022.",
      until: "2022-04-15",
    });
    expect(registrationWindow({ ...base, phase: "SCORING" }).message).toContain('giai đoạn "Chấm điểm"');
  });

  it("properties: closed is never writable; submitted never; a running reopen always (unless closed or submitted)", () => {
    const phase = fc.constantFrom<YearPhase>(...YEAR_PHASES);
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2024, 11, 31) }).map((t) => new Date(t));
    const day = instant.map((d) => vietnamToday(d));
    fc.assert(
      fc.property(phase, fc.option(day), fc.constantFrom<"DRAFT" | "SUBMITTED" | null>("DRAFT", "SUBMITTED", null), fc.option(instant), instant, (ph, deadline, status, reopenedUntil, now) => {
        const w = registrationWindow({ phase: ph, deadline, status, reopenedUntil, now });
        if (ph === "CLOSED") expect(w.writable).toBe(false);
        else if (status === "SUBMITTED") expect(w.reason).toBe("SUBMITTED");
        else if (reopenedUntil && now < reopenedUntil) expect(w).toMatchObject({ writable: true, reason: "REOPENED" });
        else if (ph !== "REGISTRATION") expect(w.writable).toBe(false);
        else expect(w.writable).toBe(deadline === null || vietnamToday(now) <= deadline);
      }),
    );
  });

  it("property: moving the clock forward never reopens a window that the deadline closed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 }), fc.integer({ min: 0, max: 400 * 24 }), (h1, h2) => {
        const [a, b] = [Math.min(h1, h2), Math.max(h1, h2)];
        const at = (h: number) => registrationWindow({ ...base, now: new Date(vn("2022-01-01T00:00:00").getTime() + h * 3600_000) });
        if (!at(a).writable) expect(at(b).writable).toBe(false);
      }),
    );
  });
});

describe("reopening by the secretariat", () => {
  const now = vn("2022-04-10T09:00:00");
  it.each<[string, YearPhase, string | null]>([
    ["2022-04-10", "REGISTRATION", null], // today
    ["2022-04-30", "MIDYEAR", null],
    ["2022-04-09", "REGISTRATION", "Ngày mở lại đến (09/04/2022) không được trước hôm nay (10/04/2022)."],
    ["2023-04-12", "REGISTRATION", `Chỉ có thể mở lại đăng ký tối đa ${MAX_REOPEN_DAYS} ngày (đến 11/04/2023).`],
    ["2022-04-30", "CLOSED", YEAR_CLOSED_MESSAGE],
  ])("until %s in phase %s → %s", (until, phase, expected) => {
    expect(checkReopenUntil(until, phase, now)).toBe(expected);
  });

});

describe("the scanned agreement file", () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);
  const html = new TextEncoder().encode("<html><script>alert(1)</script>");

  it.each<[string, Uint8Array, string | null]>([
    ["PDF", pdf, "application/pdf"],
    ["JPEG", jpeg, "image/jpeg"],
    ["PNG", png, "image/png"],
    ["HTML", html, null],
    ["a PDF signature cut short", pdf.subarray(0, 4), null],
    ["a PNG signature cut short", png.subarray(0, 7), null],
    ["nothing", new Uint8Array(), null],
  ])("%s is recognised by its first bytes", (_name, head, type) => {
    expect(sniffAgreementFile(head)?.contentType ?? null).toBe(type);
  });

  it("refuses other types, empty files and files over 5 MB", () => {
    expect(checkAgreementFile({ size: 1000, head: pdf })).toMatchObject({ ok: true, kind: { contentType: "application/pdf" } });
    expect(checkAgreementFile({ size: AGREEMENT_MAX_BYTES, head: png })).toMatchObject({ ok: true });
    expect(checkAgreementFile({ size: AGREEMENT_MAX_BYTES + 1, head: pdf })).toEqual({ ok: false, message: AGREEMENT_FILE_SIZE_ERROR });
    expect(checkAgreementFile({ size: 10, head: html })).toEqual({ ok: false, message: AGREEMENT_FILE_TYPE_ERROR });
    expect(checkAgreementFile({ size: 0, head: new Uint8Array() })).toEqual({ ok: false, message: AGREEMENT_FILE_EMPTY_ERROR });
  });

  it("property: any bytes that do not start with a known signature are refused", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 32 }), (bytes) => {
        const kind = sniffAgreementFile(bytes);
        if (kind === null) return;
        const hex = Buffer.from(bytes).toString("hex");
        expect(hex.startsWith("255044462d") || hex.startsWith("ffd8ff") || hex.startsWith("89504e470d0a1a0a")).toBe(true);
      }),
    );
  });

  it("stored names keep Vietnamese, drop folders and quoting characters, and carry the real extension", () => {
    const kind = sniffAgreementFile(pdf)!;
    expect(agreementFileName("Giao ước thi đua 2022.pdf", kind)).toBe("Giao ước thi đua 2022.pdf");
    expect(agreementFileName("C:\\scan\\giao-uoc.PDF", kind)).toBe("giao-uoc.PDF");
    expect(agreementFileName('../../"evil";.html', kind)).toBe("evil.html.pdf");
    expect(agreementFileName("", kind)).toBe("giao-uoc-thi-dua.pdf");
    expect(agreementFileName("anh-chup.jpeg", sniffAgreementFile(jpeg)!)).toBe("anh-chup.jpeg");
    const long = agreementFileName(`${"a".repeat(300)}.pdf`, kind);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(agreementFileName("Giao ước".normalize("NFD"), kind)).toBe("Giao ước.pdf".normalize("NFC"));
  });

  it("the signing date lies in the year or the year before, and not in the future", () => {
    const now = vn("2022-03-15T10:00:00");
    expect(checkAgreementDate("2022-01-20", 2022, now)).toBeNull();
    expect(checkAgreementDate("2021-12-28", 2022, now)).toBeNull();
    expect(checkAgreementDate("2020-12-28", 2022, now)).toBe("Ngày ký giao ước thi đua năm 2022 phải trong năm 2021 hoặc năm 2022.");
    expect(checkAgreementDate("2022-03-16", 2022, now)).toBe("Ngày ký giao ước (16/03/2022) không được sau hôm nay (15/03/2022).");
  });
});

describe("progress towards 100% registration", () => {
  it.each<[number, number, number]>([
    [0, 0, 0],
    [0, 243, 0],
    [243, 243, 100],
    [1234, 1235, 99],
    [1, 3, 33],
    [2, 3, 66],
    [50, 200, 25],
  ])("%s of %s → %s%%", (registered, total, percent) => {
    expect(registrationPercent(registered, total)).toBe(percent);
  });

  it("property: 100% exactly when everyone is registered; never above 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 0, max: 400_000 }), (total, r) => {
        const registered = Math.min(r, total);
        const p = registrationPercent(registered, total);
        expect(p === 100).toBe(registered === total);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(p).toBeLessThanOrEqual((registered * 100) / total);
      }),
    );
  });
});
