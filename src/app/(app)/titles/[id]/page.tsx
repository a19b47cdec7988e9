import type { Metadata } from "next";
import { CheckboxField, GridForm, TextAreaField, TextField } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EditLink, EmptyState, LinkButton, RecordHeader } from "@/components/ui";
import { describeRuleParams, RULE_SHAPE_LABELS, yearsLabel } from "@/domain/eligibility";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { getTitle } from "@/server/queries/admin";
import { titleRuleVersions } from "@/server/queries/title-rules";
import { updateTitleAction } from "../actions";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Sửa danh hiệu thi đua" };

const KIND_LABELS = { INDIVIDUAL: "Danh hiệu cá nhân", COLLECTIVE: "Danh hiệu tập thể" } as const;

async function EditTitlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const title = await getTitle(actor, (await params).id);
  const rules = await titleRuleVersions(actor, title.id);
  return (
    <div className="max-w-3xl space-y-6">
      <RecordHeader title={title.name} backHref="/titles" backLabel="Danh hiệu thi đua">
        <span className="ml-3">
          {KIND_LABELS[title.kind]} · mức {title.level} · mã <span className="font-mono text-xs">{title.code}</span>
        </span>
      </RecordHeader>
      <Card>
        <GridForm action={updateTitleAction} id={title.id} columns={3} aria-label="Sửa danh hiệu thi đua">
          <TextField name="name" label="Tên danh hiệu" required maxLength={200} defaultValue={title.name} className="sm:col-span-2" />
          <TextField name="shortName" label="Tên viết tắt" required maxLength={40} defaultValue={title.shortName} />
          <TextAreaField name="prerequisites" label="Điều kiện" required rows={6} defaultValue={title.prerequisites} className="sm:col-span-3" hint="Tối đa 2000 ký tự." />
          <div className="sm:col-span-3">
            <CheckboxField name="active" label="Đang áp dụng (được chọn khi đăng ký và xét danh hiệu)" defaultChecked={title.active} />
          </div>
          <p className="text-xs text-slate-500 sm:col-span-3">
            Loại và mức của danh hiệu cố định theo quy định. Điều kiện xét và căn cứ pháp lý theo từng năm nằm ở các phiên bản quy tắc bên dưới; các tỷ
            lệ (như hạn mức Chiến sĩ thi đua cơ sở) được đặt trong cài đặt năm thi đua của từng cụm. Cập nhật lần cuối {formatDateTime(title.updatedAt)}.
          </p>
        </GridForm>
      </Card>
      <Card title="Phiên bản quy tắc và căn cứ pháp lý">
        <div className="space-y-3">
          <p className="text-sm text-slate-600">
            {rules.shape ? RULE_SHAPE_LABELS[rules.shape] : "Không theo quy tắc xét nào của hệ thống."} Mỗi năm được xét theo phiên bản áp dụng cho năm
            đó; các năm đã khóa sổ giữ nguyên kết quả đã ghi khi quy tắc thay đổi.
          </p>
          {rules.versions.length === 0 ? (
            <EmptyState title="Chưa có phiên bản quy tắc nào.">Khi chưa có, hệ thống xét theo quy tắc mặc định của năm.</EmptyState>
          ) : (
            <DataTable caption={`Phiên bản quy tắc của ${title.name}`} headers={["Năm áp dụng", "Tham số", "Căn cứ", <span key="a" className="sr-only">Thao tác</span>]}>
              {rules.versions.map((v) => (
                <tr key={v.id}>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {yearsLabel(v)}
                    {v.current && (
                      <span className="ml-2">
                        <Badge tone="green">Năm {rules.currentYear}</Badge>
                      </span>
                    )}
                  </td>
                  <td className={cellClass}>{describeRuleParams(v.params)}</td>
                  <td className={cellClass}>{v.citation}</td>
                  <td className={`${cellClass} text-right`}>
                    <EditLink href={`/titles/${title.id}/versions/${v.id}`} name={`phiên bản ${yearsLabel(v)}`} />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {rules.shape && <LinkButton href={`/titles/${title.id}/versions/new`}>Thêm phiên bản quy tắc</LinkButton>}
        </div>
      </Card>
    </div>
  );
}

export default pageOr404(EditTitlePage);
