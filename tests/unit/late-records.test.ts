import { describe, expect, it } from "vitest";
import { agreementErrors, signatoryField } from "@/domain/joint-agreement";
import { lateDecisionDateError, lateDisciplineDatesError } from "@/domain/late-records";

describe("a late discipline's dates (docs/domain.md §4 step 8)", () => {
  const today = "2026-12-07";
  it("accepts a start inside the closed year, with an end that runs on", () => {
    expect(lateDisciplineDatesError(2021, "2021-12-10", "2022-06-10", today)).toBeNull();
    expect(lateDisciplineDatesError(2021, "2021-01-01", null, today)).toBeNull();
  });
  it("refuses a start outside the year, after today, or an end before the start", () => {
    expect(lateDisciplineDatesError(2021, "2022-01-05", null, today)).toEqual({ field: "fromDate", message: "Ngày bắt đầu (05/01/2022) phải trong năm 2021, năm được ghi bổ sung." });
    expect(lateDisciplineDatesError(2020, "2019-12-31", null, today)?.field).toBe("fromDate");
    expect(lateDisciplineDatesError(2026, "2026-12-08", null, today)?.message).toMatch(/không được sau hôm nay/);
    expect(lateDisciplineDatesError(2021, "2021-12-10", "2021-12-01", today)?.field).toBe("toDate");
  });
  it("dates the amending document in or after the year, not after today", () => {
    expect(lateDecisionDateError(2021, "2021-01-01", today)).toBeNull();
    expect(lateDecisionDateError(2021, "2020-12-31", today)).toMatch(/không được trước năm 2021/);
    expect(lateDecisionDateError(2021, "2026-12-08", today)).toMatch(/không được sau hôm nay/);
  });
});

describe("the joint agreement's rule (docs/domain.md §10)", () => {
  const units = [
    { id: "a", name: "Cục A" },
    { id: "b", name: "Cục B" },
  ];
  const ctx = { year: 2021, todayIso: "2026-12-07", memberUnits: units };
  const whole = { place: "Hà Nội", signedOn: "2021-11-19", signatories: [{ unitId: "a", name: "X", position: "Cục trưởng" }, { unitId: "b", name: "Y", position: "Tư lệnh" }] };
  it("lets a draft be incomplete, and a whole one be signed", () => {
    expect(agreementErrors({ place: null, signedOn: null, signatories: [] }, { ...ctx, signed: false })).toEqual({});
    expect(agreementErrors(whole, { ...ctx, signed: true })).toEqual({});
  });
  it("needs place, date and every member unit's signatory when signed", () => {
    const errors = agreementErrors({ place: null, signedOn: null, signatories: [whole.signatories[0]!] }, { ...ctx, signed: true });
    expect(errors).toEqual({
      place: ["Địa điểm ký là bắt buộc khi ghi nhận đã ký kết."],
      signedOn: ["Ngày ký là bắt buộc khi ghi nhận đã ký kết."],
      [signatoryField("name", "b")]: ["Chưa có người ký của Cục B."],
    });
  });
  it("keeps the date inside the year and the signatories to member units, each with name and position", () => {
    expect(agreementErrors({ ...whole, signedOn: "2022-01-02" }, { ...ctx, signed: false }).signedOn).toEqual(["Ngày ký giao ước thi đua năm 2021 phải trong năm 2021."]);
    expect(agreementErrors({ ...whole, signatories: [{ unitId: "z", name: "Z", position: "P" }] }, { ...ctx, signed: false }).signatories).toHaveLength(1);
    expect(agreementErrors({ ...whole, signatories: [{ unitId: "a", name: "X", position: "" }] }, { ...ctx, signed: false })).toEqual({ [signatoryField("position", "a")]: ["Vui lòng nhập chức vụ người ký."] });
  });
});
