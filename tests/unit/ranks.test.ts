import { describe, expect, it } from "vitest";
import { compareRanks, isRank, parseRank, RANK_GROUPS, rankGroupOf, rankLevel, RANKS } from "@/domain/ranks";

describe("CAND ranks", () => {
  it("lists the 17 ranks of the People's Public Security, lowest first, in NFC", () => {
    expect(RANKS).toEqual([
      "Binh nhì", "Binh nhất",
      "Hạ sĩ", "Trung sĩ", "Thượng sĩ",
      "Thiếu úy", "Trung úy", "Thượng úy", "Đại úy",
      "Thiếu tá", "Trung tá", "Thượng tá", "Đại tá",
      "Thiếu tướng", "Trung tướng", "Thượng tướng", "Đại tướng",
    ]);
    for (const rank of RANKS) expect(rank.normalize("NFC")).toBe(rank);
    expect(RANK_GROUPS.flatMap((g) => g.ranks)).toEqual(RANKS);
  });

  it("recognises only exact catalogue spellings", () => {
    expect(isRank("Đại úy")).toBe(true);
    expect(isRank("Đại úy".normalize("NFD"))).toBe(false);
    expect(isRank("đại úy")).toBe(false);
    expect(isRank("Đại uý")).toBe(false); // the old-style tone placement is not the catalogue spelling
    expect(isRank("Thống chế")).toBe(false);
  });

  it("orders ranks by seniority", () => {
    expect(rankLevel("Binh nhì")).toBe(0);
    expect(rankLevel("Đại tướng")).toBe(16);
    expect(rankLevel("Trung úy")).toBeLessThan(rankLevel("Thiếu tá"));
    expect(rankLevel("không có")).toBe(-1);
    const shuffled = [...RANKS].reverse();
    expect(shuffled.sort(compareRanks)).toEqual([...RANKS]);
  });

  it("names the group of a rank", () => {
    expect(rankGroupOf("Thượng úy")).toBe("Sĩ quan cấp úy");
    expect(rankGroupOf("Trung sĩ")).toBe("Hạ sĩ quan");
    expect(rankGroupOf("Binh nhất")).toBe("Chiến sĩ nghĩa vụ");
    expect(rankGroupOf("Đại tá")).toBe("Sĩ quan cấp tá");
    expect(rankGroupOf("Thiếu tướng")).toBe("Sĩ quan cấp tướng");
    expect(rankGroupOf("Giáo sư")).toBeNull();
  });

  it("parses typed or imported text loosely: case, spaces, Unicode form and diacritics", () => {
    expect(parseRank("đại úy")).toBe("Đại úy");
    expect(parseRank("  DAI   UY ")).toBe("Đại úy");
    expect(parseRank("Đại uý")).toBe("Đại úy");
    expect(parseRank("Thượng tá".normalize("NFD"))).toBe("Thượng tá");
    expect(parseRank("thuong tuong")).toBe("Thượng tướng");
    expect(parseRank("Trung")).toBeNull();
    expect(parseRank("")).toBeNull();
    for (const rank of RANKS) expect(parseRank(rank)).toBe(rank);
  });
});
