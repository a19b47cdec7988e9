-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECRETARIAT', 'UNIT_OFFICER', 'UNIT_HEAD');

-- CreateEnum
CREATE TYPE "YearPhase" AS ENUM ('SETUP', 'REGISTRATION', 'MIDYEAR', 'REPORTING', 'SCORING', 'CONFERENCE', 'RESULTS', 'CLOSED');

-- CreateEnum
CREATE TYPE "TitleKind" AS ENUM ('INDIVIDUAL', 'COLLECTIVE');

-- CreateTable
CREATE TABLE "Block" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" UUID NOT NULL,
    "blockId" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "parentId" UUID,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "sortKey" VARCHAR(600) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Officer" (
    "id" UUID NOT NULL,
    "unitId" UUID NOT NULL,
    "subUnitId" UUID,
    "code" VARCHAR(32) NOT NULL,
    "fullName" VARCHAR(120) NOT NULL,
    "searchName" VARCHAR(120) NOT NULL,
    "sortKey" VARCHAR(600) NOT NULL,
    "rank" VARCHAR(60) NOT NULL,
    "position" VARCHAR(120) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Officer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "passwordHash" VARCHAR(200) NOT NULL,
    "displayName" VARCHAR(120) NOT NULL,
    "role" "Role" NOT NULL,
    "clusterId" UUID,
    "unitId" UUID,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "username" VARCHAR(64) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "firstFailedAt" TIMESTAMP(3),
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("username")
);

-- CreateTable
CREATE TABLE "EmulationYear" (
    "id" UUID NOT NULL,
    "clusterId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "phase" "YearPhase" NOT NULL DEFAULT 'SETUP',
    "movement" VARCHAR(300) NOT NULL DEFAULT 'Vì An ninh Tổ quốc',
    "chairUnitId" UUID,
    "deputyUnitId" UUID,
    "settings" JSONB NOT NULL,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmulationYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleDefinition" (
    "id" UUID NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "shortName" VARCHAR(40) NOT NULL,
    "kind" "TitleKind" NOT NULL,
    "level" INTEGER NOT NULL,
    "prerequisites" VARCHAR(2000) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TitleDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" VARCHAR(120) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "entityType" VARCHAR(64) NOT NULL,
    "entityId" VARCHAR(64),
    "clusterId" UUID,
    "unitId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Block_code_key" ON "Block"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_code_key" ON "Cluster"("code");

-- CreateIndex
CREATE INDEX "Cluster_blockId_idx" ON "Cluster"("blockId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_clusterId_parentId_idx" ON "Unit"("clusterId", "parentId");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Officer_code_key" ON "Officer"("code");

-- CreateIndex
CREATE INDEX "Officer_unitId_active_sortKey_idx" ON "Officer"("unitId", "active", "sortKey");

-- CreateIndex
CREATE INDEX "Officer_subUnitId_idx" ON "Officer"("subUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_clusterId_idx" ON "User"("clusterId");

-- CreateIndex
CREATE INDEX "User_unitId_idx" ON "User"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "EmulationYear_clusterId_year_key" ON "EmulationYear"("clusterId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "TitleDefinition_code_key" ON "TitleDefinition"("code");

-- CreateIndex
CREATE UNIQUE INDEX "TitleDefinition_kind_level_key" ON "TitleDefinition"("kind", "level");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_clusterId_at_idx" ON "AuditLog"("clusterId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_unitId_at_idx" ON "AuditLog"("unitId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "Block"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Officer" ADD CONSTRAINT "Officer_subUnitId_fkey" FOREIGN KEY ("subUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmulationYear" ADD CONSTRAINT "EmulationYear_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmulationYear" ADD CONSTRAINT "EmulationYear_chairUnitId_fkey" FOREIGN KEY ("chairUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmulationYear" ADD CONSTRAINT "EmulationYear_deputyUnitId_fkey" FOREIGN KEY ("deputyUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
