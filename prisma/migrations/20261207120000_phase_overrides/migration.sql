-- Phases that gate work (docs/domain.md §4, "What each phase allows"): the secretariat allows one kind
-- of work outside its phases for one year, with a reason and an optional expiry; revocable, audited.

-- CreateTable
CREATE TABLE "PhaseOverride" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdByName" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedByName" VARCHAR(200),
    "revokeReason" VARCHAR(500),

    CONSTRAINT "PhaseOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PhaseOverride_emulationYearId_action_idx" ON "PhaseOverride"("emulationYearId", "action");

-- AddForeignKey
ALTER TABLE "PhaseOverride" ADD CONSTRAINT "PhaseOverride_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A closed year's overrides stay as they were (migration closed_year_guard).
CREATE TRIGGER "PhaseOverride_closed_guard" BEFORE UPDATE OR DELETE ON "PhaseOverride" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
