// The permissions the reports and scoring features check (entries of src/domain/permissions.ts).
// Drafts: whatever "report.view" says, a report that is not submitted (DRAFT, RETURNED) is only ever
// shown to its own unit (src/server/queries/reports/, reportVisibility()).
import type { Permission } from "../permissions";

export const P = {
  criteriaManage: "criteria.manage",
  criteriaView: "criteria.view",
  reportView: "report.view",
  reportEdit: "report.edit",
  reportApprove: "report.approve",
  reportReview: "report.review",
  crossScore: "score.cross",
  scoringManage: "scoring.manage",
  rankingView: "ranking.view",
} as const satisfies Record<string, Permission>;
