-- Movements and drives (issue 17; docs/domain.md §10): a movement with its period, scope and status,
-- the figures each participating unit reports, each unit's values and evidence files; a report's key
-- figure may name a movement figure (the report then shows the unit's movement figure).

-- CreateEnum
CREATE TYPE "MovementScope" AS ENUM ('CLUSTER', 'BLOCK', 'MINISTRY');

-- CreateEnum
CREATE TYPE "MovementStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "KeyFigureDefinition" ADD COLUMN "movementFigureId" UUID;

-- CreateTable
CREATE TABLE "Movement" (
    "id" UUID NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "purpose" VARCHAR(4000) NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "scope" "MovementScope" NOT NULL,
    "clusterId" UUID,
    "blockId" UUID,
    "status" "MovementStatus" NOT NULL DEFAULT 'OPEN',
    "launchedByName" VARCHAR(120) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedByName" VARCHAR(120),

    CONSTRAINT "Movement_pkey" PRIMARY KEY ("id"),
    -- The scope names exactly what it needs: a cluster, a block, or nothing (the whole Ministry).
    CONSTRAINT "Movement_scope_target" CHECK (
        ("scope" = 'CLUSTER' AND "clusterId" IS NOT NULL AND "blockId" IS NULL)
        OR ("scope" = 'BLOCK' AND "blockId" IS NOT NULL AND "clusterId" IS NULL)
        OR ("scope" = 'MINISTRY' AND "clusterId" IS NULL AND "blockId" IS NULL)),
    CONSTRAINT "Movement_period" CHECK ("fromDate" <= "toDate")
);

-- CreateTable
CREATE TABLE "MovementFigure" (
    "id" UUID NOT NULL,
    "movementId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" VARCHAR(300) NOT NULL,
    "unitLabel" VARCHAR(40) NOT NULL,

    CONSTRAINT "MovementFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MovementUnitFigure" (
    "figureId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "value" DECIMAL(16,2) NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "enteredByName" VARCHAR(120) NOT NULL,

    CONSTRAINT "MovementUnitFigure_pkey" PRIMARY KEY ("figureId","unitId"),
    CONSTRAINT "MovementUnitFigure_value_non_negative" CHECK ("value" >= 0)
);

-- CreateTable
CREATE TABLE "MovementEvidence" (
    "id" UUID NOT NULL,
    "movementId" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "data" BYTEA NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uploadedByName" VARCHAR(120) NOT NULL,

    CONSTRAINT "MovementEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Movement_scope_status_idx" ON "Movement"("scope", "status");
CREATE INDEX "Movement_clusterId_idx" ON "Movement"("clusterId");
CREATE INDEX "Movement_blockId_idx" ON "Movement"("blockId");
CREATE UNIQUE INDEX "MovementFigure_movementId_position_key" ON "MovementFigure"("movementId", "position");
CREATE INDEX "MovementUnitFigure_unitId_idx" ON "MovementUnitFigure"("unitId");
CREATE INDEX "MovementEvidence_movementId_unitId_idx" ON "MovementEvidence"("movementId", "unitId");
CREATE INDEX "MovementEvidence_unitId_idx" ON "MovementEvidence"("unitId");

-- AddForeignKey
ALTER TABLE "KeyFigureDefinition" ADD CONSTRAINT "KeyFigureDefinition_movementFigureId_fkey" FOREIGN KEY ("movementFigureId") REFERENCES "MovementFigure"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Movement" ADD CONSTRAINT "Movement_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Block"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MovementFigure" ADD CONSTRAINT "MovementFigure_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MovementUnitFigure" ADD CONSTRAINT "MovementUnitFigure_figureId_fkey" FOREIGN KEY ("figureId") REFERENCES "MovementFigure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MovementUnitFigure" ADD CONSTRAINT "MovementUnitFigure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MovementEvidence" ADD CONSTRAINT "MovementEvidence_movementId_fkey" FOREIGN KEY ("movementId") REFERENCES "Movement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "MovementEvidence" ADD CONSTRAINT "MovementEvidence_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
