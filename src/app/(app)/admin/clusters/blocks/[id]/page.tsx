import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SubmitButton, TextField } from "@/components/form";
import { Card, PageHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { getBlock } from "@/server/queries/admin";
import { updateBlockAction } from "../../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa khối thi đua" };

async function EditBlockPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const block = await getBlock(actor, (await params).id);
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={block.name} description={<Link href="/admin/clusters" className="text-brand-700 underline">← Khối & cụm thi đua</Link>} />
      <Card title="Thông tin khối">
        <ActionForm action={updateBlockAction} className="grid gap-4 sm:grid-cols-2" aria-label="Sửa thông tin khối">
          <input type="hidden" name="id" value={block.id} />
          <TextField name="code" label="Mã khối" required maxLength={32} defaultValue={block.code} />
          <TextField name="name" label="Tên khối" required maxLength={200} defaultValue={block.name} className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <SubmitButton>Lưu thay đổi</SubmitButton>
          </div>
        </ActionForm>
      </Card>
    </div>
  );
}

export default pageOr404(EditBlockPage);
