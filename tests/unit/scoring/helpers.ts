// Small builders for scoring tests (not a test file itself).
import type { CriteriaTableDef, CriterionDef, SectionDef, SectionKind } from "@/domain/scoring";

let n = 0;
export const id = (prefix: string) => `${prefix}-${++n}`;

export function criterion(maxHalf: number, extra: Partial<CriterionDef> = {}): CriterionDef {
  return { id: id("c"), title: "Tiêu chí", maxHalf, evidenceRequired: false, inMidyear: false, ...extra };
}

export function section(kind: SectionKind, maxHalf: number, criteria: CriterionDef[], title = "Mục"): SectionDef {
  return { id: id("s"), kind, title, maxHalf, criteria };
}

/** The shape of the Cụm 2 table: 20 + 45 + 20 + 15 = 100 points, bonus cap 5, penalty cap 10 (half-points). */
export function sampleTable(): CriteriaTableDef {
  return {
    totalHalf: 200,
    sections: [
      section("SCORED", 40, [criterion(8), criterion(8), criterion(8), criterion(8), criterion(8)], "Xây dựng lực lượng"),
      section("SCORED", 90, [criterion(30, { evidenceRequired: true }), criterion(16), criterion(16), criterion(12), criterion(16)], "Chuyên môn"),
      section("SCORED", 40, [criterion(8, { inMidyear: true }), criterion(8), criterion(8), criterion(8), criterion(8)], "Phong trào"),
      section("SCORED", 30, [criterion(10, { inMidyear: true }), criterion(10), criterion(10)], "Đảng, đoàn thể"),
      section("BONUS", 10, [criterion(4, { evidenceRequired: true }), criterion(4), criterion(4), criterion(2)], "Điểm thưởng"),
      section("PENALTY", 20, [criterion(6), criterion(10), criterion(4)], "Điểm trừ"),
    ],
    keyFigures: [
      { id: "f1", label: "Số vụ án phát hiện", unitLabel: "vụ", required: true, inMidyear: true },
      { id: "f2", label: "Số lượt hiến máu", unitLabel: "lượt", required: true, inMidyear: false },
      { id: "f3", label: "Số tiền ủng hộ", unitLabel: "triệu đồng", required: false, inMidyear: false },
    ],
  };
}
