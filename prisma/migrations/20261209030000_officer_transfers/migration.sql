-- Officer transfers (issue 17, docs/domain.md §11; why the serving unit is stamped on each record:
-- docs/decisions/0006-officer-transfers.md).
--  * "OfficerTransfer": who moved from which member unit to which, from what date, under which decision.
--  * OfficerYearResult, Initiative and Discipline carry "unitId": the member unit the officer served at
--    the record's date — a year's result or initiative: 31 December of its year (the unit that holds the
--    officer at the year's end evaluates the year); a discipline: its fromDate. The database stamps it
--    on insert from the officer's unit and transfers (trigger "stamp_served_unit"); nothing else writes it.
--  * The awarded counts (UnitTitleTally) follow the stamped unit, so a transfer no longer moves the past
--    years' counts; the streak summary (OfficerTitleStreak) still follows the officer to the new unit.
--  * The closed-year guard reads an officer record's year in the cluster of the unit it was served in.

-- AlterTable
ALTER TABLE "OfficerYearResult" ADD COLUMN     "unitId" UUID;

-- AlterTable
ALTER TABLE "Initiative" ADD COLUMN     "unitId" UUID;

-- AlterTable
ALTER TABLE "Discipline" ADD COLUMN     "unitId" UUID;

-- CreateTable
CREATE TABLE "OfficerTransfer" (
    "id" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "fromUnitId" UUID NOT NULL,
    "toUnitId" UUID NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "decisionNo" VARCHAR(60) NOT NULL,
    "decisionDate" DATE NOT NULL,
    "decisionSigner" VARCHAR(120) NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfficerTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficerTransfer_officerId_effectiveDate_idx" ON "OfficerTransfer"("officerId", "effectiveDate");

-- CreateIndex
CREATE INDEX "OfficerTransfer_fromUnitId_idx" ON "OfficerTransfer"("fromUnitId");

-- CreateIndex
CREATE INDEX "OfficerTransfer_toUnitId_idx" ON "OfficerTransfer"("toUnitId");

-- CreateIndex
CREATE INDEX "OfficerYearResult_unitId_year_idx" ON "OfficerYearResult"("unitId", "year");

-- CreateIndex
CREATE INDEX "Initiative_unitId_year_idx" ON "Initiative"("unitId", "year");

-- CreateIndex
CREATE INDEX "Discipline_unitId_fromDate_idx" ON "Discipline"("unitId", "fromDate");

-- AddForeignKey
ALTER TABLE "OfficerYearResult" ADD CONSTRAINT "OfficerYearResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerTransfer" ADD CONSTRAINT "OfficerTransfer_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerTransfer" ADD CONSTRAINT "OfficerTransfer_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerTransfer" ADD CONSTRAINT "OfficerTransfer_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerTransfer" ADD CONSTRAINT "OfficerTransfer_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill: until now every record belonged to the officer's present unit. Triggers off for the
-- backfill only (the unit does not change, so neither the tallies nor a closed year's content do).
ALTER TABLE "OfficerYearResult" DISABLE TRIGGER USER;
UPDATE "OfficerYearResult" r SET "unitId" = o."unitId" FROM "Officer" o WHERE o."id" = r."officerId";
ALTER TABLE "OfficerYearResult" ENABLE TRIGGER USER;
ALTER TABLE "Initiative" DISABLE TRIGGER USER;
UPDATE "Initiative" r SET "unitId" = o."unitId" FROM "Officer" o WHERE o."id" = r."officerId";
ALTER TABLE "Initiative" ENABLE TRIGGER USER;
ALTER TABLE "Discipline" DISABLE TRIGGER USER;
UPDATE "Discipline" r SET "unitId" = o."unitId" FROM "Officer" o WHERE o."id" = r."officerId";
ALTER TABLE "Discipline" ENABLE TRIGGER USER;

-- The member unit an officer served on day d: the unit they left by the first transfer after d, or,
-- when none came after d, the unit they are in now.
CREATE OR REPLACE FUNCTION "served_unit_at"(officer uuid, d date) RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT t."fromUnitId" FROM "OfficerTransfer" t WHERE t."officerId" = officer AND t."effectiveDate" > d
      ORDER BY t."effectiveDate", t."recordedAt" LIMIT 1),
    (SELECT o."unitId" FROM "Officer" o WHERE o."id" = officer))
$$;

-- Stamps the serving unit on a new record; TG_ARGV[0]: 'year' (a "year" column: 31 December of it)
-- or 'date' (a "fromDate" column).
CREATE OR REPLACE FUNCTION "stamp_served_unit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d date;
BEGIN
  IF TG_ARGV[0] = 'year' THEN
    d := make_date(NEW."year", 12, 31);
  ELSE
    d := NEW."fromDate";
  END IF;
  NEW."unitId" := "served_unit_at"(NEW."officerId", d);
  RETURN NEW;
END $$;

CREATE TRIGGER "OfficerYearResult_served_unit" BEFORE INSERT ON "OfficerYearResult" FOR EACH ROW EXECUTE FUNCTION "stamp_served_unit"('year');
CREATE TRIGGER "Initiative_served_unit" BEFORE INSERT ON "Initiative" FOR EACH ROW EXECUTE FUNCTION "stamp_served_unit"('year');
CREATE TRIGGER "Discipline_served_unit" BEFORE INSERT ON "Discipline" FOR EACH ROW EXECUTE FUNCTION "stamp_served_unit"('date');

-- Awarded counts by the unit served (the stamped unit), no longer by the officer's present unit.
CREATE OR REPLACE FUNCTION "unit_title_tally_result"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
    INSERT INTO "UnitTitleTally" AS t ("unitId", "year", "titleCode", "awarded")
    SELECT d."unitId", d."year", d."titleCode", sum(d.n)::int FROM (SELECT n."unitId", n."year", n."awardedTitleCode" AS "titleCode", 1 AS n FROM new_rows n WHERE n."awardedTitleCode" IS NOT NULL) d
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("unitId", "year", "titleCode") DO UPDATE SET "awarded" = t."awarded" + EXCLUDED."awarded";
    PERFORM "officer_title_streak_refresh"(ARRAY(SELECT DISTINCT "officerId" FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "UnitTitleTally" AS t ("unitId", "year", "titleCode", "awarded")
    SELECT d."unitId", d."year", d."titleCode", sum(d.n)::int FROM (SELECT o."unitId", o."year", o."awardedTitleCode" AS "titleCode", -1 AS n FROM old_rows o WHERE o."awardedTitleCode" IS NOT NULL) d
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("unitId", "year", "titleCode") DO UPDATE SET "awarded" = t."awarded" + EXCLUDED."awarded";
    PERFORM "officer_title_streak_refresh"(ARRAY(SELECT DISTINCT "officerId" FROM old_rows));
    ELSE
    INSERT INTO "UnitTitleTally" AS t ("unitId", "year", "titleCode", "awarded")
    SELECT d."unitId", d."year", d."titleCode", sum(d.n)::int FROM (SELECT n."unitId", n."year", n."awardedTitleCode" AS "titleCode", 1 AS n FROM new_rows n WHERE n."awardedTitleCode" IS NOT NULL UNION ALL SELECT o."unitId", o."year", o."awardedTitleCode" AS "titleCode", -1 AS n FROM old_rows o WHERE o."awardedTitleCode" IS NOT NULL) d
    GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("unitId", "year", "titleCode") DO UPDATE SET "awarded" = t."awarded" + EXCLUDED."awarded";
    PERFORM "officer_title_streak_refresh"(ARRAY(SELECT "officerId" FROM new_rows UNION SELECT "officerId" FROM old_rows));
    END IF;
    RETURN NULL;
  END $$;

-- An officer changing unit (a transfer) moves their active count and their streak row; the awarded
-- counts of the years served elsewhere stay where they were served.
CREATE OR REPLACE FUNCTION "unit_title_tally_officer"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO "UnitOfficerCount" AS t ("unitId", "active")
      SELECT d."unitId", sum(d.n)::int FROM (SELECT "unitId", 1 AS n FROM new_rows WHERE "active") d
      GROUP BY 1 HAVING sum(d.n) <> 0 ORDER BY 1
      ON CONFLICT ("unitId") DO UPDATE SET "active" = t."active" + EXCLUDED."active";
    ELSIF TG_OP = 'DELETE' THEN
      INSERT INTO "UnitOfficerCount" AS t ("unitId", "active")
      SELECT d."unitId", sum(d.n)::int FROM (SELECT "unitId", -1 AS n FROM old_rows WHERE "active") d
      GROUP BY 1 HAVING sum(d.n) <> 0 ORDER BY 1
      ON CONFLICT ("unitId") DO UPDATE SET "active" = t."active" + EXCLUDED."active";
    ELSE
      INSERT INTO "UnitOfficerCount" AS t ("unitId", "active")
      SELECT d."unitId", sum(d.n)::int FROM (SELECT "unitId", 1 AS n FROM new_rows WHERE "active" UNION ALL SELECT "unitId", -1 FROM old_rows WHERE "active") d
      GROUP BY 1 HAVING sum(d.n) <> 0 ORDER BY 1
      ON CONFLICT ("unitId") DO UPDATE SET "active" = t."active" + EXCLUDED."active";
      UPDATE "OfficerTitleStreak" s SET "unitId" = n."unitId", "sortKey" = n."sortKey"
      FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE s."officerId" = n."id" AND (o."unitId" <> n."unitId" OR o."sortKey" <> n."sortKey");
    END IF;
    RETURN NULL;
  END $$;

-- The closed-year guard (as of migration awards_dossiers) with officer records read in the cluster of the unit served.
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
    -- Officers' history is by calendar year, in the year of the cluster of the unit served (the
    -- record's stamped unit; issue 17), the officer's present unit for a row without one.
    WHEN 'officer_year' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Officer" o JOIN "Unit" u ON u.id = coalesce((r->>'unitId')::uuid, o."unitId") JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE o.id = (r->>'officerId')::uuid AND y.year = (r->>'year')::int;
    WHEN 'officer_date' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Officer" o JOIN "Unit" u ON u.id = coalesce((r->>'unitId')::uuid, o."unitId") JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE o.id = (r->>'officerId')::uuid AND y.year = extract(year FROM (r->>'fromDate')::timestamp)::int;
    WHEN 'commendation' THEN
      SELECT bool_or(y.phase = 'CLOSED') INTO closed FROM "Unit" u JOIN "EmulationYear" y ON y."clusterId" = u."clusterId"
      WHERE y.year = (r->>'year')::int
        AND u.id = coalesce((r->>'unitId')::uuid, (SELECT o."unitId" FROM "Officer" o WHERE o.id = (r->>'officerId')::uuid));
    -- Proposal dossiers (issue 14): their items, objections, events and decisions through the dossier.
    WHEN 'dossier' THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "Dossier" d JOIN "EmulationYear" y ON y.id = d."emulationYearId" WHERE d.id = (r->>'dossierId')::uuid;
    ELSE
      RAISE EXCEPTION 'closed_year_of: unknown kind %', kind;
  END CASE;
  RETURN coalesce(closed, false);
END $$;

