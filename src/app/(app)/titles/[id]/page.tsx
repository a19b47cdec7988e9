import type { Metadata } from "next";
import { CheckboxField, GridForm, TextAreaField, TextField } from "@/components/form";
import { Card, RecordHeader } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { getTitle } from "@/server/queries/admin";
import { updateTitleAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa danh hiệu thi đua" };

const KIND_LABELS = { INDIVIDUAL: "Danh hiệu cá nhân", COLLECTIVE: "Danh hiệu tập thể" } as const;

async function EditTitlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const title = await getTitle(actor, (await params).id);
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={title.name} backHref="/titles" backLabel="Danh hiệu thi đua">
        <span className="ml-3">
          {KIND_LABELS[title.kind]} · mức {title.level} · mã <span className="font-mono text-xs">{title.code}</span>
        </span>
      </RecordHeader>
      <Card>
        <GridForm action={updateTitleAction} id={title.id} columns={3} aria-label="Sửa danh hiệu thi đua">
          <TextField name="name" label="Tên danh hiệu" required maxLength={200} defaultValue={title.name} className="sm:col-span-2" />
          <TextField name="shortName" label="Tên viết tắt" required maxLength={40} defaultValue={title.shortName} />
          <TextAreaField name="prerequisites" label="Điều kiện" required rows={6} defaultValue={title.prerequisites} className="sm:col-span-3" hint="Tối đa 2000 ký tự." />
          <div className="sm:col-span-3">
            <CheckboxField name="active" label="Đang áp dụng (được chọn khi đăng ký và xét danh hiệu)" defaultChecked={title.active} />
          </div>
          <p className="text-xs text-slate-500 sm:col-span-3">
            Loại và mức của danh hiệu cố định theo quy định. Các tỷ lệ, ngưỡng xét (như hạn mức Chiến sĩ thi đua cơ sở) được đặt trong cài đặt năm thi
            đua của từng cụm. Cập nhật lần cuối {formatDateTime(title.updatedAt)}.
          </p>
        </GridForm>
      </Card>
    </div>
  );
}

export default pageOr404(EditTitlePage);
