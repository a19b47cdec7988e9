export { commendationRegister, REGISTER_PAGE_SIZE, type RegisterFilters, type RegisterRow } from "./register";
export { commendationTemplateData } from "./template";
