import { describe, expect, it } from "vitest";
import { entryRefusal, figureTotal, launchRefusal, participates, periodProblem, rankUnits, readUnitFigures, summarise, valueField, MOVEMENT_CLOSED } from "@/domain/movements";

const blood = { id: "f1", position: 1, label: "Số đơn vị máu", unitLabel: "đơn vị" };
const money = { id: "f2", position: 2, label: "Số tiền ủng hộ", unitLabel: "triệu đồng" };

describe("a unit's figures as typed", () => {
  it("reads Vietnamese numbers and leaves empty ones unreported", () => {
    const { values, errors } = readUnitFigures([blood, money], { [valueField("f1")]: "1.250", [valueField("f2")]: "12,5" });
    expect(errors).toEqual({});
    expect(values.get("f1")).toBe("1250");
    expect(values.get("f2")).toBe("12.5");
    expect(readUnitFigures([blood], {}).values.get("f1")).toBeNull();
  });

  it("refuses a negative figure and one that is not a number, with the reason next to the field", () => {
    const { errors } = readUnitFigures([blood, money], { [valueField("f1")]: "-3", [valueField("f2")]: "nhiều" });
    expect(errors[valueField("f1")]).toEqual(["Số đơn vị máu: Số liệu không được âm."]);
    expect(errors[valueField("f2")]?.[0]).toMatch(/^Số tiền ủng hộ: Số liệu phải là một số/);
  });

  it("refuses more than two decimals and crafted non-text values", () => {
    expect(readUnitFigures([blood], { [valueField("f1")]: "1,234" }).errors[valueField("f1")]).toEqual(["Số đơn vị máu: Số liệu chỉ lấy đến 2 chữ số thập phân."]);
    expect(readUnitFigures([blood], { [valueField("f1")]: "1.5555" }).errors[valueField("f1")]).toBeDefined();
    expect(readUnitFigures([blood], { [valueField("f1")]: "NaN" }).errors[valueField("f1")]).toBeDefined();
    expect(readUnitFigures([blood], { [valueField("f1")]: "Infinity" }).errors[valueField("f1")]).toBeDefined();
  });
});

describe("totals and ranks", () => {
  it("sums exactly in hundredths", () => {
    expect(figureTotal(["0.1", "0.2", null, "10"])).toEqual({ total: "10.3", reported: 3 });
    expect(figureTotal([])).toEqual({ total: "0", reported: 0 });
    expect(figureTotal(["99999999999999.99", "0.01"]).total).toBe("100000000000000");
  });

  it("ranks highest first, ties share a rank and the next skips, the unreported come last unranked", () => {
    const ranked = rankUnits([
      { unitId: "a", value: "10" },
      { unitId: "b", value: "25.5" },
      { unitId: "c", value: null },
      { unitId: "d", value: "10.00" },
      { unitId: "e", value: "3" },
    ]);
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ["b", 1],
      ["a", 2],
      ["d", 2],
      ["e", 4],
      ["c", null],
    ]);
  });

  it("summarises each figure over the participating units", () => {
    const values: Record<string, string> = { "f1:a": "5", "f1:b": "7", "f2:a": "1,5".replace(",", ".") };
    const s = summarise([blood, money], ["a", "b"], (f, u) => values[`${f}:${u}`] ?? null);
    expect(s.figures[0]).toMatchObject({ total: "12", reported: 2, ranking: [{ unitId: "b", rank: 1 }, { unitId: "a", rank: 2 }] });
    expect(s.figures[1]).toMatchObject({ total: "1.5", reported: 1, ranking: [{ unitId: "a", rank: 1 }, { unitId: "b", rank: null }] });
  });
});

describe("who launches, who takes part, when figures are entered", () => {
  it("the secretariat launches its cluster's, the admin a block's or the Ministry's", () => {
    expect(launchRefusal("SECRETARIAT", "CLUSTER")).toBeNull();
    expect(launchRefusal("SECRETARIAT", "BLOCK")).toMatch(/cụm của mình/);
    expect(launchRefusal("ADMIN", "BLOCK")).toBeNull();
    expect(launchRefusal("ADMIN", "MINISTRY")).toBeNull();
    expect(launchRefusal("ADMIN", "CLUSTER")).toMatch(/Thư ký cụm/);
    expect(launchRefusal("UNIT_OFFICER", "CLUSTER")).not.toBeNull();
  });

  it("participation follows the scope", () => {
    const unit = { clusterId: "c1", blockId: "b1" };
    expect(participates({ scope: "CLUSTER", clusterId: "c1", blockId: null }, unit)).toBe(true);
    expect(participates({ scope: "CLUSTER", clusterId: "c2", blockId: null }, unit)).toBe(false);
    expect(participates({ scope: "BLOCK", clusterId: null, blockId: "b1" }, unit)).toBe(true);
    expect(participates({ scope: "BLOCK", clusterId: null, blockId: "b2" }, unit)).toBe(false);
    expect(participates({ scope: "MINISTRY", clusterId: null, blockId: null }, unit)).toBe(true);
  });

  it("figures only while open and within the period", () => {
    const m = { status: "OPEN" as const, fromDate: "2021-03-01", toDate: "2021-10-31" };
    expect(entryRefusal(m, "2021-03-01")).toBeNull();
    expect(entryRefusal(m, "2021-10-31")).toBeNull();
    expect(entryRefusal(m, "2021-02-28")).toBe("Phong trào bắt đầu từ 01/03/2021; chưa thể nhập số liệu.");
    expect(entryRefusal(m, "2021-11-01")).toBe("Phong trào đã kết thúc ngày 31/10/2021; không thể nhập số liệu.");
    expect(entryRefusal({ ...m, status: "CLOSED" }, "2021-05-01")).toBe(MOVEMENT_CLOSED);
    expect(periodProblem("2021-05-01", "2021-04-30")).not.toBeNull();
    expect(periodProblem("2021-05-01", "2021-05-01")).toBeNull();
  });
});
