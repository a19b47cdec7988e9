import type { Metadata } from "next";
import Link from "next/link";
import { GridForm, TextField, ToggleActiveForm } from "@/components/form";
import { ActiveBadge, Card, EmptyState, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { clusterOptions, getUnit, memberUnitOptions } from "@/server/queries/admin";
import { setUnitActiveAction, updateUnitAction } from "../actions";
import { UnitPlacementFields } from "../unit-fields";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa đơn vị" };

async function EditUnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const unit = await getUnit(actor, id);
  const [clusters, parentOptions] = await Promise.all([clusterOptions(actor), memberUnitOptions(actor, { includeId: unit.parentId })]);
  const parents = parentOptions.filter((p) => p.value !== unit.id);
  const isSubUnit = unit.parentId !== null;
  // The level (member unit / sub-unit, and which parent) is fixed once officers, accounts or sub-units depend on it.
  const levelLocked = unit.dependantCount > 0;
  const kind = isSubUnit ? "đơn vị trực thuộc" : "đơn vị";
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={unit.name} backHref="/admin/units" backLabel="Đơn vị">
        <span className="ml-3"><ActiveBadge active={unit.active} /></span>
        {isSubUnit && unit.parent && (
          <span className="ml-3">
            Trực thuộc{" "}
            <Link href={`/admin/units/${unit.parent.id}`} className="text-brand-700 underline">
              {unit.parent.name}
            </Link>
          </span>
        )}
      </RecordHeader>
      <Card title={isSubUnit ? "Thông tin đơn vị trực thuộc" : "Thông tin đơn vị"}>
        <GridForm action={updateUnitAction} id={unit.id} aria-label="Sửa thông tin đơn vị">
          <TextField name="code" label="Mã đơn vị" required maxLength={32} defaultValue={unit.code} />
          <TextField name="name" label="Tên đơn vị" required maxLength={200} defaultValue={unit.name} className="sm:col-span-2" />
          <UnitPlacementFields
            clusters={clusters}
            parents={parents}
            defaultClusterId={unit.clusterId}
            defaultParentId={unit.parentId ?? undefined}
            parentLocked={levelLocked ? (unit.parent ? unit.parent.name : "Không có — đơn vị thành viên của cụm") : undefined}
          />
          {!isSubUnit && (
            <p className="text-xs text-slate-500 sm:col-span-2">
              Chuyển đơn vị sang cụm khác sẽ chuyển theo các đơn vị trực thuộc và các tài khoản của đơn vị.
            </p>
          )}
        </GridForm>
      </Card>
      {!isSubUnit && (
        <Card title="Đơn vị trực thuộc">
          {unit.subUnits.length === 0 ? (
            <EmptyState title="Chưa có đơn vị trực thuộc." />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {unit.subUnits.map((sub) => (
                <li key={sub.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/admin/units/${sub.id}`} className="hover:underline">
                    {sub.name} <span className="font-mono text-xs text-slate-500">({sub.code})</span>
                  </Link>
                  <ActiveBadge active={sub.active} />
                </li>
              ))}
            </ul>
          )}
          {unit.active && (
            <p className="mt-4">
              <Link href={`/admin/units/new?parentId=${unit.id}`} className="text-sm text-brand-700 underline">
                Thêm đơn vị trực thuộc
              </Link>
            </p>
          )}
        </Card>
      )}
      <Card title="Trạng thái">
        <ToggleActiveForm
          action={setUnitActiveAction}
          id={unit.id}
          active={unit.active}
          aria-label="Đổi trạng thái đơn vị"
          stop={{
            note:
              unit.enabledAccountCount > 0
                ? `Đơn vị còn ${unit.enabledAccountCount} tài khoản đang dùng: hãy khóa các tài khoản này trước khi ngừng hoạt động.`
                : isSubUnit
                  ? "Đơn vị trực thuộc ngừng hoạt động sẽ không còn được chọn cho cán bộ. Dữ liệu đã có được giữ nguyên."
                  : "Các đơn vị trực thuộc cũng sẽ ngừng hoạt động. Dữ liệu cán bộ và các năm thi đua được giữ nguyên.",
            confirm:
              !isSubUnit && unit.subUnits.some((s) => s.active)
                ? `Ngừng hoạt động ${kind} “${unit.name}” cùng các đơn vị trực thuộc?`
                : `Ngừng hoạt động ${kind} “${unit.name}”?`,
            label: "Ngừng hoạt động",
          }}
          restart={{ confirm: `Kích hoạt lại ${kind} “${unit.name}”?`, label: "Kích hoạt lại" }}
        />
      </Card>
    </div>
  );
}

export default pageOr404(EditUnitPage);
