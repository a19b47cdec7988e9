import { type ReportState } from "@/domain/dashboard";
import { type RoundKind } from "@/domain/voting";
import { queryRows } from "@/server/db";

export type ReportRow = { unitId: string; year: number; kind: "MIDYEAR" | "YEAR_END"; status: ReportState; finalTotalHalf: number | null; finalRank: number | null };
export type SectionRow = {
  year: number;
  unitId: string;
  sectionId: string;
  kind: "SCORED" | "BONUS" | "PENALTY";
  position: number;
  title: string;
  maxHalf: number;
  counted: number;
};

/** Every report of the cluster's years: status and, once the scoring round is finalised, the fixed result. */
export function reportsOfCluster(clusterId: string) {
  return queryRows<ReportRow[]>`
    SELECT r."unitId"::text AS "unitId", y."year", r."kind"::text AS "kind", r."status"::text AS "status", r."finalTotalHalf", r."finalRank"
    FROM "EmulationYear" y JOIN "UnitReport" r ON r."emulationYearId" = y."id"
    WHERE y."clusterId" = ${clusterId}::uuid`;
}

/**
 * Section totals of the submitted year-end reports of some years (the final score of a criterion when
 * the secretariat has fixed it, else the unit's own), each criterion within 0..its max and each
 * section within its max — the arithmetic of src/domain/scoring/totals.ts, in SQL. Sections without
 * any score are absent (they count 0).
 */
export function sectionTotals(yearIds: string[]) {
  return queryRows<SectionRow[]>`
    SELECT y."year", r."unitId"::text AS "unitId", s."id"::text AS "sectionId", s."kind"::text AS "kind", s."position", s."title", s."maxHalf",
      LEAST(SUM(LEAST(GREATEST(COALESCE(rs."finalHalf", rs."selfHalf", 0), 0), c."maxHalf")), GREATEST(s."maxHalf", 0))::int AS "counted"
    FROM "UnitReport" r
    JOIN "EmulationYear" y ON y."id" = r."emulationYearId"
    JOIN "ReportScore" rs ON rs."reportId" = r."id"
    JOIN "Criterion" c ON c."id" = rs."criterionId"
    JOIN "CriteriaSection" s ON s."id" = c."sectionId"
    WHERE r."emulationYearId" = ANY(${yearIds}::uuid[]) AND r."kind" = 'YEAR_END' AND r."status" IN ('SUBMITTED', 'ACCEPTED')
    GROUP BY y."year", r."unitId", s."id"
    ORDER BY y."year", r."unitId", s."id"`;
}

export type UnitRow = {
  id: string;
  code: string;
  name: string;
  active: boolean;
  sortKey: string;
  activeOfficers: number;
  registrationStatus: "DRAFT" | "SUBMITTED" | null;
  targetTitleCode: string | null;
  agreementSigned: boolean;
  proposedTitleCode: string | null;
  awardedTitleCode: string | null;
  pendingCrossScores: number;
};

/** The member units with their own figures of one year: one statement (per-unit counts from indexes). */
export function unitsOfYear(clusterId: string, yearId: string) {
  return queryRows<UnitRow[]>`
    SELECT u."id"::text AS "id", u."code", u."name", u."active", u."sortKey",
      coalesce(oc."active", 0) AS "activeOfficers",
      reg."status"::text AS "registrationStatus", reg."targetTitleCode", reg."agreementSignedOn" IS NOT NULL AS "agreementSigned",
      res."proposedTitleCode", res."awardedTitleCode",
      (SELECT count(*) FROM "CrossAssignment" ca JOIN "ScoringRound" sr ON sr."id" = ca."roundId"
        WHERE ca."scorerUnitId" = u."id" AND ca."submittedAt" IS NULL AND sr."emulationYearId" = ${yearId}::uuid AND sr."state" = 'OPEN')::int AS "pendingCrossScores"
    FROM "Unit" u
    LEFT JOIN "UnitOfficerCount" oc ON oc."unitId" = u."id"
    LEFT JOIN "UnitRegistration" reg ON reg."emulationYearId" = ${yearId}::uuid AND reg."unitId" = u."id"
    LEFT JOIN "UnitYearResult" res ON res."emulationYearId" = ${yearId}::uuid AND res."unitId" = u."id"
    WHERE u."clusterId" = ${clusterId}::uuid AND u."parentId" IS NULL
    ORDER BY u."sortKey", u."id"`;
}

export type RoundRow = {
  id: string;
  kind: RoundKind;
  title: string;
  seats: number;
  state: "DRAFT" | "OPEN" | "CLOSED";
  passThreshold: string | null;
  isRunoff: boolean;
  ballots: number;
  votedUnitIds: string[];
  candidates: { id: string; unitId: string; position: number; approvals: number; disapprovals: number }[];
};

/**
 * The year's vote rounds in one statement: who has voted (participation), and for CLOSED rounds only
 * the number of ballots and each candidate's totals — counted by the database, never ballot by ballot.
 */
export function roundsOfYear(yearId: string) {
  return queryRows<RoundRow[]>`
    SELECT r."id"::text AS "id", r."kind"::text AS "kind", r."title", r."seats", r."state"::text AS "state", r."passThreshold",
      r."runoffOfId" IS NOT NULL AS "isRunoff",
      CASE WHEN r."state" = 'CLOSED' THEN (SELECT count(*) FROM "Ballot" b WHERE b."roundId" = r."id") ELSE 0 END::int AS "ballots",
      (SELECT coalesce(json_agg(p."unitId"), '[]'::json) FROM "VoteParticipation" p WHERE p."roundId" = r."id") AS "votedUnitIds",
      (SELECT coalesce(json_agg(json_build_object('id', c."id", 'unitId', c."unitId", 'position', c."position",
          'approvals', coalesce(t.a, 0), 'disapprovals', coalesce(t.d, 0)) ORDER BY c."position"), '[]'::json)
        FROM "VoteCandidate" c
        LEFT JOIN (
          SELECT bc."candidateId", count(*) FILTER (WHERE bc."approve") AS a, count(*) FILTER (WHERE NOT bc."approve") AS d
          FROM "Ballot" b JOIN "BallotChoice" bc ON bc."ballotId" = b."id"
          WHERE b."roundId" = r."id" AND r."state" = 'CLOSED' GROUP BY bc."candidateId"
        ) t ON t."candidateId" = c."id"
        WHERE c."roundId" = r."id") AS "candidates"
    FROM "VoteRound" r
    WHERE r."emulationYearId" = ${yearId}::uuid
    ORDER BY r."createdAt", r."id"`;
}
