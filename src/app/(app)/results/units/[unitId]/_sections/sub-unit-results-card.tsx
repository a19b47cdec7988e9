// The sub-units' titles of the year on a unit's results page (docs/domain.md §3 "Sub-units", §4 step 7):
// registered and awarded titles with their decisions, the engine's answer over each sub-unit's officers,
// the unit's quota of Đơn vị Quyết thắng on awarded titles; the secretariat records a sub-unit's title.
import { ActionForm, SelectField, SubmitButton } from "@/components/form";
import { Badge, Card, cellClass, DataTable, EmptyState } from "@/components/ui";
import { isSubUnitTitle } from "@/domain/eligibility";
import { formatDate } from "@/lib/format";
import type { SubUnitResults } from "@/server/queries/results";
import { recordSubUnitResultAction } from "../../../actions";
import type { TitleOption } from "./unit-results";
import { DecisionInputs } from "./decision-inputs";

const STATUS = { ELIGIBLE: "Đủ điều kiện", NOT_YET: "Chưa đủ điều kiện", BLOCKED: "Không được xét" } as const;

export function SubUnitResultsCard({ data, yearId, collective }: { data: SubUnitResults; yearId: string; collective: TitleOption[] }) {
  const titles = collective.filter((t) => isSubUnitTitle(t.code));
  const nameOf = (code: string | null | undefined) => (code ? (collective.find((t) => t.code === code)?.name ?? code) : "—");
  if (data.rows.length === 0) {
    return (
      <Card title="Danh hiệu của các đơn vị trực thuộc">
        <EmptyState title="Đơn vị chưa có đơn vị trực thuộc (phòng, đội, đồn) đang hoạt động." />
      </Card>
    );
  }
  return (
    <Card title="Danh hiệu của các đơn vị trực thuộc">
      <p className="mb-3 text-sm" data-testid="sub-unit-award-quota">
        <Badge tone={data.quota.verdict === "OVER" ? "red" : data.quota.verdict === "AT" ? "amber" : "green"}>
          Đơn vị Quyết thắng: {data.quota.determinedCount}/{data.quota.allowed}
        </Badge>{" "}
        <span className="text-slate-600">{data.quota.message}</span>
      </p>
      <DataTable caption="Danh hiệu của các đơn vị trực thuộc trong năm" headers={["Đơn vị trực thuộc", "Cán bộ", "Đăng ký", "Được công nhận", "Quyết định", "Điều kiện (theo kết quả đã ghi)"]} testId="sub-unit-results">
        {data.rows.map((r) => (
          <tr key={r.id}>
            <td className={`${cellClass} font-medium`}>{r.name}</td>
            <td className={cellClass}>{r.officers}</td>
            <td className={cellClass}>{nameOf(r.stored?.targetTitleCode)}</td>
            <td className={cellClass}>{nameOf(r.stored?.awardedTitleCode)}</td>
            <td className={cellClass}>
              {r.stored?.decisionNo ? `${r.stored.decisionNo}${r.stored.decisionDate ? `, ${formatDate(r.stored.decisionDate)}` : ""}` : "—"}
            </td>
            <td className={cellClass}>{r.results.map((res) => `${nameOf(res.title)}: ${STATUS[res.status]}`).join("; ")}</td>
          </tr>
        ))}
      </DataTable>
      {data.canRecord && (
        <ActionForm action={recordSubUnitResultAction} aria-label="Ghi danh hiệu của đơn vị trực thuộc" className="no-print mt-4 space-y-4">
          <input type="hidden" name="yearId" value={yearId} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="subUnitId" label="Đơn vị trực thuộc" required options={data.rows.map((r) => ({ value: r.id, label: r.name }))} />
            <SelectField name="awardedTitleCode" label="Danh hiệu được công nhận" placeholder="(Không có danh hiệu)" options={titles.map((t) => ({ value: t.code, label: t.name }))} />
          </div>
          <DecisionInputs numberPlaceholder="vd. 1501/QĐ-KTNV" signerPlaceholder="vd. Cục trưởng" />
          <SubmitButton>Lưu danh hiệu của đơn vị trực thuộc</SubmitButton>
        </ActionForm>
      )}
    </Card>
  );
}
