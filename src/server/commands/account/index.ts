// One's own account (issue 13): changing one's password. The password fields and the policy check are
// shared with the admin's account commands (../admin/users.ts).
export { changeOwnPassword } from "./change-password";
export { checkNewPassword, confirmPasswordField, newPasswordField, PASSWORD_MISMATCH, passwordsMatch } from "./password-fields";
