import { ActionForm, SubmitButton } from "@/components/form";
import { Card } from "@/components/ui";
import { checkTableComplete, maxReachableHalf } from "@/domain/scoring/table";
import { pts } from "../../../../reports/ui";
import { publishCriteriaTableAction } from "../../actions";
import type { Ctx } from "./editor-context";

/** The table's totals, what is missing before it can be published, and the publish button. */
export function TableStatusCard({ ctx, year, reportsSubmitted }: { ctx: Ctx; year: { id: string; year: number }; reportsSubmitted: number }) {
  const { table, editable } = ctx;
  const issues = checkTableComplete(table);
  const scale = table.sections.filter((s) => s.kind === "SCORED").reduce((a, s) => a + s.maxHalf, 0);
  return (
    <Card title="Tình trạng bảng">
      <p className="text-sm">
        Thang điểm: <strong>{pts(scale)}</strong>/{pts(table.totalHalf)} điểm · Điểm tối đa có thể đạt (kể cả điểm thưởng): <strong>{pts(maxReachableHalf(table))}</strong> ·{" "}
        {table.sections.reduce((n, s) => n + s.criteria.length, 0)} tiêu chí · {table.keyFigures.length} số liệu · {reportsSubmitted} báo cáo đã gửi
      </p>
      {issues.length > 0 ? (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="table-issues">
          <p className="font-semibold">Cần hoàn thiện trước khi công bố:</p>
          <ul className="mt-1 list-disc pl-5">
            {issues.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-2 text-sm text-green-800">Bảng tiêu chí đầy đủ: các mục cộng đủ thang điểm, tiêu chí của mỗi mục cộng đủ điểm tối đa của mục.</p>
      )}
      {editable && !table.publishedAt && (
        <ActionForm action={publishCriteriaTableAction} aria-label="Công bố bảng tiêu chí" className="mt-4">
          <input type="hidden" name="tableId" value={table.id} />
          <input type="hidden" name="yearId" value={year.id} />
          <SubmitButton confirm={`Công bố bảng tiêu chí năm ${year.year}? Các đơn vị sẽ soạn báo cáo theo bảng này; bảng được cố định khi đơn vị đầu tiên gửi báo cáo.`}>
            Công bố bảng tiêu chí
          </SubmitButton>
        </ActionForm>
      )}
    </Card>
  );
}
