-- Issue 17 items 4 and 5 (docs/domain.md §4 step 8, §10).
-- LateRecord: an initiative or a discipline record of a closed year, entered afterwards through the
-- audited amendment (year.amendLateInitiative / year.amendLateDiscipline), with its decision and reason.
-- JointAgreement (+ signatories): the cluster's joint emulation agreement (giao ước thi đua) of a year.

-- CreateEnum
CREATE TYPE "JointAgreementStatus" AS ENUM ('DRAFT', 'SIGNED');

-- CreateTable
CREATE TABLE "LateRecord" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "initiativeId" UUID,
    "disciplineId" UUID,
    "decisionNo" VARCHAR(60) NOT NULL,
    "decisionDate" DATE NOT NULL,
    "decisionSigner" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "recordedByName" VARCHAR(120) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LateRecord_pkey" PRIMARY KEY ("id"),
    -- Exactly one record: an initiative or a discipline.
    CONSTRAINT "LateRecord_one_record" CHECK (("initiativeId" IS NULL) <> ("disciplineId" IS NULL))
);

-- CreateTable
CREATE TABLE "JointAgreement" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "commitments" TEXT NOT NULL,
    "place" VARCHAR(200),
    "signedOn" DATE,
    "status" "JointAgreementStatus" NOT NULL DEFAULT 'DRAFT',
    "updatedByName" VARCHAR(120) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JointAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointAgreementSignatory" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "position" VARCHAR(200) NOT NULL,

    CONSTRAINT "JointAgreementSignatory_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LateRecord_initiativeId_key" ON "LateRecord"("initiativeId");
CREATE UNIQUE INDEX "LateRecord_disciplineId_key" ON "LateRecord"("disciplineId");
CREATE UNIQUE INDEX "JointAgreement_emulationYearId_key" ON "JointAgreement"("emulationYearId");
CREATE UNIQUE INDEX "JointAgreementSignatory_agreementId_unitId_key" ON "JointAgreementSignatory"("agreementId", "unitId");

-- AddForeignKey
ALTER TABLE "LateRecord" ADD CONSTRAINT "LateRecord_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LateRecord" ADD CONSTRAINT "LateRecord_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "LateRecord" ADD CONSTRAINT "LateRecord_disciplineId_fkey" FOREIGN KEY ("disciplineId") REFERENCES "Discipline"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "JointAgreement" ADD CONSTRAINT "JointAgreement_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "JointAgreementSignatory" ADD CONSTRAINT "JointAgreementSignatory_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "JointAgreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JointAgreementSignatory" ADD CONSTRAINT "JointAgreementSignatory_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The closed-year lock (migration closed_year_guard). A late record is written into a closed year by
-- its amendment and never changed afterwards.
CREATE TRIGGER "LateRecord_closed_guard" BEFORE UPDATE OR DELETE ON "LateRecord" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');

-- The joint agreement of a closed year (and its signatories) can be neither written, changed nor
-- deleted — INSERT included, unlike the older tables — unless the transaction is an amendment
-- (agreement.amend; the demo seed builds its closed years the same way).
CREATE OR REPLACE FUNCTION "joint_agreement_closed_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
  closed boolean;
BEGIN
  IF coalesce(current_setting('sothidua.amendment', true), '') = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_TABLE_NAME = 'JointAgreement' THEN
    SELECT y.phase = 'CLOSED' INTO closed FROM "EmulationYear" y WHERE y.id = (r->>'emulationYearId')::uuid;
    IF TG_OP = 'UPDATE' AND NOT coalesce(closed, false) THEN
      SELECT y.phase = 'CLOSED' INTO closed FROM "EmulationYear" y WHERE y.id = OLD."emulationYearId";
    END IF;
  ELSE
    SELECT y.phase = 'CLOSED' INTO closed FROM "JointAgreement" a JOIN "EmulationYear" y ON y.id = a."emulationYearId"
    WHERE a.id = (r->>'agreementId')::uuid;
  END IF;
  IF coalesce(closed, false) THEN
    RAISE EXCEPTION 'Năm thi đua đã khóa sổ: không thể % bảng "%" (chỉ sửa đổi sau khóa sổ).', lower(TG_OP), TG_TABLE_NAME
      USING ERRCODE = 'check_violation', HINT = 'closed_year';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER "JointAgreement_closed_guard" BEFORE INSERT OR UPDATE OR DELETE ON "JointAgreement" FOR EACH ROW EXECUTE FUNCTION "joint_agreement_closed_guard"();
CREATE TRIGGER "JointAgreementSignatory_closed_guard" BEFORE INSERT OR UPDATE OR DELETE ON "JointAgreementSignatory" FOR EACH ROW EXECUTE FUNCTION "joint_agreement_closed_guard"();
