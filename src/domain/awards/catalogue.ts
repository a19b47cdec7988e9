// What a proposal dossier may hold and who decides it (docs/domain.md §3, §9). Pure data.
import { COLLECTIVE_TITLES, type CollectiveTitle } from "../eligibility";

/** A dossier's statuses, in order (RETURNED: the cluster amends and sends again). */
export const DOSSIER_STATUSES = {
  DRAFT: "Đang lập",
  DISCLOSING: "Đang công khai",
  SENT: "Đã gửi Bộ",
  RETURNED: "Bộ trả lại",
  ACCEPTED: "Bộ đã tiếp nhận",
} as const;
export type DossierStatus = keyof typeof DOSSIER_STATUSES;

export const ITEM_KINDS = {
  UNIT_TITLE: "Danh hiệu tập thể",
  OFFICER_TITLE: "Danh hiệu cá nhân",
  UNIT_COMMENDATION: "Hình thức khen thưởng tập thể",
  OFFICER_COMMENDATION: "Hình thức khen thưởng cá nhân",
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const isOfficerKind = (kind: ItemKind) => kind === "OFFICER_TITLE" || kind === "OFFICER_COMMENDATION";
export const isTitleKind = (kind: ItemKind) => kind === "UNIT_TITLE" || kind === "OFFICER_TITLE";

export const ITEM_STATUSES = {
  PROPOSED: "Đề nghị",
  WITHDRAWN: "Đã rút",
  APPROVED: "Được khen thưởng",
  NOT_APPROVED: "Không được khen thưởng",
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;

/** Collective titles a cluster proposes to the Ministry (all of them: the cluster awards none itself). */
export const DOSSIER_UNIT_TITLES = COLLECTIVE_TITLES;
/** Individual titles that need a Ministry or national decision; CST and CSTĐCS are the unit's own. */
export const DOSSIER_OFFICER_TITLES = ["CSTD_CAND", "CSTD_TQ"] as const;
export type DossierOfficerTitle = (typeof DOSSIER_OFFICER_TITLES)[number];
/** Flags: acclaimed by the conference and counted against the year's allowance. */
export const FLAG_TITLES = ["CO_BCA", "CO_CP"] as const satisfies readonly CollectiveTitle[];
export const isFlag = (code: string): code is (typeof FLAG_TITLES)[number] => (FLAG_TITLES as readonly string[]).includes(code);

/** Who signs a decision (cấp quyết định). */
export const DECISION_LEVELS = {
  MINISTER: "Bộ trưởng Bộ Công an",
  PRIME_MINISTER: "Thủ tướng Chính phủ",
  PRESIDENT: "Chủ tịch nước",
} as const;
export type DecisionLevel = keyof typeof DECISION_LEVELS;

/**
 * Forms of commendation (hình thức khen thưởng). `inDossier`: a cluster proposes it to the Ministry;
 * the others (Giấy khen of a unit's head, Kỷ niệm chương) are entered in the register by hand or
 * imported. `level`: who decides it, shown in the register and required of a decision approving it.
 */
export const COMMENDATION_FORMS = {
  BANG_KHEN_BO: { label: "Bằng khen của Bộ trưởng Bộ Công an", level: "MINISTER", inDossier: true },
  BANG_KHEN_TTG: { label: "Bằng khen của Thủ tướng Chính phủ", level: "PRIME_MINISTER", inDossier: true },
  HUAN_CHUONG: { label: "Huân chương", level: "PRESIDENT", inDossier: true },
  GIAY_KHEN: { label: "Giấy khen", level: null, inDossier: false },
  KY_NIEM_CHUONG: { label: "Kỷ niệm chương", level: "MINISTER", inDossier: false },
} as const satisfies Record<string, { label: string; level: DecisionLevel | null; inDossier: boolean }>;
export type CommendationForm = keyof typeof COMMENDATION_FORMS;
export const COMMENDATION_FORM_CODES = Object.keys(COMMENDATION_FORMS) as [CommendationForm, ...CommendationForm[]];
export const DOSSIER_COMMENDATION_FORMS = COMMENDATION_FORM_CODES.filter((f) => COMMENDATION_FORMS[f].inDossier);
export const isCommendationForm = (s: string): s is CommendationForm => Object.hasOwn(COMMENDATION_FORMS, s);

/** The level of decision an item needs: the Government flag and CSTĐ toàn quốc go to the Prime Minister. */
export function decisionLevelFor(item: { titleCode?: string | null; commendationForm?: string | null }): DecisionLevel {
  if (item.titleCode === "CO_CP" || item.titleCode === "CSTD_TQ") return "PRIME_MINISTER";
  if (item.commendationForm && isCommendationForm(item.commendationForm)) return COMMENDATION_FORMS[item.commendationForm].level ?? "MINISTER";
  return "MINISTER";
}

/** "UNIT_TITLE:<unit>" …: one proposal of each kind per subject (a unique key of the dossier). */
export const subjectKey = (kind: ItemKind, subjectId: string) => `${kind}:${subjectId}`;

export const OBJECTION_ANSWERS = {
  KEPT: "Giữ nguyên đề nghị",
  WITHDRAWN: "Rút đề nghị",
  AMENDED: "Điều chỉnh đề nghị",
} as const;
export type ObjectionAnswer = keyof typeof OBJECTION_ANSWERS;
