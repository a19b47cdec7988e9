import type { Metadata } from "next";
import { GridForm, TextField } from "@/components/form";
import { Card, RecordHeader } from "@/components/ui";
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
      <RecordHeader title={block.name} backHref="/admin/clusters" backLabel="Khối & cụm thi đua" />
      <Card title="Thông tin khối">
        <GridForm action={updateBlockAction} id={block.id} aria-label="Sửa thông tin khối">
          <TextField name="code" label="Mã khối" required maxLength={32} defaultValue={block.code} />
          <TextField name="name" label="Tên khối" required maxLength={200} defaultValue={block.name} className="sm:col-span-2" />
        </GridForm>
      </Card>
    </div>
  );
}

export default pageOr404(EditBlockPage);
