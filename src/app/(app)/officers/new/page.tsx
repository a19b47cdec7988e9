import type { Metadata } from "next";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Card, LinkButton, PageHeader } from "@/components/ui";
import { RANKS } from "@/domain/ranks";
import { requireActor } from "@/server/auth/current";
import { newOfficerContext, type SubUnitChoice } from "@/server/queries/officers";
import { createOfficerAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm cán bộ" };

async function NewOfficerPage() {
  const actor = await requireActor();
  // Only a unit officer reaches this page, and only for their own unit (404 otherwise).
  const { unit, subUnits } = await newOfficerContext(actor);
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Thêm cán bộ"
        description={unit.name}
        actions={
          <LinkButton href="/officers" variant="secondary">
            Quay lại danh sách
          </LinkButton>
        }
      />
      <Card>
        <ActionForm action={createOfficerAction} aria-label="Thêm cán bộ" className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <OfficerFields subUnits={subUnits} />
          </div>
          <SubmitButton>Thêm cán bộ</SubmitButton>
        </ActionForm>
      </Card>
    </div>
  );
}

function OfficerFields({ subUnits }: { subUnits: SubUnitChoice[] }) {
  return (
    <>
      <TextField name="code" label="Mã cán bộ" required maxLength={32} autoComplete="off" hint="Chữ không dấu, số và các ký tự . _ - (tự chuyển thành chữ in hoa)." />
      <TextField name="fullName" label="Họ và tên" required maxLength={120} autoComplete="off" />
      <SelectField name="rank" label="Cấp bậc" required placeholder="— Chọn cấp bậc —" options={RANKS.map((r) => ({ value: r, label: r }))} />
      <TextField name="position" label="Chức vụ" required maxLength={120} hint="Ví dụ: Cán bộ, Đội trưởng, Phó Trưởng phòng." />
      <SelectField
        name="subUnitId"
        label="Phòng/Đội"
        placeholder="(Chưa phân phòng/đội)"
        options={subUnits.map((s) => ({ value: s.id, label: s.name }))}
      />
    </>
  );
}

export default pageOr404(NewOfficerPage);
