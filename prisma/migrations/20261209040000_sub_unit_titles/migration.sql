-- Sub-units' collective titles (issue 17 item 2; docs/domain.md §3 "Sub-units", docs/decisions/0004).
-- One row per sub-unit and emulation year: the target its member unit registered, the title awarded.

-- CreateTable
CREATE TABLE "SubUnitTitle" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "subUnitId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "targetTitleCode" VARCHAR(32),
    "awardedTitleCode" VARCHAR(32),
    "decisionNo" VARCHAR(60),
    "decisionDate" DATE,
    "decisionSigner" VARCHAR(120),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubUnitTitle_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubUnitTitle_emulationYearId_subUnitId_key" ON "SubUnitTitle"("emulationYearId", "subUnitId");
CREATE INDEX "SubUnitTitle_unitId_emulationYearId_idx" ON "SubUnitTitle"("unitId", "emulationYearId");
CREATE INDEX "SubUnitTitle_subUnitId_idx" ON "SubUnitTitle"("subUnitId");

-- AddForeignKey
ALTER TABLE "SubUnitTitle" ADD CONSTRAINT "SubUnitTitle_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SubUnitTitle" ADD CONSTRAINT "SubUnitTitle_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SubUnitTitle" ADD CONSTRAINT "SubUnitTitle_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SubUnitTitle" ADD CONSTRAINT "SubUnitTitle_targetTitleCode_fkey" FOREIGN KEY ("targetTitleCode") REFERENCES "TitleDefinition"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SubUnitTitle" ADD CONSTRAINT "SubUnitTitle_awardedTitleCode_fkey" FOREIGN KEY ("awardedTitleCode") REFERENCES "TitleDefinition"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- A sub-unit is never a member unit, and its row's unit is a member unit: checked by the commands,
-- and here so that no other path can store a member unit as a sub-unit.
CREATE OR REPLACE FUNCTION "sub_unit_title_check"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Unit" s WHERE s.id = NEW."subUnitId" AND s."parentId" = NEW."unitId")
     OR EXISTS (SELECT 1 FROM "Unit" m WHERE m.id = NEW."unitId" AND m."parentId" IS NOT NULL) THEN
    RAISE EXCEPTION 'SubUnitTitle: % is not a sub-unit of member unit %', NEW."subUnitId", NEW."unitId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SubUnitTitle_sub_unit_check" BEFORE INSERT OR UPDATE OF "subUnitId", "unitId" ON "SubUnitTitle" FOR EACH ROW EXECUTE FUNCTION "sub_unit_title_check"();

-- A closed year's sub-unit titles stay as they were (migration closed_year_guard).
CREATE TRIGGER "SubUnitTitle_closed_guard" BEFORE UPDATE OR DELETE ON "SubUnitTitle" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
