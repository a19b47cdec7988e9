// The year's reminder offsets (issue 16): a small form of its own under the year's settings (command
// year.reminders), so the settings command stays as it is.
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Card } from "@/components/ui";
import { offsetsText } from "@/domain/notifications";
import { YEAR_SETTING_LABELS } from "@/domain/year-rules";
import type { YearSettings } from "@/domain/year-settings";
import { updateReminderOffsetsAction } from "./reminder-actions";

export function ReminderSettings({ yearId, settings, writable }: { yearId: string; settings: YearSettings; writable: boolean }) {
  return (
    <Card title="Nhắc hạn tự động">
      <p className="mb-4 text-sm text-slate-600">
        Các đơn vị chưa gửi đăng ký, chưa nộp báo cáo, chưa gửi phiếu chấm chéo hoặc chưa bỏ phiếu được nhắc trước mỗi thời hạn theo số ngày làm
        việc (không tính thứ Bảy, Chủ nhật và ngày nghỉ lễ). Phiếu chấm chéo và bỏ phiếu tính đến ngày hội nghị tổng kết. Thư ký Cụm nhận bản
        tổng hợp các đơn vị chậm mỗi ngày làm việc.
      </p>
      {writable ? (
        <ActionForm action={updateReminderOffsetsAction} aria-label="Nhắc hạn tự động" className="flex flex-wrap items-end gap-4">
          <input type="hidden" name="yearId" value={yearId} />
          <TextField
            name="reminderOffsets"
            label={YEAR_SETTING_LABELS.reminderOffsets}
            defaultValue={settings.reminderOffsets.join(", ")}
            hint="Ví dụ: 5, 1 (mặc định). Để trống nếu không nhắc."
            maxLength={40}
          />
          <SubmitButton className="min-h-11">Lưu nhắc hạn</SubmitButton>
        </ActionForm>
      ) : (
        <p className="font-medium">
          {YEAR_SETTING_LABELS.reminderOffsets}: {offsetsText(settings.reminderOffsets)}
        </p>
      )}
    </Card>
  );
}
