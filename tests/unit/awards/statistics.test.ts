// The yearly statistics' table and the evidence's document lines (src/domain/awards; docs/domain.md §9).
import { describe, expect, it } from "vitest";
import { eligibilityEvidenceLines, reportEvidenceText, statisticsRows } from "@/domain/awards";

const empty = () => ({ unitTitles: new Map<string, number>(), officerTitles: new Map<string, number>(), unitCommendations: new Map<string, number>(), officerCommendations: new Map<string, number>(), revoked: 0 });

describe("statisticsRows", () => {
  it("lists every title, highest first, on its own side, with its level of decision", () => {
    const c = empty();
    c.unitTitles.set("CO_BCA", 2);
    c.officerTitles.set("CST", 40).set("CSTD_CAND", 1);
    const { titles } = statisticsRows(c);
    expect(titles.map((t) => t.label)).toEqual([
      "Cờ thi đua của Chính phủ",
      "Cờ thi đua của Bộ Công an",
      "Đơn vị Quyết thắng",
      "Đơn vị tiên tiến",
      "Chiến sĩ thi đua toàn quốc",
      "Chiến sĩ thi đua Công an nhân dân",
      "Chiến sĩ thi đua cơ sở",
      "Chiến sĩ tiên tiến",
    ]);
    expect(titles[1]).toMatchObject({ level: "Bộ Công an", collective: 2, individual: null, total: 2 });
    expect(titles[5]).toMatchObject({ level: "Bộ Công an", collective: null, individual: 1, total: 1 });
    expect(titles[7]).toMatchObject({ level: "Cơ sở", individual: 40 });
  });

  it("counts commendations for collectives and individuals, and gathers forms without a code under 'Hình thức khác'", () => {
    const c = empty();
    c.unitCommendations.set("BANG_KHEN_BO", 3).set("", 1);
    c.officerCommendations.set("BANG_KHEN_BO", 5).set("HUAN_CHUONG", 1);
    const { commendations } = statisticsRows(c);
    expect(commendations.find((r) => r.label === "Bằng khen của Bộ trưởng Bộ Công an")).toMatchObject({ collective: 3, individual: 5, total: 8 });
    expect(commendations.find((r) => r.label === "Huân chương")).toMatchObject({ level: "Chủ tịch nước", collective: 0, individual: 1 });
    expect(commendations.at(-1)).toMatchObject({ label: "Hình thức khác", collective: 1, individual: 0, total: 1 });
    expect(statisticsRows(empty()).commendations.some((r) => r.label === "Hình thức khác")).toBe(false);
  });
});

describe("evidence in documents", () => {
  it("writes the score in points with a decimal comma and the rank", () => {
    expect(reportEvidenceText({ finalTotalHalf: 191, rank: 2, rankedUnits: 5 })).toBe("Điểm tổng kết 95,5, xếp thứ 2/5");
    expect(reportEvidenceText({ finalTotalHalf: null, rank: null, rankedUnits: 0 })).toBe("");
    expect(reportEvidenceText(null)).toBe("");
  });

  it("lists the eligibility check's reasons, the unmet ones marked", () => {
    const lines = eligibilityEvidenceLines({ title: "CSTD_CAND", status: "NOT_YET", asOf: "2022-11-22", reasons: [{ rule: "A", ok: true, message: "Đạt CSTĐCS 2020, 2021." }, { rule: "B", ok: false, message: "Không có sáng kiến cấp Bộ." }] });
    expect(lines).toEqual(["Điều kiện tại ngày 22/11/2022: chưa đủ điều kiện", "+ Đạt CSTĐCS 2020, 2021.", "− Không có sáng kiến cấp Bộ."]);
  });
});
