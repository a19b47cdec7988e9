-- CreateEnum
CREATE TYPE "TaskRating" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETE', 'INCOMPLETE');

-- CreateEnum
CREATE TYPE "InitiativeLevel" AS ENUM ('BASE', 'MINISTRY', 'NATIONAL');

-- CreateEnum
CREATE TYPE "DisciplineForm" AS ENUM ('KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CAP_BAC_HAM', 'GIANG_CHUC', 'CACH_CHUC', 'TUOC_DANH_HIEU_CAND');

-- CreateEnum
CREATE TYPE "DisciplineStatus" AS ENUM ('PENDING', 'IN_FORCE', 'CLEARED');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "VoteRoundKind" AS ENUM ('ACCLAIM', 'CHAIR_ELECTION', 'DEPUTY_ELECTION');

-- CreateEnum
CREATE TYPE "VoteRoundState" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "EmulationYear" ADD COLUMN     "chairAssignmentRef" VARCHAR(200);

-- CreateTable
CREATE TABLE "OfficerYearResult" (
    "id" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "rating" "TaskRating",
    "awardedTitleCode" VARCHAR(32),
    "decisionNo" VARCHAR(60),
    "decisionDate" DATE,
    "decisionSigner" VARCHAR(120),
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerYearResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "InitiativeLevel" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "decisionNo" VARCHAR(60),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Discipline" (
    "id" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "form" "DisciplineForm" NOT NULL,
    "status" "DisciplineStatus" NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE,
    "note" VARCHAR(500),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Discipline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitRegistration" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "targetTitleCode" VARCHAR(32),
    "status" "RegistrationStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "reopenedUntil" TIMESTAMP(3),
    "reopenReason" VARCHAR(500),
    "agreementSignedOn" DATE,
    "agreementSigner" VARCHAR(120),
    "agreementFileName" VARCHAR(200),
    "agreementFileType" VARCHAR(100),
    "agreementFile" BYTEA,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficerRegistration" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "titleCode" VARCHAR(32) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficerRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitYearResult" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "awardedTitleCode" VARCHAR(32),
    "proposedTitleCode" VARCHAR(32),
    "decisionNo" VARCHAR(60),
    "decisionDate" DATE,
    "decisionSigner" VARCHAR(120),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UnitYearResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "officerId" UUID,
    "unitId" UUID,
    "form" VARCHAR(200) NOT NULL,
    "level" VARCHAR(100) NOT NULL,
    "decisionNo" VARCHAR(60) NOT NULL,
    "decisionDate" DATE NOT NULL,
    "decisionSigner" VARCHAR(120) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteRound" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "kind" "VoteRoundKind" NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "titleCode" VARCHAR(32),
    "seats" INTEGER NOT NULL,
    "state" "VoteRoundState" NOT NULL DEFAULT 'DRAFT',
    "passThreshold" VARCHAR(40),
    "quorum" INTEGER,
    "electorateSize" INTEGER,
    "runoffOfId" UUID,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteCandidate" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "note" VARCHAR(300),

    CONSTRAINT "VoteCandidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteParticipation" (
    "roundId" UUID NOT NULL,
    "unitId" UUID NOT NULL,

    CONSTRAINT "VoteParticipation_pkey" PRIMARY KEY ("roundId","unitId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotChoice" (
    "ballotId" UUID NOT NULL,
    "candidateId" UUID NOT NULL,
    "approve" BOOLEAN NOT NULL,

    CONSTRAINT "BallotChoice_pkey" PRIMARY KEY ("ballotId","candidateId")
);

-- CreateIndex
CREATE INDEX "OfficerYearResult_year_awardedTitleCode_idx" ON "OfficerYearResult"("year", "awardedTitleCode");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerYearResult_officerId_year_key" ON "OfficerYearResult"("officerId", "year");

-- CreateIndex
CREATE INDEX "Initiative_officerId_year_idx" ON "Initiative"("officerId", "year");

-- CreateIndex
CREATE INDEX "Discipline_officerId_idx" ON "Discipline"("officerId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitRegistration_emulationYearId_unitId_key" ON "UnitRegistration"("emulationYearId", "unitId");

-- CreateIndex
CREATE INDEX "OfficerRegistration_emulationYearId_unitId_titleCode_idx" ON "OfficerRegistration"("emulationYearId", "unitId", "titleCode");

-- CreateIndex
CREATE UNIQUE INDEX "OfficerRegistration_emulationYearId_officerId_key" ON "OfficerRegistration"("emulationYearId", "officerId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitYearResult_emulationYearId_unitId_key" ON "UnitYearResult"("emulationYearId", "unitId");

-- CreateIndex
CREATE INDEX "Commendation_officerId_idx" ON "Commendation"("officerId");

-- CreateIndex
CREATE INDEX "Commendation_unitId_year_idx" ON "Commendation"("unitId", "year");

-- CreateIndex
CREATE INDEX "VoteRound_emulationYearId_idx" ON "VoteRound"("emulationYearId");

-- CreateIndex
CREATE UNIQUE INDEX "VoteCandidate_roundId_unitId_key" ON "VoteCandidate"("roundId", "unitId");

-- CreateIndex
CREATE INDEX "Ballot_roundId_idx" ON "Ballot"("roundId");

-- AddForeignKey
ALTER TABLE "OfficerYearResult" ADD CONSTRAINT "OfficerYearResult_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerYearResult" ADD CONSTRAINT "OfficerYearResult_awardedTitleCode_fkey" FOREIGN KEY ("awardedTitleCode") REFERENCES "TitleDefinition"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Discipline" ADD CONSTRAINT "Discipline_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRegistration" ADD CONSTRAINT "UnitRegistration_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRegistration" ADD CONSTRAINT "UnitRegistration_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitRegistration" ADD CONSTRAINT "UnitRegistration_targetTitleCode_fkey" FOREIGN KEY ("targetTitleCode") REFERENCES "TitleDefinition"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerRegistration" ADD CONSTRAINT "OfficerRegistration_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerRegistration" ADD CONSTRAINT "OfficerRegistration_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerRegistration" ADD CONSTRAINT "OfficerRegistration_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficerRegistration" ADD CONSTRAINT "OfficerRegistration_titleCode_fkey" FOREIGN KEY ("titleCode") REFERENCES "TitleDefinition"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearResult" ADD CONSTRAINT "UnitYearResult_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearResult" ADD CONSTRAINT "UnitYearResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearResult" ADD CONSTRAINT "UnitYearResult_awardedTitleCode_fkey" FOREIGN KEY ("awardedTitleCode") REFERENCES "TitleDefinition"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commendation" ADD CONSTRAINT "Commendation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteRound" ADD CONSTRAINT "VoteRound_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteRound" ADD CONSTRAINT "VoteRound_runoffOfId_fkey" FOREIGN KEY ("runoffOfId") REFERENCES "VoteRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteCandidate" ADD CONSTRAINT "VoteCandidate_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VoteRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteCandidate" ADD CONSTRAINT "VoteCandidate_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VoteRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "VoteRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotChoice" ADD CONSTRAINT "BallotChoice_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "VoteCandidate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
