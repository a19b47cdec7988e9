import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/domain/password-policy";
import { isStorableText } from "@/domain/validation";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { defineCommand, UserError } from "../command";
import { checkNewPassword, confirmPasswordField, newPasswordField, PASSWORD_MISMATCH, passwordsMatch } from "./password-fields";

const WRONG_CURRENT = "Mật khẩu hiện tại không đúng.";
const SAME_AS_CURRENT = "Mật khẩu mới phải khác mật khẩu hiện tại.";

const changeOwnPasswordInput = z
  .object({
    currentPassword: z
      .string({ error: "Vui lòng nhập mật khẩu hiện tại." })
      .min(1, "Vui lòng nhập mật khẩu hiện tại.")
      .max(PASSWORD_MAX_LENGTH, WRONG_CURRENT)
      .refine(isStorableText, WRONG_CURRENT), // no password set holds NUL or a lone surrogate
    password: newPasswordField,
    confirmPassword: confirmPasswordField,
  })
  .refine(passwordsMatch, PASSWORD_MISMATCH);

/**
 * The user sets their own password (issue 13): the current one must be given, the new one must meet
 * the policy and differ from it. Clears the forced change an admin-set password calls for. The user's
 * other sessions are ended by the caller (it knows which session is this one).
 */
export const changeOwnPassword = defineCommand({
  name: "account.password",
  label: "Đổi mật khẩu",
  permission: "account.own",
  keepsOverviews: true,
  input: changeOwnPasswordInput,
  target: async () => ({}),
  async run(tx, input, actor) {
    // The user's row locked: two changes at once are settled one after the other.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { username: true, passwordHash: true, mustChangePassword: true } });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new UserError(WRONG_CURRENT, { currentPassword: [WRONG_CURRENT] });
    }
    checkNewPassword(input.password, user.username);
    if (input.password === input.currentPassword) throw new UserError(SAME_AS_CURRENT, { password: [SAME_AS_CURRENT] });
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(input.password), mustChangePassword: false } });
    return {
      data: { wasForced: user.mustChangePassword },
      message: "Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã được đăng xuất.",
      // The fact of the change only, never a password or its hash.
      audit: {
        entityType: "User",
        entityId: actor.userId,
        before: { mustChangePassword: user.mustChangePassword },
        after: { username: user.username, passwordChanged: true, mustChangePassword: false },
      },
    };
  },
  auditPayload: z.object({
    before: z.object({ mustChangePassword: z.boolean() }).strict(),
    after: z.object({ username: z.string(), passwordChanged: z.literal(true), mustChangePassword: z.literal(false) }).strict(),
  }),
});
