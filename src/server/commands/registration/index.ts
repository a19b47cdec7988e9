// Commands of title registration (docs/domain.md §4 step 2): a unit's officers' target titles (a batch from
// the table, or every officer matching a filter), the unit's own target title, submitting, the
// secretariat's reopen, and the signed agreement.
//
// Scope always comes from the database: the unit officer's own member unit (never a unit id from the
// form), the stored unit of a registration, the stored cluster of a year. Every write of one unit-year
// first locks that unit's UnitRegistration row (creating it if needed), so two saves of the same unit
// cannot both pass the quota check; the year row is read FOR SHARE, so the year cannot be closed or
// change phase between the check and the write.
//
// Writable window (src/domain/registration-window.ts): a CLOSED year refuses everything; a SUBMITTED
// registration is read-only for the unit until reopened; otherwise the REGISTRATION phase up to the
// deadline (inclusive, Vietnam time), or while the secretariat's reopen runs.
export { setUnitTargetInput, setUnitTarget } from "./unit-target";
export { MAX_BATCH_ROWS, saveOfficerRegistrationsInput, saveOfficerRegistrations } from "./officer-registrations";
export { OFFICER_NOT_IN_UNIT, type RegistrationRowInput } from "./apply-rows";
export { NO_TARGET_TITLE, submitUnitRegistrationInput, submitUnitRegistration } from "./submit";
export { bulkSetOfficerRegistrationsInput, bulkSetOfficerRegistrations } from "./bulk";
export { reopenUnitRegistrationInput, reopenUnitRegistration } from "./reopen";
export { NO_UNIT_CHOSEN, reopenRegistrationsInput, reopenRegistrations } from "./reopen-bulk";
export { recordAgreementInput, recordAgreementForUnitInput, recordAgreement, recordAgreementForUnit } from "./agreement";
export { overrideRegistrationInput, overrideRegistration } from "./override";
export { NOT_OUR_SUB_UNIT, setSubUnitTargetInput, setSubUnitTarget } from "./sub-unit-target";
