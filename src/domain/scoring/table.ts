// The criteria table (tiêu chí, thang điểm) of a cluster-year, and its rules:
//  - scored sections make up the scale (100 points by default); the maxima of a section's criteria
//    never add up to more than the section's max, and the sections never to more than the scale;
//  - one bonus group (điểm thưởng) and one penalty group (điểm trừ) at most, each with its own cap;
//    an item of the group may not be worth more than the group's cap;
//  - to be published, the table must be complete: the sections add up to the scale exactly and each
//    section's criteria add up to the section's max exactly (otherwise the max could never be reached).
// Everything in half-points (points.ts).
import { formatPoints } from "./points";

export const SECTION_KINDS = ["SCORED", "BONUS", "PENALTY"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  SCORED: "Mục chấm điểm",
  BONUS: "Điểm thưởng",
  PENALTY: "Điểm trừ",
};

/** The scale of a new table: 100 points. */
export const DEFAULT_TOTAL_HALF = 200;
/** Upper bound of any single maximum the secretariat may type (a cap of the bonus group, a section). */
export const MAX_SECTION_HALF = 200;

export type CriterionDef = {
  id: string;
  title: string;
  guidance?: string | null;
  maxHalf: number;
  evidenceRequired: boolean;
  inMidyear: boolean;
};

export type SectionDef = {
  id: string;
  kind: SectionKind;
  title: string;
  maxHalf: number;
  /** In display order. */
  criteria: CriterionDef[];
};

/** `movementFigureId`: the figure is the unit's figure of a movement (issue 17), shown instead of typed. */
export type KeyFigureDef = { id: string; label: string; unitLabel: string; required: boolean; inMidyear: boolean; movementFigureId?: string | null };

export type CriteriaTableDef = {
  totalHalf: number;
  /** In display order. */
  sections: SectionDef[];
  keyFigures: KeyFigureDef[];
};

/** A problem with the table: where (a section or criterion id, or "table") and what. */
export type TableIssue = { at: string; message: string };

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

/** "I", "II"… for scored sections in order; the bonus and penalty groups by their names. */
export function sectionLabel(table: Pick<CriteriaTableDef, "sections">, sectionId: string): string {
  const section = table.sections.find((s) => s.id === sectionId);
  if (!section) return "";
  if (section.kind !== "SCORED") return SECTION_KIND_LABELS[section.kind];
  const index = table.sections.filter((s) => s.kind === "SCORED").findIndex((s) => s.id === sectionId);
  return ROMAN[index] ?? String(index + 1);
}

