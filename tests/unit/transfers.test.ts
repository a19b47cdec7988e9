// The transfer rule (docs/domain.md §11): the dates records stand for, and each refusal with its reason.
import { describe, expect, it } from "vitest";
import { latestRecord, TRANSFER_MESSAGES, transferRefusal, type TransferFacts } from "@/domain/transfers";

const facts = (extra: Partial<TransferFacts> = {}): TransferFacts => ({
  officerActive: true,
  fromUnitId: "A",
  toUnit: { id: "B", member: true, active: true, sameCluster: true },
  mayReachCluster: false,
  effectiveDate: "2022-03-01",
  decisionDate: "2022-02-25",
  today: "2022-06-30",
  latest: { kind: "result", date: "2021-12-31", year: 2021 },
  ...extra,
});

describe("transferRefusal", () => {
  it("lets a transfer on or after the last record through", () => {
    expect(transferRefusal(facts())).toBeNull();
    expect(transferRefusal(facts({ effectiveDate: "2021-12-31" }))).toBeNull();
    expect(transferRefusal(facts({ latest: null }))).toBeNull();
  });

  it("refuses each bad case with its reason and field", () => {
    expect(transferRefusal(facts({ officerActive: false }))).toEqual({ message: TRANSFER_MESSAGES.inactive });
    expect(transferRefusal(facts({ toUnit: null }))?.field).toBe("toUnitId");
    expect(transferRefusal(facts({ toUnit: { id: "S", member: false, active: true, sameCluster: true } }))?.message).toBe(TRANSFER_MESSAGES.notMember);
    expect(transferRefusal(facts({ toUnit: { id: "B", member: true, active: false, sameCluster: true } }))?.message).toBe(TRANSFER_MESSAGES.notMember);
    expect(transferRefusal(facts({ toUnit: { id: "A", member: true, active: true, sameCluster: true } }))?.message).toBe(TRANSFER_MESSAGES.sameUnit);
    expect(transferRefusal(facts({ toUnit: { id: "X", member: true, active: true, sameCluster: false } }))?.message).toBe(TRANSFER_MESSAGES.otherCluster);
    expect(transferRefusal(facts({ toUnit: { id: "X", member: true, active: true, sameCluster: false }, mayReachCluster: true }))).toBeNull();
    expect(transferRefusal(facts({ effectiveDate: "2022-07-01" }))).toEqual({ message: TRANSFER_MESSAGES.future, field: "effectiveDate" });
    expect(transferRefusal(facts({ decisionDate: "2022-07-01" }))?.field).toBe("decisionDate");
    expect(transferRefusal(facts({ effectiveDate: "2021-12-30" }))).toEqual({
      message: "Ngày hiệu lực không được trước ngày 31/12/2021 (kết quả thi đua năm 2021 của cán bộ).",
      field: "effectiveDate",
    });
  });
});

describe("latestRecord", () => {
  it("takes the latest date, and on one day the weightier record", () => {
    expect(latestRecord([])).toBeNull();
    const reg = { kind: "registration", date: "2022-01-01", year: 2022 } as const;
    const res = { kind: "result", date: "2021-12-31", year: 2021 } as const;
    const ini = { kind: "initiative", date: "2021-12-31", year: 2021 } as const;
    expect(latestRecord([res, reg])).toBe(reg);
    expect(latestRecord([ini, res])).toBe(res);
    expect(latestRecord([res, ini])).toBe(res);
  });
});
