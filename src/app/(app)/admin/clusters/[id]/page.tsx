import type { Metadata } from "next";
import Link from "next/link";
import { GridForm, SelectField, TextField, ToggleActiveForm } from "@/components/form";
import { ActiveBadge, Card, RecordHeader } from "@/components/ui";
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
      <RecordHeader title={cluster.name} backHref="/admin/clusters" backLabel="Khối & cụm thi đua">
        <span className="ml-3"><ActiveBadge active={cluster.active} /></span>
      </RecordHeader>
      <Card title="Thông tin cụm">
        <GridForm action={updateClusterAction} id={cluster.id} aria-label="Sửa thông tin cụm">
          <TextField name="code" label="Mã cụm" required maxLength={32} defaultValue={cluster.code} />
          <SelectField name="blockId" label="Khối thi đua" required options={blocks} defaultValue={cluster.blockId} />
          <TextField name="name" label="Tên cụm" required maxLength={200} defaultValue={cluster.name} className="sm:col-span-2" />
        </GridForm>
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
        <ToggleActiveForm
          action={setClusterActiveAction}
          id={cluster.id}
          active={cluster.active}
          aria-label="Đổi trạng thái cụm"
          stop={{
            note: canStop
              ? "Cụm ngừng hoạt động sẽ không còn được chọn khi thêm đơn vị hoặc tài khoản mới. Dữ liệu các năm thi đua được giữ nguyên."
              : "Chỉ ngừng hoạt động được khi cụm không còn đơn vị đang hoạt động và không còn tài khoản đang dùng.",
            confirm: `Ngừng hoạt động cụm “${cluster.name}”?`,
            label: "Ngừng hoạt động cụm",
          }}
          restart={{ confirm: `Kích hoạt lại cụm “${cluster.name}”?`, label: "Kích hoạt lại cụm" }}
        />
      </Card>
    </div>
  );
}

export default pageOr404(EditClusterPage);
