export { transferOfficer, transferOfficerInput } from "./transfer";
