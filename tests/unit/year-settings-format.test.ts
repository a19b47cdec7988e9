import { describe, expect, it } from "vitest";
import { DEFAULT_YEAR_SETTINGS, parseYearSettings, yearSettingsSchema } from "@/domain/year-settings";
import { formatDate, parseVietnameseDate } from "@/lib/format";

describe("year settings", () => {
  it("has the defaults of docs/domain.md", () => {
    expect(DEFAULT_YEAR_SETTINGS).toMatchObject({
      cstdcsQuotaPercent: 15,
      advancedUnitMinCstPercent: 50,
      determinedUnitMinGoodPercent: 70,
      ministryFlagsPerCluster: 1,
      passThreshold: "MORE_THAN_HALF",
      quorumUnits: null,
      outgoingChairMayBeReelected: false,
    });
  });

  it("keeps stored values and fills missing ones", () => {
    expect(parseYearSettings({ cstdcsQuotaPercent: 10 })).toMatchObject({ cstdcsQuotaPercent: 10, ministryFlagsPerCluster: 1 });
  });

  it("falls back to the defaults when the stored value is broken", () => {
    expect(parseYearSettings({ cstdcsQuotaPercent: "nhiều" })).toEqual(DEFAULT_YEAR_SETTINGS);
    expect(parseYearSettings(null)).toEqual(DEFAULT_YEAR_SETTINGS);
  });

  it("refuses impossible values", () => {
    expect(yearSettingsSchema.safeParse({ cstdcsQuotaPercent: 150 }).success).toBe(false);
    expect(yearSettingsSchema.safeParse({ registrationDeadline: "2022-02-31x" }).success).toBe(false);
    expect(yearSettingsSchema.safeParse({ passThreshold: "ALL" }).success).toBe(false);
  });
});

describe("dates", () => {
  it("shows dd/mm/yyyy in Vietnam time", () => {
    expect(formatDate("2021-11-19")).toBe("19/11/2021");
    expect(formatDate(new Date("2021-12-31T20:00:00Z"))).toBe("01/01/2022");
    expect(formatDate(null)).toBe("");
  });

  it("reads dd/mm/yyyy and refuses dates that do not exist", () => {
    expect(parseVietnameseDate("19/11/2021")).toBe("2021-11-19");
    expect(parseVietnameseDate("1/3/2022")).toBe("2022-03-01");
    expect(parseVietnameseDate("31/02/2022")).toBeNull();
    expect(parseVietnameseDate("2022-03-01")).toBeNull();
  });
});
