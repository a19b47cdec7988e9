// The user's own e-mail address and whether notifications are also sent there.
import type { Metadata } from "next";
import { ActionForm, CheckboxField, SubmitButton, TextField } from "@/components/form";
import { Card, PageHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { myEmailSettings } from "@/server/queries/notifications";
import { updateMyEmailAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Nhận thông báo qua thư điện tử" };

async function NotificationSettingsPage() {
  const actor = await requireActor();
  const s = await myEmailSettings(actor);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Nhận thông báo qua thư điện tử" description="Thông báo luôn hiện trong ứng dụng; có thể gửi thêm bản sao qua thư điện tử." />
      <Card>
        {!s.smtpEnabled && (
          <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Máy chủ thư chưa được cấu hình: hiện chưa gửi thư điện tử. Địa chỉ vẫn được lưu để dùng khi quản trị viên cấu hình.
          </p>
        )}
        <ActionForm action={updateMyEmailAction} aria-label="Thư điện tử nhận thông báo" className="space-y-4">
          <TextField name="email" label="Địa chỉ thư điện tử" type="email" autoComplete="email" maxLength={254} defaultValue={s.email ?? ""} hint="Để trống nếu không muốn nhận thư." />
          <CheckboxField name="emailNotifications" label="Gửi thông báo tới địa chỉ này" defaultChecked={s.emailNotifications} />
          <SubmitButton className="min-h-11">Lưu</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}

export default pageOr404(NotificationSettingsPage);
