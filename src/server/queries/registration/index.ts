// Read side of title registration (docs/domain.md §4 step 2): one unit's registration page for its cluster's
// current year (paged officer table with each officer's eligibility, the unit's quota and collective
// evaluation), the secretariat's board of every unit's progress, and the stored agreement file.
// Scope: unit officers and unit heads see their own unit; the secretariat its cluster; admins all
// (permission "registration.view"; the board is "registration.board"). Out of scope → 404.
export { REGISTRATION_PAGE_SIZE, type RegistrationRow, type UnitRegistrationPage, unitRegistrationPage } from "./unit-page";
export { currentYearOf, type YearInfo, type TitleCounts } from "./shared";
export { type RegistrationParams, parseRegistrationParams } from "./params";
export { type TitleOption, titleOptions } from "./titles";
export { type BoardRow, type RegistrationBoard, registrationBoard } from "./board";
export { type AgreementFile, agreementFileFor } from "./agreement";
export { NO_SUB_UNIT } from "@/server/store/officer-filters";
export { TARGET_ANY } from "@/server/store/officer-filters";
export { TARGET_NONE } from "@/server/store/officer-filters";
export { type SubUnitRegistrationRow, type SubUnitRegistrations } from "./sub-units";
