import type { Metadata } from "next";
import { ActionForm, SelectField, SubmitButton, TextField, ToggleActiveForm } from "@/components/form";
import { Badge, Card, LinkButton, PageHeader } from "@/components/ui";
import { RANKS } from "@/domain/ranks";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { getOfficer, OFFICER_STATUS_LABELS, type SubUnitChoice } from "@/server/queries/officers";
import { setOfficerActiveAction, updateOfficerAction } from "../actions";
import { OfficerHistorySection } from "./history";
import { TransferCard } from "./transfer";
import { transferDestinations } from "@/server/queries/transfers";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Thông tin cán bộ" };

type Officer = Awaited<ReturnType<typeof getOfficer>>["officer"];

async function OfficerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // 404 when the officer does not exist or is outside the actor's scope.
  const { officer, canManage, subUnits } = await getOfficer(actor, id);
  const status = officer.active ? "active" : "inactive";
  const destinations = await transferDestinations(actor, { id: officer.id, unitId: officer.unitId, active: officer.active, clusterId: officer.unit.clusterId });

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={officer.fullName}
        description={
          <>
            {officer.code} · {officer.unit.name} <Badge tone={officer.active ? "green" : "slate"}>{OFFICER_STATUS_LABELS[status]}</Badge>
          </>
        }
        actions={
          <LinkButton href={`/officers?unit=${officer.unitId}`} variant="secondary">
            Quay lại danh sách
          </LinkButton>
        }
      />

      {query.created === "1" && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800">
          Đã thêm cán bộ {officer.fullName}.
        </p>
      )}

      {canManage ? (
        <>
          <Card title="Sửa thông tin cán bộ">
            <ActionForm action={updateOfficerAction} aria-label="Sửa thông tin cán bộ" className="space-y-4">
              <input type="hidden" name="id" value={officer.id} />
              <div className="grid gap-4 sm:grid-cols-2">
                <OfficerFields officer={officer} subUnits={subUnits} />
              </div>
              <SubmitButton>Lưu thay đổi</SubmitButton>
            </ActionForm>
          </Card>
          <Card title="Trạng thái công tác">
            <ToggleActiveForm
              action={setOfficerActiveAction}
              id={officer.id}
              active={officer.active}
              aria-label="Trạng thái công tác"
              inline
              stop={{
                note: "Khi cán bộ nghỉ hưu, chuyển công tác hoặc thôi phục vụ, hãy đánh dấu không còn công tác. Hồ sơ và lịch sử thi đua vẫn được giữ.",
                confirm: `Đánh dấu cán bộ ${officer.fullName} (${officer.code}) không còn công tác? Có thể khôi phục lại sau.`,
                label: "Đánh dấu không còn công tác",
              }}
              restart={{
                note: "Cán bộ đang được đánh dấu không còn công tác tại đơn vị.",
                confirm: `Khôi phục cán bộ ${officer.fullName} (${officer.code}) về trạng thái đang công tác?`,
                label: "Khôi phục đang công tác",
              }}
            />
          </Card>
        </>
      ) : (
        <Card title="Thông tin cán bộ">
          <OfficerDetails officer={officer} />
        </Card>
      )}

      {destinations && (
        <TransferCard officer={{ id: officer.id, code: officer.code, fullName: officer.fullName, unitName: officer.unit.name }} destinations={destinations} />
      )}

      <OfficerHistorySection actor={actor} officerId={officer.id} />

      <p className="text-xs text-slate-500">
        Tạo lúc {formatDateTime(officer.createdAt)} · Cập nhật lần cuối {formatDateTime(officer.updatedAt)}
      </p>
    </div>
  );
}

function OfficerDetails({ officer }: { officer: Officer }) {
  const rows: [string, React.ReactNode][] = [
    ["Mã cán bộ", officer.code],
    ["Họ và tên", officer.fullName],
    ["Cấp bậc", officer.rank],
    ["Chức vụ", officer.position],
    ["Đơn vị", `${officer.unit.name} · ${officer.unit.cluster.name}`],
    ["Phòng/Đội", officer.subUnit ? officer.subUnit.name : "Chưa phân phòng/đội"],
    ["Trạng thái", OFFICER_STATUS_LABELS[officer.active ? "active" : "inactive"]],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-medium text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function OfficerFields({ officer, subUnits }: { officer: Officer; subUnits: SubUnitChoice[] }) {
  // A stored rank outside today's list (older or imported data) has to be chosen again.
  const knownRank = (RANKS as readonly string[]).includes(officer.rank);
  return (
    <>
      <TextField name="code" label="Mã cán bộ" required maxLength={32} autoComplete="off" defaultValue={officer.code} hint="Chữ không dấu, số và các ký tự . _ - (tự chuyển thành chữ in hoa)." />
      <TextField name="fullName" label="Họ và tên" required maxLength={120} autoComplete="off" defaultValue={officer.fullName} />
      <SelectField
        name="rank"
        label="Cấp bậc"
        required
        placeholder="— Chọn cấp bậc —"
        defaultValue={knownRank ? officer.rank : ""}
        hint={knownRank ? undefined : `Cấp bậc đang lưu "${officer.rank}" không có trong danh mục; hãy chọn lại.`}
        options={RANKS.map((r) => ({ value: r, label: r }))}
      />
      <TextField name="position" label="Chức vụ" required maxLength={120} defaultValue={officer.position} />
      <SelectField
        name="subUnitId"
        label="Phòng/Đội"
        placeholder="(Chưa phân phòng/đội)"
        defaultValue={officer.subUnitId ?? ""}
        options={subUnits.map((s) => ({ value: s.id, label: s.active ? s.name : `${s.name} (ngừng hoạt động)` }))}
      />
    </>
  );
}

export default pageOr404(OfficerPage);
