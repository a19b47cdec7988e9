// The account's e-mail address for notifications (issue 16; command user.email), edited by the admin.
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { userEmailOf } from "@/server/queries/notifications";
import type { Actor } from "@/domain/permissions";
import { setUserEmailAction } from "../../notification-actions";
import { found } from "@/app/not-found-boundary";

export async function UserEmailCard({ actor, userId }: { actor: Actor; userId: string }) {
  const user = await found(userEmailOf(actor, userId));
  return (
    <Card title="Thư điện tử nhận thông báo">
      <ActionForm action={setUserEmailAction} aria-label="Thư điện tử nhận thông báo" className="flex flex-wrap items-end gap-4">
        <input type="hidden" name="userId" value={userId} />
        <TextField name="email" label="Địa chỉ thư điện tử" type="email" maxLength={254} defaultValue={user.email ?? ""} hint="Để trống nếu không gửi thư." />
        <SubmitButton className="min-h-11">Lưu địa chỉ</SubmitButton>
      </ActionForm>
      <p className="mt-2 text-xs text-slate-500">
        {user.emailNotifications ? "Người dùng đang nhận thông báo qua thư điện tử." : "Người dùng đã tắt nhận thông báo qua thư điện tử."}
      </p>
    </Card>
  );
}
