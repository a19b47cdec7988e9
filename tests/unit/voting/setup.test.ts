import { describe, expect, it } from "vitest";
import { acclaimSeatLimit, checkRoundSetup, defaultRoundTitle, defaultSeats, runoffTitle } from "@/domain/voting";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";

describe("round set-up", () => {
  it("takes the flag allowance from the year's settings", () => {
    expect(acclaimSeatLimit("CO_BCA", DEFAULT_YEAR_SETTINGS)).toBe(1);
    expect(acclaimSeatLimit("CO_BCA", { ministryFlagsPerCluster: 1, extraMinistryFlags: 2 })).toBe(3);
    expect(acclaimSeatLimit("CO_CP", { ministryFlagsPerCluster: 4, extraMinistryFlags: 2 })).toBe(1);
    expect(acclaimSeatLimit("DV_QUYET_THANG", DEFAULT_YEAR_SETTINGS)).toBeNull();
    expect(defaultSeats("ACCLAIM", "CO_BCA", { ministryFlagsPerCluster: 2, extraMinistryFlags: 1 })).toBe(3);
    expect(defaultSeats("CHAIR_ELECTION", null, DEFAULT_YEAR_SETTINGS)).toBe(1);
  });

  it.each<[string, Parameters<typeof checkRoundSetup>[0], Record<string, string[]>]>([
    ["valid acclaim", { kind: "ACCLAIM", seats: 1, candidateCount: 2, seatLimit: 1 }, {}],
    ["no candidates", { kind: "ACCLAIM", seats: 1, candidateCount: 0, seatLimit: 1 }, { candidates: ["Vui lòng chọn ít nhất một đơn vị vào danh sách."] }],
    [
      "more flags than the year allows",
      { kind: "ACCLAIM", seats: 2, candidateCount: 3, seatLimit: 1, titleName: "Cờ thi đua của Bộ Công an" },
      { seats: ["Theo thiết lập của năm thi đua, cụm có tối đa 1 suất Cờ thi đua của Bộ Công an."] },
    ],
    ["more seats than candidates", { kind: "ACCLAIM", seats: 3, candidateCount: 2, seatLimit: null }, { seats: ["Số suất (3) không được nhiều hơn số đơn vị trong danh sách (2)."] }],
    ["an election with two seats", { kind: "CHAIR_ELECTION", seats: 2, candidateCount: 4, seatLimit: null }, { seats: ["Bầu Cụm trưởng, Cụm phó chỉ có 1 suất."] }],
    ["zero seats", { kind: "ACCLAIM", seats: 0, candidateCount: 2, seatLimit: null }, { seats: ["Số suất phải là số nguyên từ 1 trở lên."] }],
  ])("%s", (_name, input, expected) => {
    expect(checkRoundSetup(input)).toEqual(expected);
  });

  it("names rounds and run-offs", () => {
    expect(defaultRoundTitle("ACCLAIM", 2022, "Cờ thi đua của Bộ Công an")).toBe("Suy tôn Cờ thi đua của Bộ Công an năm 2022");
    expect(defaultRoundTitle("CHAIR_ELECTION", 2022)).toBe("Bầu Cụm trưởng năm 2023");
    expect(defaultRoundTitle("DEPUTY_ELECTION", 2021)).toBe("Bầu Cụm phó năm 2022");
    expect(runoffTitle("Bầu Cụm trưởng năm 2023")).toBe("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại");
    expect(runoffTitle("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại")).toBe("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại lần 2");
    expect(runoffTitle("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại lần 2")).toBe("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại lần 3");
  });
});
