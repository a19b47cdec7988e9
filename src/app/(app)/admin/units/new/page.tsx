import type { Metadata } from "next";
import Link from "next/link";
import { GridForm, TextField } from "@/components/form";
import { Card, EmptyState, RecordHeader } from "@/components/ui";
import { requireActor } from "@/server/auth/current";
import { clusterOptions, memberUnitOptions } from "@/server/queries/admin";
import { createUnitAction } from "../actions";
import { UnitPlacementFields } from "../unit-fields";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thêm đơn vị" };

async function NewUnitPage({ searchParams }: { searchParams: Promise<{ clusterId?: string; parentId?: string }> }) {
  const actor = await requireActor();
  const [clusters, parents, search] = await Promise.all([clusterOptions(actor, { activeOnly: true }), memberUnitOptions(actor), searchParams]);
  const parent = parents.find((p) => p.value === search.parentId);
  const clusterId = parent?.clusterId ?? (clusters.some((c) => c.value === search.clusterId) ? search.clusterId : undefined);
  return (
    <div className="max-w-2xl space-y-6">
      <RecordHeader title={parent ? "Thêm đơn vị trực thuộc" : "Thêm đơn vị"} backHref="/admin/units" backLabel="Đơn vị" />
      {clusters.length === 0 ? (
        <EmptyState title="Chưa có cụm thi đua đang hoạt động.">
          <Link href="/admin/clusters" className="text-brand-700 underline">Thêm cụm thi đua</Link> trước khi thêm đơn vị.
        </EmptyState>
      ) : (
        <Card>
          <GridForm action={createUnitAction} resetOnSuccess submitLabel="Thêm đơn vị" aria-label="Thêm đơn vị">
            <TextField name="code" label="Mã đơn vị" required maxLength={32} hint="Chữ không dấu, số và . _ - ; ví dụ KTNV." />
            <TextField name="name" label="Tên đơn vị" required maxLength={200} className="sm:col-span-2" placeholder="Cục Kỹ thuật nghiệp vụ" />
            <UnitPlacementFields clusters={clusters} parents={parents} defaultClusterId={clusterId} defaultParentId={parent?.value} />
          </GridForm>
        </Card>
      )}
    </div>
  );
}

export default pageOr404(NewUnitPage);
