import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Card, PageHeader } from "@/components/ui";
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
      <PageHeader title="Thêm khối thi đua" description={<Link href="/admin/clusters" className="text-brand-700 underline">← Khối & cụm thi đua</Link>} />
      <Card>
        <ActionForm action={createBlockAction} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label="Thêm khối thi đua">
          <TextField name="code" label="Mã khối" required maxLength={32} hint="Chữ không dấu, số và . _ - ; ví dụ KHOI-BT." />
          <TextField name="name" label="Tên khối" required maxLength={200} className="sm:col-span-2" placeholder="Khối các đơn vị thuộc Bộ trưởng" />
          <div className="sm:col-span-2">
            <SubmitButton>Thêm khối</SubmitButton>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}

export default pageOr404(NewBlockPage);
