-- Registration refusals lifted by the secretariat (docs/domain.md §4 step 2): one officer, one title,
-- one year, with a written reason; audited by the command that writes it (registration.title.override).

-- CreateTable
CREATE TABLE "RegistrationOverride" (
    "id" UUID NOT NULL,
    "emulationYearId" UUID NOT NULL,
    "officerId" UUID NOT NULL,
    "titleCode" VARCHAR(32) NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "createdById" UUID,
    "createdByName" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegistrationOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationOverride_emulationYearId_officerId_titleCode_key" ON "RegistrationOverride"("emulationYearId", "officerId", "titleCode");

-- AddForeignKey
ALTER TABLE "RegistrationOverride" ADD CONSTRAINT "RegistrationOverride_emulationYearId_fkey" FOREIGN KEY ("emulationYearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RegistrationOverride" ADD CONSTRAINT "RegistrationOverride_officerId_fkey" FOREIGN KEY ("officerId") REFERENCES "Officer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A closed year's overrides stay as they were (migration closed_year_guard).
CREATE TRIGGER "RegistrationOverride_closed_guard" BEFORE UPDATE OR DELETE ON "RegistrationOverride" FOR EACH ROW EXECUTE FUNCTION "closed_year_guard"('year');
