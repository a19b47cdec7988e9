import { describe, expect, it } from "vitest";
import { checkTableComplete, checkTableStructure, criterionLabel, formFor, maxReachableHalf, sectionLabel } from "@/domain/scoring";
import { criterion, sampleTable, section } from "./helpers";

describe("criteria table rules", () => {
  it("the Cụm 2 shape is consistent and complete: 100 points plus a capped bonus", () => {
    const t = sampleTable();
    expect(checkTableStructure(t)).toEqual([]);
    expect(checkTableComplete(t)).toEqual([]);
    expect(maxReachableHalf(t)).toBe(210);
  });

  it("labels sections with Roman numerals and criteria by section", () => {
    const t = sampleTable();
    expect(sectionLabel(t, t.sections[1]!.id)).toBe("II");
    expect(criterionLabel(t, t.sections[1]!.criteria[2]!.id)).toBe("II.3");
    expect(criterionLabel(t, t.sections[4]!.criteria[0]!.id)).toBe("T.1");
    expect(criterionLabel(t, t.sections[5]!.criteria[1]!.id)).toBe("Tr.2");
  });

  it("refuses a section whose criteria overflow its max", () => {
    const t = sampleTable();
    t.sections[0]!.criteria.push(criterion(2));
    const issues = checkTableStructure(t);
    expect(issues).toEqual([
      { at: t.sections[0]!.id, message: "Tổng điểm tối đa của các tiêu chí thuộc mục I (21) vượt quá điểm tối đa của mục (20)." },
    ]);
  });

  it("refuses sections adding up to more than the scale", () => {
    const t = sampleTable();
    t.sections.splice(4, 0, section("SCORED", 2, []));
    expect(checkTableStructure(t)).toEqual([{ at: "table", message: "Tổng điểm tối đa của các mục (101) vượt quá thang điểm của bảng (100)." }]);
  });

  it("refuses a bonus item above the bonus cap, and a second bonus group", () => {
    const t = sampleTable();
    t.sections[4]!.criteria[0]!.maxHalf = 12;
    t.sections.push(section("BONUS", 4, [criterion(2)]));
    const messages = checkTableStructure(t).map((i) => i.message);
    expect(messages).toContain("Điểm tối đa của khoản T.1 (6) vượt quá mức trần của nhóm điểm thưởng (5).");
    expect(messages).toContain("Bảng tiêu chí chỉ có một nhóm điểm thưởng.");
  });

  it("bonus items may add up to more than the cap (the cap limits what counts)", () => {
    const t = sampleTable();
    expect(t.sections[4]!.criteria.reduce((a, c) => a + c.maxHalf, 0)).toBeGreaterThan(t.sections[4]!.maxHalf);
    expect(checkTableStructure(t)).toEqual([]);
  });

  it("lists what is missing before publishing: scale not reached, section short, empty section", () => {
    const t = sampleTable();
    t.sections[0]!.criteria.pop(); // section I: 16 of 20
    t.sections[3]!.maxHalf = 20; // scale 95
    t.sections[3]!.criteria = [];
    const messages = checkTableComplete(t).map((i) => i.message);
    expect(messages).toEqual([
      "Tổng điểm tối đa của các mục (95) chưa bằng thang điểm của bảng (100).",
      "Tổng điểm tối đa của các tiêu chí thuộc mục I (16) chưa bằng điểm tối đa của mục (20).",
      "Mục IV chưa có tiêu chí nào.",
    ]);
    expect(checkTableStructure(t)).toEqual([]);
  });

  it("an empty table is consistent but not publishable", () => {
    const empty = { totalHalf: 200, sections: [], keyFigures: [] };
    expect(checkTableStructure(empty)).toEqual([]);
    expect(checkTableComplete(empty).map((i) => i.message)).toEqual(["Bảng tiêu chí chưa có mục chấm điểm nào."]);
  });

  it("the mid-year short form keeps only marked scored criteria and key figures, without evidence", () => {
    const t = sampleTable();
    const short = formFor(t, "MIDYEAR");
    expect(short.sections.map((s) => s.kind)).toEqual(["SCORED", "SCORED"]);
    expect(short.sections.flatMap((s) => s.criteria).every((c) => c.inMidyear && !c.evidenceRequired)).toBe(true);
    expect(short.keyFigures.map((f) => f.id)).toEqual(["f1"]);
    expect(formFor(t, "YEAR_END")).toBe(t);
  });
});
