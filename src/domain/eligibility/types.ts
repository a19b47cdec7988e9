// Plain data in and out of the eligibility rules engine (docs/domain.md §3). No framework, no I/O: the
// server loads these shapes from Postgres, the engine answers, the pages show the reasons.
import type { TASK_RATINGS } from "../title-catalogue";
import type { YearSettings } from "../year-settings";

// ---------------------------------------------------------------------------------------------
// Titles, ratings, initiatives, discipline

/** Individual titles, lowest first (the order is the ladder: each one includes the one below). */
export const INDIVIDUAL_TITLES = ["CST", "CSTDCS", "CSTD_CAND", "CSTD_TQ"] as const;
export type IndividualTitle = (typeof INDIVIDUAL_TITLES)[number];

/** Collective titles, lowest first. */
export const COLLECTIVE_TITLES = ["DV_TIEN_TIEN", "DV_QUYET_THANG", "CO_BCA", "CO_CP"] as const;
export type CollectiveTitle = (typeof COLLECTIVE_TITLES)[number];

export type TitleCode = IndividualTitle | CollectiveTitle;

export type TaskRating = keyof typeof TASK_RATINGS;

/** Worst first: a rating "is at least" another when its index is not lower. */
export const TASK_RATING_ORDER = ["INCOMPLETE", "COMPLETE", "GOOD", "EXCELLENT"] as const satisfies readonly TaskRating[];

/** Scope of an initiative (sáng kiến), lowest first. */
export const INITIATIVE_LEVELS = {
  BASE: "cấp cơ sở",
  MINISTRY: "cấp Bộ",
  NATIONAL: "cấp toàn quốc",
} as const;
export type InitiativeLevel = keyof typeof INITIATIVE_LEVELS;
export const INITIATIVE_LEVEL_ORDER = ["BASE", "MINISTRY", "NATIONAL"] as const satisfies readonly InitiativeLevel[];

/**
 * Forms of discipline for officers of the People's Public Security, least severe first (Luật Công an
 * nhân dân; Điều lệnh kỷ luật CAND). The order is what "cảnh cáo trở lên" means.
 */
export const DISCIPLINE_FORMS = {
  KHIEN_TRACH: "Khiển trách",
  CANH_CAO: "Cảnh cáo",
  HA_BAC_LUONG: "Hạ bậc lương",
  GIANG_CAP_BAC_HAM: "Giáng cấp bậc hàm",
  GIANG_CHUC: "Giáng chức",
  CACH_CHUC: "Cách chức",
  TUOC_DANH_HIEU_CAND: "Tước danh hiệu Công an nhân dân",
} as const;
export type DisciplineForm = keyof typeof DISCIPLINE_FORMS;
export const DISCIPLINE_FORM_ORDER = Object.keys(DISCIPLINE_FORMS) as DisciplineForm[];

/**
 * PENDING: under review (đang xem xét kỷ luật); `form` is the form proposed. IN_FORCE: decided, in
 * force from `from` to `to`. CLEARED: the review ended without discipline, or the decision was
 * annulled; kept for the record, never blocks anything.
 */
export const DISCIPLINE_STATUSES = {
  PENDING: "Đang xem xét kỷ luật",
  IN_FORCE: "Đã có quyết định kỷ luật",
  CLEARED: "Không xử lý kỷ luật / đã hủy",
} as const;
export type DisciplineStatus = keyof typeof DISCIPLINE_STATUSES;

// ---------------------------------------------------------------------------------------------
// An officer's history

export type OfficerYearRecord = {
  year: number;
  /** The task rating (xếp loại) of that year, once recorded. */
  rating?: TaskRating;
  /**
   * The individual title actually awarded for that year (by decision), at most one: the highest of the
   * ladder. A higher title implies the lower ones were held that year (CSTĐ CAND ⇒ CSTĐCS ⇒ CST).
   */
  awardedTitle?: IndividualTitle;
};

export type Initiative = {
  id?: string;
  /** The year the initiative was recognised. */
  year: number;
  level: InitiativeLevel;
  title: string;
};

export type DisciplineRecord = {
  id?: string;
  form: DisciplineForm;
  status: DisciplineStatus;
  /** yyyy-mm-dd: when the review opened (PENDING) or the decision took effect (IN_FORCE). */
  from: string;
  /** yyyy-mm-dd, inclusive: last day in force / under review. Absent: still open. */
  to?: string;
};

export type OfficerHistory = {
  years: readonly OfficerYearRecord[];
  initiatives: readonly Initiative[];
  disciplines: readonly DisciplineRecord[];
};

// ---------------------------------------------------------------------------------------------
// Stage of evaluation (see the design note in index.ts)

export type EvaluationStage =
  | { stage: "REGISTRATION" }
  /** asOf (yyyy-mm-dd): the day of the decision; a discipline open that day blocks as well. */
  | { stage: "RESULTS"; asOf?: string };

