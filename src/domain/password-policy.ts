// The password policy (issue 13): the minimum every password set in the app must meet, whoever sets
// it — the admin creating an account or resetting its password, or the user changing their own. Pure:
// the commands call it, the forms state its rules next to the field (PASSWORD_RULES), the demo
// accounts' password is checked against it by a unit test.
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What the forms say next to a new-password field. */
export const PASSWORD_RULES = `Ít nhất ${PASSWORD_MIN_LENGTH} ký tự; không chứa tên đăng nhập; không dùng mật khẩu phổ biến, dễ đoán (như 123456789a, matkhau@123, Admin@2024).`;

export const PASSWORD_TOO_SHORT = `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`;
export const PASSWORD_TOO_LONG = `Mật khẩu tối đa ${PASSWORD_MAX_LENGTH} ký tự.`;
export const PASSWORD_INVALID_CHARACTERS = "Mật khẩu chứa ký tự không hợp lệ.";
export const PASSWORD_HAS_USERNAME = "Mật khẩu không được chứa tên đăng nhập.";
export const PASSWORD_TOO_COMMON = "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.";

/** What a user whose password was set by the admin reads when they try anything else first. */
export const PASSWORD_CHANGE_REQUIRED = "Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu trước khi tiếp tục.";

const comparable = (s: string) => s.normalize("NFC").toLowerCase();

/**
 * Whether a password is too common: on the list as typed, or once what people add at the end to get
 * past a length rule is taken off ("matkhau@2024", "Admin@123456": digits, signs, spaces), or one
 * character repeated ("aaaaaaaaaa").
 */
function isCommon(password: string): boolean {
  const text = comparable(password);
  const stem = text.replace(/[\d\p{P}\p{S}\s]+$/u, "");
  return COMMON_PASSWORDS.has(text) || (stem.length > 0 && COMMON_PASSWORDS.has(stem)) || /^(.)\1*$/su.test(text);
}

/**
 * Every rule a new password breaks, in the order the form shows them (none: it may be set). Length is
 * counted in characters as stored (NFC code points); `username` is the account's login name.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (!password.isWellFormed()) return [PASSWORD_INVALID_CHARACTERS]; // a lone surrogate would reach the hash as U+FFFD
  const length = [...password.normalize("NFC")].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_TOO_SHORT);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_TOO_LONG);
  const name = comparable(username.trim());
  if (name.length > 0 && comparable(password).includes(name)) problems.push(PASSWORD_HAS_USERNAME);
  if (isCommon(password)) problems.push(PASSWORD_TOO_COMMON);
  return problems;
}
