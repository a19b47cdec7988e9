-- CreateEnum
CREATE TYPE "CriteriaSectionKind" AS ENUM ('SCORED', 'BONUS', 'PENALTY');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('MIDYEAR', 'YEAR_END');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ReportEventKind" AS ENUM ('SUBMITTED', 'RETURNED', 'ACCEPTED');

-- CreateEnum
CREATE TYPE "ScoringRoundState" AS ENUM ('OPEN', 'CLOSED', 'FINALISED');

-- CreateTable
CREATE TABLE "CriteriaTable" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "totalHalf" INTEGER NOT NULL DEFAULT 200,
    "copiedFromYear" INTEGER,
    "publishedAt" TIMESTAMP(3),
    "frozenAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CriteriaTable_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaSection" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "kind" "CriteriaSectionKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "maxHalf" INTEGER NOT NULL,

    CONSTRAINT "CriteriaSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "guidance" VARCHAR(2000),
    "maxHalf" INTEGER NOT NULL,
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "inMidyear" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyFigureDefinition" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(300) NOT NULL,
    "unitLabel" VARCHAR(40) NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "inMidyear" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "KeyFigureDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriteriaAmendment" (
    "id" UUID NOT NULL,
    "tableId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "summary" VARCHAR(1000) NOT NULL,
    "change" JSONB NOT NULL,
    "actorId" UUID,
    "actorName" VARCHAR(120) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CriteriaAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitReport" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "narrative" TEXT NOT NULL DEFAULT '',
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "savedAt" TIMESTAMP(3),
    "savedByName" VARCHAR(120),
    "submissionCount" INTEGER NOT NULL DEFAULT 0,
    "tableVersion" INTEGER,
    "submittedAt" TIMESTAMP(3),
    "submittedByName" VARCHAR(120),
    "returnReason" VARCHAR(1000),
    "acceptedAt" TIMESTAMP(3),
    "finalTotalHalf" INTEGER,
    "finalRank" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportScore" (
    "reportId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "selfHalf" INTEGER,
    "explanation" TEXT NOT NULL DEFAULT '',
    "finalHalf" INTEGER,
    "finalNote" VARCHAR(1000),

    CONSTRAINT "ReportScore_pkey" PRIMARY KEY ("reportId","criterionId")
);

-- CreateTable
CREATE TABLE "ReportFigure" (
    "reportId" UUID NOT NULL,
    "figureId" UUID NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,

    CONSTRAINT "ReportFigure_pkey" PRIMARY KEY ("reportId","figureId")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedByName" VARCHAR(120) NOT NULL,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "kind" "ReportEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" VARCHAR(120) NOT NULL,
    "reason" VARCHAR(1000),
    "snapshot" JSONB,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringRound" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "state" "ScoringRoundState" NOT NULL DEFAULT 'OPEN',
    "scorersPerReport" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "differencePercent" INTEGER NOT NULL,
    "tieBreak" VARCHAR(40) NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "finalisedAt" TIMESTAMP(3),

    CONSTRAINT "ScoringRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossAssignment" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "scorerUnitId" UUID NOT NULL,
    "draftVersion" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "submittedByName" VARCHAR(120),

    CONSTRAINT "CrossAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossScore" (
    "assignmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "scoreHalf" INTEGER NOT NULL,
    "note" VARCHAR(1000),

    CONSTRAINT "CrossScore_pkey" PRIMARY KEY ("assignmentId","criterionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaTable_emulationYearId_key" ON "CriteriaTable"("emulationYearId");

-- CreateIndex
CREATE INDEX "CriteriaSection_tableId_position_idx" ON "CriteriaSection"("tableId", "position");

-- CreateIndex
CREATE INDEX "Criterion_sectionId_position_idx" ON "Criterion"("sectionId", "position");

-- CreateIndex
CREATE INDEX "Criterion_tableId_idx" ON "Criterion"("tableId");

-- CreateIndex
CREATE INDEX "KeyFigureDefinition_tableId_position_idx" ON "KeyFigureDefinition"("tableId", "position");

-- CreateIndex
CREATE INDEX "CriteriaAmendment_tableId_at_idx" ON "CriteriaAmendment"("tableId", "at");

-- CreateIndex
CREATE INDEX "UnitReport_unitId_idx" ON "UnitReport"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitReport_emulationYearId_unitId_kind_key" ON "UnitReport"("emulationYearId", "unitId", "kind");

-- CreateIndex
CREATE INDEX "ReportScore_criterionId_idx" ON "ReportScore"("criterionId");

-- CreateIndex
CREATE INDEX "ReportFigure_figureId_idx" ON "ReportFigure"("figureId");

-- CreateIndex
CREATE INDEX "EvidenceFile_reportId_criterionId_idx" ON "EvidenceFile"("reportId", "criterionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_criterionId_idx" ON "EvidenceFile"("criterionId");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_at_idx" ON "ReportEvent"("reportId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringRound_emulationYearId_key" ON "ScoringRound"("emulationYearId");

-- CreateIndex
CREATE INDEX "CrossAssignment_scorerUnitId_idx" ON "CrossAssignment"("scorerUnitId");

-- CreateIndex
CREATE INDEX "CrossAssignment_reportId_idx" ON "CrossAssignment"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "CrossAssignment_roundId_reportId_scorerUnitId_key" ON "CrossAssignment"("roundId", "reportId", "scorerUnitId");

-- CreateIndex
CREATE INDEX "CrossScore_criterionId_idx" ON "CrossScore"("criterionId");

-- AddForeignKey
ALTER TABLE "CriteriaTable" ADD CONSTRAINT "CriteriaTable_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaSection" ADD CONSTRAINT "CriteriaSection_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "CriteriaTable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "CriteriaTable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "CriteriaSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyFigureDefinition" ADD CONSTRAINT "KeyFigureDefinition_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "CriteriaTable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriteriaAmendment" ADD CONSTRAINT "CriteriaAmendment_tableId_fkey" FOREIGN KEY ("tableId") REFERENCES "CriteriaTable"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitReport" ADD CONSTRAINT "UnitReport_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitReport" ADD CONSTRAINT "UnitReport_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportScore" ADD CONSTRAINT "ReportScore_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UnitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportScore" ADD CONSTRAINT "ReportScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFigure" ADD CONSTRAINT "ReportFigure_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UnitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFigure" ADD CONSTRAINT "ReportFigure_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "KeyFigureDefinition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UnitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UnitReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringRound" ADD CONSTRAINT "ScoringRound_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossAssignment" ADD CONSTRAINT "CrossAssignment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ScoringRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossAssignment" ADD CONSTRAINT "CrossAssignment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "UnitReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossAssignment" ADD CONSTRAINT "CrossAssignment_scorerUnitId_fkey" FOREIGN KEY ("scorerUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "CrossAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