export const REGISTRATION: EvaluationStage = { stage: "REGISTRATION" };
export const RESULTS: EvaluationStage = { stage: "RESULTS" };

/** The settings the engine reads; a whole YearSettings fits. */
export type EligibilitySettings = Pick<
  YearSettings,
  | "cstdcsQuotaPercent"
  | "cstdcsBasis"
  | "advancedUnitMinCstPercent"
  | "determinedUnitMinGoodPercent"
  | "ministryFlagsPerCluster"
  | "extraMinistryFlags"
>;

// ---------------------------------------------------------------------------------------------
// Results

export type EligibilityStatus = "ELIGIBLE" | "NOT_YET" | "BLOCKED";

export type RuleCode =
  // individual
  | "RATING"
  | "NO_DISCIPLINE"
  | "CSTDCS_INITIATIVE"
  | "CSTDCS_STREAK"
  | "CSTD_CAND_CYCLE"
  | "MINISTRY_INITIATIVE"
  | "CSTD_CAND_TWICE"
  | "NATIONAL_INITIATIVE"
  // collective
  | "CST_SHARE"
  | "NO_SERIOUS_DISCIPLINE"
  | "ALL_COMPLETE"
  | "GOOD_SHARE"
  | "HAS_CSTDCS"
  | "ACCLAIMED"
  | "MINISTRY_FLAG_ALLOCATION"
  | "MINISTRY_FLAG_STANDARD"
  | "LEADS_CLUSTER";

/** A record a reason looked at, so the page can point at it. */
export type CitedRecord =
  | { kind: "YEAR"; year: number; record: OfficerYearRecord | null }
  | { kind: "INITIATIVE"; record: Initiative }
  | { kind: "DISCIPLINE"; record: DisciplineRecord; officerId?: string }
  | { kind: "UNIT_YEAR"; year: number; record: UnitYearRecord | null };

export type Reason = {
  rule: RuleCode;
  ok: boolean;
  /** Vietnamese, for the user. */
  message: string;
  years?: number[];
  records?: CitedRecord[];
  /** REGISTRATION stage: a same-year prerequisite taken as met because it is the target. */
  assumed?: true;
  /** A failure that performance this year cannot fix (discipline): the title is BLOCKED. */
  blocking?: true;
  /** The legal basis of the rule in force that year (the rule version's citation, rule-set.ts). */
  basis?: string;
};

export type TitleResult<T extends TitleCode = TitleCode> = {
  title: T;
  status: EligibilityStatus;
  reasons: Reason[];
};

export type OfficerEvaluation = {
  year: number;
  stage: EvaluationStage["stage"];
  /** One per individual title, lowest first. */
  results: TitleResult<IndividualTitle>[];
  /** The highest ELIGIBLE title, or null. */
  highestEligible: IndividualTitle | null;
};

// ---------------------------------------------------------------------------------------------
// Units

export type UnitYearRecord = { year: number; awardedTitle?: CollectiveTitle };

/** One member's facts for the year being evaluated. */
export type MemberYearFacts = {
  officerId: string;
  /** Shown in messages instead of the id when given. */
  officerName?: string;
  rating?: TaskRating;
  /** REGISTRATION: the title registered; RESULTS: the title awarded (or found eligible). */
  title?: IndividualTitle;
  disciplines?: readonly DisciplineRecord[];
};

export type MemberDiscipline = { officerId: string; officerName?: string; record: DisciplineRecord };

/** Members' facts as counts (what a query can aggregate in SQL). */
export type UnitMemberSummary = {
  memberCount: number;
  /** Members with CST or a higher individual title (registered at REGISTRATION, awarded at RESULTS). */
  cstCount: number;
  /** Members with CSTĐCS or higher. */
  cstdcsCount: number;
  /** Members rated, per rating; members not counted here have no rating yet. */
  ratingCounts: Partial<Record<TaskRating, number>>;
  /** Members' discipline records (any form; the engine picks what counts). */
  disciplines: readonly MemberDiscipline[];
};

export type UnitInput = {
  unitId: string;
  members: UnitMemberSummary | readonly MemberYearFacts[];
  /** Collective titles awarded to the unit, per year. */
  history?: readonly UnitYearRecord[];
  /** Acclaimed (suy tôn) by the cluster's conference as leading; undefined: not voted yet. */
  acclaimed?: boolean;
  /** The unit's place in the cluster's ranking (1 = leads); undefined: not ranked yet. */
  clusterRank?: number;
};

export type UnitEvaluation = {
  unitId: string;
  year: number;
  stage: EvaluationStage["stage"];
  results: TitleResult<CollectiveTitle>[];
  highestEligible: CollectiveTitle | null;
};

/** Under, exactly at, or over an allowance (CSTĐCS quota, flags). */
export type AllowanceVerdict = "UNDER" | "AT" | "OVER";

/** Input that cannot describe a real record (duplicate year, bad date…): a bug in the caller. */
export class EligibilityInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EligibilityInputError";
  }
}
