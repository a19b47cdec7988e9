import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, SelectField, SubmitButton, TextField } from "@/components/form";
import { Badge, Card, PageHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { blockOptions, getCluster } from "@/server/queries/admin";
import { setClusterActiveAction, updateClusterAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa cụm thi đua" };

async function EditClusterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [cluster, blocks] = await Promise.all([getCluster(actor, id), blockOptions(actor)]);
  const canStop = cluster.activeUnitCount === 0 && cluster.enabledAccountCount === 0;
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader
        title={cluster.name}
        description={
          <>
            <Link href="/admin/clusters" className="text-brand-700 underline">← Khối & cụm thi đua</Link>
            <span className="ml-3">{cluster.active ? <Badge tone="green">Đang hoạt động</Badge> : <Badge>Ngừng hoạt động</Badge>}</span>
          </>
        }
      />
      <Card title="Thông tin cụm">
        <ActionForm action={updateClusterAction} className="grid gap-4 sm:grid-cols-2" aria-label="Sửa thông tin cụm">
          <input type="hidden" name="id" value={cluster.id} />
          <TextField name="code" label="Mã cụm" required maxLength={32} defaultValue={cluster.code} />
          <SelectField name="blockId" label="Khối thi đua" required options={blocks} defaultValue={cluster.blockId} />
          <TextField name="name" label="Tên cụm" required maxLength={200} defaultValue={cluster.name} className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <SubmitButton>Lưu thay đổi</SubmitButton>
          </div>
        </ActionForm>
      </Card>
      <Card title="Đơn vị và tài khoản">
        <p className="text-sm text-slate-700">
          {cluster.activeUnitCount} / {cluster.unitCount} đơn vị đang hoạt động ·{" "}
          <Link href={`/admin/units?cluster=${cluster.id}`} className="text-brand-700 underline">Xem đơn vị</Link>
          {" · "}
          {cluster.enabledAccountCount} tài khoản đang dùng ·{" "}
          <Link href={`/admin/users?cluster=${cluster.id}`} className="text-brand-700 underline">Xem tài khoản</Link>
        </p>
      </Card>
      <Card title="Trạng thái">
        <ActionForm action={setClusterActiveAction} aria-label="Đổi trạng thái cụm">
          <input type="hidden" name="id" value={cluster.id} />
          <input type="hidden" name="active" value={cluster.active ? "false" : "true"} />
          {cluster.active ? (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">
                {canStop
                  ? "Cụm ngừng hoạt động sẽ không còn được chọn khi thêm đơn vị hoặc tài khoản mới. Dữ liệu các năm thi đua được giữ nguyên."
                  : "Chỉ ngừng hoạt động được khi cụm không còn đơn vị đang hoạt động và không còn tài khoản đang dùng."}
              </p>
              <SubmitButton variant="danger" confirm={`Ngừng hoạt động cụm “${cluster.name}”?`}>
                Ngừng hoạt động cụm
              </SubmitButton>
            </div>
          ) : (
            <SubmitButton variant="secondary" confirm={`Kích hoạt lại cụm “${cluster.name}”?`}>
              Kích hoạt lại cụm
            </SubmitButton>
          )}
        </ActionForm>
      </Card>
    </div>
  );
}

export default pageOr404(EditClusterPage);
