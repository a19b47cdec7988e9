import type { Metadata } from "next";
import { GridForm, SelectField, TextAreaField, TextField } from "@/components/form";
import { Card, RecordHeader } from "@/components/ui";
import { RULE_SHAPE_LABELS } from "@/domain/eligibility";
import { can } from "@/domain/permissions";
import { requireActor } from "@/server/auth/current";
import { notFound } from "@/server/errors";
import { createTitleAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm danh hiệu thi đua" };

async function NewTitlePage() {
  const actor = await requireActor();
  if (!can(actor, "title.manage", {})) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title="Thêm danh hiệu thi đua" backHref="/titles" backLabel="Danh hiệu thi đua" />
      <Card>
        <GridForm action={createTitleAction} columns={3} resetOnSuccess submitLabel="Thêm danh hiệu" aria-label="Thêm danh hiệu thi đua">
          <TextField name="code" label="Mã danh hiệu" required maxLength={32} hint="Chữ không dấu, số và . _ - ; ví dụ TTLDTT." />
          <TextField name="name" label="Tên danh hiệu" required maxLength={200} className="sm:col-span-2" />
          <TextField name="shortName" label="Tên viết tắt" required maxLength={40} />
          <SelectField
            name="kind"
            label="Loại"
            required
            placeholder="Chọn loại"
            options={[
              { value: "INDIVIDUAL", label: "Danh hiệu cá nhân" },
              { value: "COLLECTIVE", label: "Danh hiệu tập thể" },
            ]}
          />
          <TextField name="level" label="Mức" type="number" required hint="Mức chưa có danh hiệu nào cùng loại (1 là thấp nhất)." />
          <div className="sm:col-span-3">
            <SelectField
              name="ruleShape"
              label="Quy tắc áp dụng"
              required
              placeholder="Chọn quy tắc có sẵn"
              options={Object.entries(RULE_SHAPE_LABELS).map(([value, label]) => ({ value, label }))}
              hint="Danh hiệu mới theo một quy tắc xét của hệ thống; tham số và căn cứ pháp lý được nhập ở các phiên bản quy tắc của danh hiệu."
            />
          </div>
          <TextAreaField name="prerequisites" label="Điều kiện (mô tả)" required rows={4} className="sm:col-span-3" />
        </GridForm>
      </Card>
    </div>
  );
}

export default pageOr404(NewTitlePage);
