import type { Metadata } from "next";
import { Badge, LinkButton, PageHeader } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { movementFigureOptions } from "@/server/queries/movements";
import { criteriaEditor } from "@/server/queries/reports";
import { AddSectionCard } from "./_sections/add-section-card";
import { AmendmentsCard } from "./_sections/amendments-card";
import { CreateTableCard } from "./_sections/create-table-card";
import type { Ctx } from "./_sections/editor-context";
import { KeyFiguresCard } from "./_sections/key-figures-card";
import { SectionCard } from "./_sections/section-card";
import { TableStatusCard } from "./_sections/table-status-card";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Bảng tiêu chí" };

async function CriteriaEditorPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await requireActor();
  const data = await criteriaEditor(actor, yearId);
  const { year, table } = data;

  if (!table) {
    return (
      <div className="max-w-3xl space-y-6">
        <PageHeader title={`Tiêu chí, thang điểm năm ${year.year}`} description={year.clusterName} actions={<LinkButton href="/cluster/criteria" variant="secondary">← Các năm</LinkButton>} />
        {year.writable ? (
          <CreateTableCard yearId={year.id} previousYearWithTable={data.previousYearWithTable} />
        ) : (
          <p className="text-sm text-slate-600">Năm thi đua đã khóa sổ và không có bảng tiêu chí.</p>
        )}
      </div>
    );
  }

  const frozen = !!table.frozenAt;
  const editable = year.writable;
  const ctx: Ctx = { yearId: year.id, tableId: table.id, frozen, editable, table };

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Tiêu chí, thang điểm năm ${year.year}`}
        description={
          <>
            {year.clusterName} ·{" "}
            {frozen ? (
              <Badge tone="green">Đã cố định từ {formatDate(table.frozenAt)} · phiên bản {table.version}</Badge>
            ) : table.publishedAt ? (
              <Badge tone="blue">Đã công bố {formatDate(table.publishedAt)}</Badge>
            ) : (
              <Badge tone="amber">Đang xây dựng, chưa công bố</Badge>
            )}
            {table.copiedFromYear ? ` · Sao chép từ năm ${table.copiedFromYear}` : ""}
          </>
        }
        actions={
          <>
            <LinkButton href="/cluster/criteria" variant="secondary">
              ← Các năm
            </LinkButton>
            <LinkButton href={`/reports/criteria/${year.id}`} variant="secondary">
              Bản in
            </LinkButton>
          </>
        }
      />

      {!editable && (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          Năm thi đua đã khóa sổ; bảng tiêu chí chỉ để xem.
        </div>
      )}
      {frozen && editable && (
        <div role="status" className="rounded-lg border border-blue-300 bg-blue-50 px-4 py-3 text-sm text-blue-900">
          <p className="font-semibold">Bảng tiêu chí đã cố định từ khi đơn vị đầu tiên gửi báo cáo ({formatDate(table.frozenAt)}).</p>
          <p>Mọi thay đổi sau đó là sửa đổi: phải ghi lý do, được lưu vào lịch sử sửa đổi và tăng số phiên bản. Không thể xóa tiêu chí đã có đơn vị chấm điểm.</p>
        </div>
      )}

      <TableStatusCard ctx={ctx} year={year} reportsSubmitted={data.reportsSubmitted} />


      {table.sections.map((section, i) => (
        <SectionCard key={section.id} ctx={ctx} section={section} first={i === 0} last={i === table.sections.length - 1} />
      ))}

      {editable && <AddSectionCard ctx={ctx} />}

      <KeyFiguresCard ctx={ctx} movementFigures={await movementFigureOptions(actor)} />

      <AmendmentsCard amendments={data.amendments} frozen={frozen} />
    </div>
  );
}

export default pageOr404(CriteriaEditorPage);
