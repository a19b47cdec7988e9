-- The closed-year lock at the database level (DOMAIN.md §4 step 8): the rows of a CLOSED emulation
-- year (and of its children, found through their parent) can be neither changed nor deleted, and a
-- closed year can be neither reopened nor deleted, unless the transaction declared itself an
-- amendment with SELECT set_config('sothidua.amendment', 'on', true) (the year.amendClosed command).
-- Every command already refuses a closed year itself; this guard catches any path that does not.
-- INSERT is left to the commands: the demo seed and test fixtures build closed years' history by
-- inserting into years created as CLOSED. Restores (scripts/lib/backup.ts) disable user triggers.
-- Ballots, their choices and the register of voters get no trigger at all (ballot secrecy: nothing
-- runs behind the app's back on them; the app only ever inserts them); their round is guarded.

-- Whether the row (as jsonb) belongs to a closed year; `kind` says how to reach its year.
CREATE OR REPLACE FUNCTION "closed_year_of"(kind text, r jsonb) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  closed boolean;
BEGIN
  CASE kind
    WHEN 'self' THEN
      closed := r->>'phase' = 'CLOSED';
    WHEN 'year' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "EmulationYear" y WHERE y.id = (r->>'emulationYearId')::uuid;
    WHEN 'vote_round' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "VoteRound" v JOIN "EmulationYear" y ON y.id = v."emulationYearId" WHERE v.id = (r->>'roundId')::uuid;
    WHEN 'table' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "CriteriaTable" t JOIN "EmulationYear" y ON y.id = t."emulationYearId" WHERE t.id = (r->>'tableId')::uuid;
    WHEN 'report' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "UnitReport" p JOIN "EmulationYear" y ON y.id = p."emulationYearId" WHERE p.id = (r->>'reportId')::uuid;
    WHEN 'scoring_round' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "ScoringRound" s JOIN "EmulationYear" y ON y.id = s."emulationYearId" WHERE s.id = (r->>'roundId')::uuid;
    WHEN 'assignment' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "CrossAssignment" a JOIN "ScoringRound" s ON s.id = a."roundId" JOIN "EmulationYear" y ON y.id = s."emulationYearId"
      WHERE a.id = (r->>'assignmentId')::uuid;
    -- Officers' history is by calendar year, in the year of the officer's cluster.
    WHEN 'officer_year' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId" JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE o.id = (r->>'officerId')::uuid AND y.year = (r->>'year')::int;
    WHEN 'officer_date' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Officer" o JOIN "Unit" u ON u.id = o."unitId" JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE o.id = (r->>'officerId')::uuid AND y.year = extract(year FROM (r->>'fromDate')::timestamp)::int;
    WHEN 'commendation' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Unit" u JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE y.year = (r->>'year')::int
        AND u.id = coalesce((r->>'unitId')::uuid, (SELECT o."unitId" FROM "Officer" o WHERE o.id = (r->>'officerId')::uuid));
    ELSE
      RAISE EXCEPTION 'closed_year_of: unknown kind %', kind;
  END CASE;
  RETURN coalesce(closed, false);
END $$;

CREATE OR REPLACE FUNCTION "closed_year_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('sothidua.amendment', true), '') <> 'on' AND "closed_year_of"(TG_ARGV[0], to_jsonb(OLD)) THEN
    RAISE EXCEPTION 'Năm thi đua đã khóa sổ: không thể % bảng "%" (chỉ sửa đổi sau khóa sổ).', lower(TG_OP), TG_TABLE_NAME
      USING ERRCODE = 'check_violation', HINT = 'closed_year';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "EmulationYear_closed_guard" BEFORE UPDATE OR DELETE ON "EmulationYear" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('self');
CREATE TRIGGER "UnitRegistration_closed_guard" BEFORE UPDATE OR DELETE ON "UnitRegistration" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "OfficerRegistration_closed_guard" BEFORE UPDATE OR DELETE ON "OfficerRegistration" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "UnitYearResult_closed_guard" BEFORE UPDATE OR DELETE ON "UnitYearResult" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "VoteRound_closed_guard" BEFORE UPDATE OR DELETE ON "VoteRound" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "CriteriaTable_closed_guard" BEFORE UPDATE OR DELETE ON "CriteriaTable" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "UnitReport_closed_guard" BEFORE UPDATE OR DELETE ON "UnitReport" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "ScoringRound_closed_guard" BEFORE UPDATE OR DELETE ON "ScoringRound" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
CREATE TRIGGER "VoteCandidate_closed_guard" BEFORE UPDATE OR DELETE ON "VoteCandidate" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('vote_round');
CREATE TRIGGER "CriteriaSection_closed_guard" BEFORE UPDATE OR DELETE ON "CriteriaSection" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('table');
CREATE TRIGGER "Criterion_closed_guard" BEFORE UPDATE OR DELETE ON "Criterion" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('table');
CREATE TRIGGER "KeyFigureDefinition_closed_guard" BEFORE UPDATE OR DELETE ON "KeyFigureDefinition" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('table');
CREATE TRIGGER "CriteriaAmendment_closed_guard" BEFORE UPDATE OR DELETE ON "CriteriaAmendment" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('table');
CREATE TRIGGER "ReportScore_closed_guard" BEFORE UPDATE OR DELETE ON "ReportScore" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('report');
CREATE TRIGGER "ReportFigure_closed_guard" BEFORE UPDATE OR DELETE ON "ReportFigure" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('report');
CREATE TRIGGER "EvidenceFile_closed_guard" BEFORE UPDATE OR DELETE ON "EvidenceFile" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('report');
CREATE TRIGGER "ReportEvent_closed_guard" BEFORE UPDATE OR DELETE ON "ReportEvent" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('report');
CREATE TRIGGER "CrossAssignment_closed_guard" BEFORE UPDATE OR DELETE ON "CrossAssignment" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('scoring_round');
CREATE TRIGGER "CrossScore_closed_guard" BEFORE UPDATE OR DELETE ON "CrossScore" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('assignment');
-- Officers' results: UPDATE only. No command deletes a result; test fixtures delete closed years'
-- results directly (tests/integration/dashboard.test.ts), so DELETE is not guarded here yet.
CREATE TRIGGER "OfficerYearResult_closed_guard" BEFORE UPDATE ON "OfficerYearResult" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('officer_year');
CREATE TRIGGER "Initiative_closed_guard" BEFORE UPDATE OR DELETE ON "Initiative" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('officer_year');
CREATE TRIGGER "Discipline_closed_guard" BEFORE UPDATE OR DELETE ON "Discipline" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('officer_date');
CREATE TRIGGER "Commendation_closed_guard" BEFORE UPDATE OR DELETE ON "Commendation" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('commendation');
