import type { Metadata } from "next";
import Link from "next/link";
import { GridForm, SelectField, TextField } from "@/components/form";
import { Card, EmptyState, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { blockOptions } from "@/server/queries/admin";
import { createClusterAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm cụm thi đua" };

async function NewClusterPage({ searchParams }: { searchParams: Promise<{ blockId?: string }> }) {
  const actor = await requireActor();
  const [blocks, { blockId }] = await Promise.all([blockOptions(actor), searchParams]);
  return (
    <div className="max-w-2xl space-y-6">
      <RecordHeader title="Thêm cụm thi đua" backHref="/admin/clusters" backLabel="Khối & cụm thi đua" />
      {blocks.length === 0 ? (
        <EmptyState title="Chưa có khối thi đua nào.">
          <Link href="/admin/clusters/blocks/new" className="text-brand-700 underline">Thêm khối thi đua</Link> trước khi thêm cụm.
        </EmptyState>
      ) : (
        <Card>
          <GridForm action={createClusterAction} resetOnSuccess submitLabel="Thêm cụm" aria-label="Thêm cụm thi đua">
            <TextField name="code" label="Mã cụm" required maxLength={32} hint="Chữ không dấu, số và . _ - ; ví dụ CUM-02." />
            <SelectField
              name="blockId"
              label="Khối thi đua"
              required
              options={blocks}
              placeholder="— Chọn khối —"
              defaultValue={blocks.some((b) => b.value === blockId) ? blockId : undefined}
            />
            <TextField name="name" label="Tên cụm" required maxLength={200} className="sm:col-span-2" placeholder="Cụm thi đua số 2" />
          </GridForm>
        </Card>
      )}
    </div>
  );
}

export default pageOr404(NewClusterPage);