/** "II.3": the number of a criterion within its section (bonus items "T.1", penalty items "Tr.1"). */
export function criterionLabel(table: Pick<CriteriaTableDef, "sections">, criterionId: string): string {
  for (const section of table.sections) {
    const index = section.criteria.findIndex((c) => c.id === criterionId);
    if (index < 0) continue;
    const prefix = section.kind === "SCORED" ? sectionLabel(table, section.id) : section.kind === "BONUS" ? "T" : "Tr";
    return `${prefix}.${index + 1}`;
  }
  return "";
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const criteriaSum = (s: SectionDef) => sum(s.criteria.map((c) => c.maxHalf));
const pts = (h: number) => formatPoints(h);

/**
 * The rules that every saved state of a table obeys (a change that breaks one is refused and nothing
 * is saved). Returns the problems found (empty when the table is consistent).
 */
export function checkTableStructure(table: CriteriaTableDef): TableIssue[] {
  const issues: TableIssue[] = [];
  const scored = table.sections.filter((s) => s.kind === "SCORED");
  for (const kind of ["BONUS", "PENALTY"] as const) {
    const groups = table.sections.filter((s) => s.kind === kind);
    if (groups.length > 1) issues.push({ at: groups[1]!.id, message: `Bảng tiêu chí chỉ có một nhóm ${SECTION_KIND_LABELS[kind].toLowerCase()}.` });
  }
  for (const section of table.sections) {
    const label = section.kind === "SCORED" ? `mục ${sectionLabel(table, section.id)}` : `nhóm ${SECTION_KIND_LABELS[section.kind].toLowerCase()}`;
    if (section.maxHalf < 0 || !Number.isInteger(section.maxHalf)) issues.push({ at: section.id, message: `Điểm tối đa của ${label} không hợp lệ.` });
    if (section.kind === "SCORED" && section.maxHalf === 0) issues.push({ at: section.id, message: `Điểm tối đa của ${label} phải lớn hơn 0.` });
    for (const c of section.criteria) {
      if (c.maxHalf <= 0 || !Number.isInteger(c.maxHalf)) issues.push({ at: c.id, message: `Điểm tối đa của tiêu chí ${criterionLabel(table, c.id)} phải lớn hơn 0.` });
    }
    if (section.kind === "SCORED") {
      const total = criteriaSum(section);
      if (total > section.maxHalf) {
        issues.push({
          at: section.id,
          message: `Tổng điểm tối đa của các tiêu chí thuộc ${label} (${pts(total)}) vượt quá điểm tối đa của mục (${pts(section.maxHalf)}).`,
        });
      }
    } else {
      for (const c of section.criteria) {
        if (c.maxHalf > section.maxHalf) {
          issues.push({
            at: c.id,
            message: `Điểm tối đa của khoản ${criterionLabel(table, c.id)} (${pts(c.maxHalf)}) vượt quá mức trần của ${label} (${pts(section.maxHalf)}).`,
          });
        }
      }
    }
  }
  const scale = sum(scored.map((s) => s.maxHalf));
  if (scale > table.totalHalf) {
    issues.push({ at: "table", message: `Tổng điểm tối đa của các mục (${pts(scale)}) vượt quá thang điểm của bảng (${pts(table.totalHalf)}).` });
  }
  return issues;
}

/**
 * What is still missing before the units can use the table (publishing is refused while any remains):
 * the structure rules, plus completeness.
 */
export function checkTableComplete(table: CriteriaTableDef): TableIssue[] {
  const issues = checkTableStructure(table);
  const scored = table.sections.filter((s) => s.kind === "SCORED");
  if (scored.length === 0) issues.push({ at: "table", message: "Bảng tiêu chí chưa có mục chấm điểm nào." });
  const scale = sum(scored.map((s) => s.maxHalf));
  if (scored.length > 0 && scale < table.totalHalf) {
    issues.push({ at: "table", message: `Tổng điểm tối đa của các mục (${pts(scale)}) chưa bằng thang điểm của bảng (${pts(table.totalHalf)}).` });
  }
  for (const section of table.sections) {
    if (section.criteria.length === 0) {
      const label = section.kind === "SCORED" ? `Mục ${sectionLabel(table, section.id)}` : `Nhóm ${SECTION_KIND_LABELS[section.kind].toLowerCase()}`;
      issues.push({ at: section.id, message: `${label} chưa có tiêu chí nào.` });
    } else if (section.kind === "SCORED") {
      const total = criteriaSum(section);
      if (total < section.maxHalf) {
        issues.push({
          at: section.id,
          message: `Tổng điểm tối đa của các tiêu chí thuộc mục ${sectionLabel(table, section.id)} (${pts(total)}) chưa bằng điểm tối đa của mục (${pts(section.maxHalf)}).`,
        });
      }
    }
  }
  return issues;
}

/** The most any report can score: the scale plus the bonus cap. */
export function maxReachableHalf(table: CriteriaTableDef): number {
  const scored = sum(table.sections.filter((s) => s.kind === "SCORED").map((s) => Math.min(s.maxHalf, criteriaSum(s))));
  const bonus = sum(table.sections.filter((s) => s.kind === "BONUS").map((s) => Math.min(s.maxHalf, criteriaSum(s))));
  return scored + bonus;
}

/** Every criterion of the table in display order, with its section. */
export function allCriteria(table: Pick<CriteriaTableDef, "sections">): (CriterionDef & { section: SectionDef })[] {
  return table.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));
}

export type ReportKind = "MIDYEAR" | "YEAR_END";

/** What each kind of report is called (titles, messages). */
export const REPORT_KIND_LABELS: Record<ReportKind, string> = { YEAR_END: "Báo cáo tổng kết", MIDYEAR: "Báo cáo sơ kết 6 tháng" };

/**
 * The form of a report of the given kind. The year-end report uses the whole table. The mid-year
 * review is the short form: only the scored criteria marked for it (no bonus or penalty items), only
 * the key figures marked for it, and no evidence is required (it is a progress report).
 */
export function formFor(table: CriteriaTableDef, kind: ReportKind): CriteriaTableDef {
  if (kind === "YEAR_END") return table;
  return {
    totalHalf: table.totalHalf,
    sections: table.sections
      .filter((s) => s.kind === "SCORED")
      .map((s) => ({ ...s, criteria: s.criteria.filter((c) => c.inMidyear).map((c) => ({ ...c, evidenceRequired: false })) }))
      .filter((s) => s.criteria.length > 0),
    keyFigures: table.keyFigures.filter((f) => f.inMidyear),
  };
}
