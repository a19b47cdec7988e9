import type { Metadata } from "next";
import { GridForm, TextField } from "@/components/form";
import { Card, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { assertCan } from "@/server/queries/guard";
import { createBlockAction } from "../../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm khối thi đua" };

async function NewBlockPage() {
  // 404 for anyone but an admin.
  assertCan(await requireActor(), "block.manage", {});
  return (
    <div className="max-w-2xl space-y-6">
      <RecordHeader title="Thêm khối thi đua" backHref="/admin/clusters" backLabel="Khối & cụm thi đua" />
      <Card>
        <GridForm action={createBlockAction} resetOnSuccess submitLabel="Thêm khối" aria-label="Thêm khối thi đua">
          <TextField name="code" label="Mã khối" required maxLength={32} hint="Chữ không dấu, số và . _ - ; ví dụ KHOI-BT." />
          <TextField name="name" label="Tên khối" required maxLength={200} className="sm:col-span-2" placeholder="Khối các đơn vị thuộc Bộ trưởng" />
        </GridForm>
      </Card>
    </div>
  );
}

export default pageOr404(NewBlockPage);
