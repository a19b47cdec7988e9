// The user's own password change, on the account page and on /change-password (a password the admin
// set): the current password, the new one with the policy's rules beside it, and the new one again.
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { PASSWORD_MAX_LENGTH, PASSWORD_RULES } from "@/domain/password-policy";
import { changePasswordAction } from "./actions";

export function PasswordForm({ username, className }: { username: string; className?: string }) {
  return (
    <ActionForm action={changePasswordAction} resetOnSuccess className={className ?? "grid gap-4 sm:max-w-md"} aria-label="Đổi mật khẩu">
      {/* For password managers: which account the new password belongs to. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <TextField name="currentPassword" label="Mật khẩu hiện tại" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="current-password" />
      <TextField name="password" label="Mật khẩu mới" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" hint={PASSWORD_RULES} />
      <TextField name="confirmPassword" label="Nhập lại mật khẩu mới" type="password" required maxLength={PASSWORD_MAX_LENGTH} autoComplete="new-password" />
      <div>
        <SubmitButton>Đổi mật khẩu</SubmitButton>
      </div>
    </ActionForm>
  );
}
