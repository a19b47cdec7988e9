// The yearly statistics of titles and commendations (docs/domain.md §9): the rows of the statutory
// tables — emulation titles by level of decision, forms of commendation by level — each counted for
// collectives and individuals. Pure: the query counts, this lays the table out.
import { COLLECTIVE_TITLES, INDIVIDUAL_TITLES } from "../eligibility";
import { TITLE_CATALOGUE } from "../title-catalogue";
import { COMMENDATION_FORMS, COMMENDATION_FORM_CODES, DECISION_LEVELS } from "./catalogue";

/** Who decides a title (cấp quyết định), as the statistics group them. */
export const TITLE_DECISION_LEVEL: Record<string, string> = {
  CSTD_TQ: "Nhà nước",
  CO_CP: "Nhà nước",
  CSTD_CAND: "Bộ Công an",
  CO_BCA: "Bộ Công an",
  DV_QUYET_THANG: "Bộ Công an",
  CSTDCS: "Cơ sở",
  CST: "Cơ sở",
  DV_TIEN_TIEN: "Cơ sở",
};

export type StatisticsCounts = {
  /** Awarded (not revoked) titles by code: units and officers. */
  unitTitles: Map<string, number>;
  officerTitles: Map<string, number>;
  /** Commendations (not revoked) by form code ("" for a row entered before the form codes). */
  unitCommendations: Map<string, number>;
  officerCommendations: Map<string, number>;
  revoked: number;
};

export type StatisticsRow = { group: string; label: string; level: string; collective: number | null; individual: number | null; total: number };

/** A title's full name ("Cờ thi đua của Bộ Công an", "Chiến sĩ thi đua cơ sở"). */
export const titleName = (code: string) => TITLE_CATALOGUE.find((t) => t.code === code)?.name ?? code;

const count = (m: Map<string, number>, k: string) => m.get(k) ?? 0;

/**
 * Table 1 (danh hiệu thi đua): the titles, highest first, each on the side it belongs to (a collective
 * title has no individual count). Table 2 (hình thức khen thưởng): every form, and the forms recorded
 * without a code ("Khác").
 */
export function statisticsRows(c: StatisticsCounts): { titles: StatisticsRow[]; commendations: StatisticsRow[] } {
  const titles: StatisticsRow[] = [
    ...[...COLLECTIVE_TITLES].reverse().map((t) => ({ group: "Danh hiệu tập thể", label: titleName(t), level: TITLE_DECISION_LEVEL[t]!, collective: count(c.unitTitles, t), individual: null, total: count(c.unitTitles, t) })),
    ...[...INDIVIDUAL_TITLES].reverse().map((t) => ({ group: "Danh hiệu cá nhân", label: titleName(t), level: TITLE_DECISION_LEVEL[t]!, collective: null, individual: count(c.officerTitles, t), total: count(c.officerTitles, t) })),
  ];
  const codes: string[] = [...COMMENDATION_FORM_CODES];
  const others = (m: Map<string, number>) => [...m].filter(([k]) => !codes.includes(k)).reduce((s, [, n]) => s + n, 0);
  const commendations: StatisticsRow[] = COMMENDATION_FORM_CODES.map((f) => {
    const form = COMMENDATION_FORMS[f];
    const collective = count(c.unitCommendations, f);
    const individual = count(c.officerCommendations, f);
    return { group: "Hình thức khen thưởng", label: form.label, level: form.level ? DECISION_LEVELS[form.level] : "Thủ trưởng đơn vị", collective, individual, total: collective + individual };
  });
  const otherCollective = others(c.unitCommendations);
  const otherIndividual = others(c.officerCommendations);
  if (otherCollective + otherIndividual > 0) commendations.push({ group: "Hình thức khen thưởng", label: "Hình thức khác", level: "", collective: otherCollective, individual: otherIndividual, total: otherCollective + otherIndividual });
  return { titles, commendations };
}
