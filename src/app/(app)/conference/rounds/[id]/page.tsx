import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, CheckboxField, SubmitButton, TextField } from "@/components/form";
import { Card, LinkButton, PageHeader } from "@/components/ui";
import { ROUND_KIND_LABELS } from "@/domain/voting";
import { formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { roundDetail } from "@/server/queries/votes";
import { updateRoundAction } from "../../actions";
import { BallotCheck, OutcomeText, ResultsTable, RoundActions, RoundStateBadge, TurnoutList } from "../../ui";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Vòng bỏ phiếu" };

async function RoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const round = await roundDetail(actor, id);
  const manageable = round.canManage && round.year.writable;

  return (
    <div className="space-y-6">
      <PageHeader
        title={round.title}
        description={
          <>
            {round.year.clusterName} · Năm {round.year.year} · {ROUND_KIND_LABELS[round.kind]}
            {round.titleName ? ` · ${round.titleName}` : ""} · <RoundStateBadge state={round.state} />
          </>
        }
        actions={
          <>
            <LinkButton href={`/conference?year=${round.year.id}`} variant="secondary">
              ← Hội nghị tổng kết
            </LinkButton>
            <LinkButton href={`/conference/rounds/${round.id}/screen`} variant="secondary">
              Màn hình trình chiếu
            </LinkButton>
            {round.delegate && round.state === "OPEN" && !round.delegate.hasVoted && <LinkButton href={`/conference/rounds/${round.id}/vote`}>Bỏ phiếu</LinkButton>}
          </>
        }
      />

      {round.delegate?.hasVoted && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {round.delegate.name} đã bỏ phiếu trong vòng này. Phiếu đã bỏ không thể thay đổi.
        </p>
      )}

      <Card title="Thông tin vòng bỏ phiếu">
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Info label="Số suất">{round.seats}</Info>
          <Info label="Cách bỏ phiếu">
            {round.mode === "VERDICT" ? "Đồng ý hoặc không đồng ý với từng đơn vị" : `Chọn tối đa ${round.seats} đơn vị`}
            {!round.allowSelfVote && " · không tự bỏ phiếu cho đơn vị mình"}
          </Info>
          <Info label="Tỷ lệ để được bầu, suy tôn">{round.thresholdLabel} (trên số phiếu thu về)</Info>
          <Info label="Số đơn vị tối thiểu phải bỏ phiếu">
            {round.quorum}/{round.electorateSize} đơn vị
          </Info>
          <Info label="Thời gian">
            {round.openedAt ? `Mở ${formatDateTime(round.openedAt)}` : "Chưa mở"}
            {round.closedAt ? ` · kết thúc ${formatDateTime(round.closedAt)}` : ""}
          </Info>
          {round.runoffOf && (
            <Info label="Bỏ phiếu lại cho vòng">
              <Link className="text-brand-700 underline" href={`/conference/rounds/${round.runoffOf.id}`}>
                {round.runoffOf.title}
              </Link>
            </Info>
          )}
        </dl>
        <h3 className="mt-5 mb-2 text-sm font-semibold text-slate-700">Danh sách đơn vị ({round.candidates.length})</h3>
        <ol className="list-decimal space-y-1 pl-6 text-sm" data-testid="candidate-list">
          {round.candidates.map((c) => (
            <li key={c.id}>
              {c.name}
              {c.note && <span className="text-slate-500"> — {c.note}</span>}
            </li>
          ))}
        </ol>
        {manageable && (
          <div className="mt-5">
            <RoundActions
              round={{ id: round.id, title: round.title, state: round.state, results: round.results, hasRunoff: round.runoffs.length > 0, voted: round.voted, electorateSize: round.electorateSize }}
              withApply
            />
          </div>
        )}
      </Card>

      {round.state !== "DRAFT" && (
        <Card title={`Đơn vị đã bỏ phiếu: ${round.voted}/${round.electorateSize}`}>
          <TurnoutList turnout={round.turnout} size="page" testId="turnout" />
          <p className="mt-3 text-xs text-slate-500">Danh sách theo thứ tự tên đơn vị, không theo thứ tự bỏ phiếu.</p>
        </Card>
      )}

      {round.state === "OPEN" && (
        <p role="note" className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          Kết quả được giữ kín cho đến khi thư ký kết thúc vòng bỏ phiếu; không ai, kể cả thư ký, xem được số phiếu trước thời điểm đó.
        </p>
      )}

      {round.results && (
        <Card title="Kết quả kiểm phiếu">
          <div className="space-y-4">
            <BallotCheck results={round.results} electorateSize={round.electorateSize} />
            <ResultsTable results={round.results} mode={round.mode} kind={round.kind} caption={`Kết quả ${round.title}`} />
            <OutcomeText results={round.results} kindLabel={round.kind === "ACCLAIM" ? "ACCLAIM" : "ELECTION"} />
            {round.runoffs.length > 0 && (
              <p className="text-sm">
                Vòng bỏ phiếu lại:{" "}
                {round.runoffs.map((r) => (
                  <Link key={r.id} className="text-brand-700 underline" href={`/conference/rounds/${r.id}`}>
                    {r.title}
                  </Link>
                ))}
              </p>
            )}
            {round.applied?.kind === "ACCLAIM" && round.applied.unitNames.length > 0 && (
              <p role="status" className="text-sm text-green-800">
                Đã ghi nhận đề nghị {round.titleName} cho: {round.applied.unitNames.join("; ")}.
              </p>
            )}
            {round.applied?.kind === "LEADERSHIP" && (
              <p className="text-sm text-slate-700">
                {round.applied.open
                  ? `${round.kind === "CHAIR_ELECTION" ? "Cụm trưởng" : "Cụm phó"} năm ${round.applied.nextYear} hiện là: ${round.applied.currentName ?? "chưa xác định"}.`
                  : `Năm thi đua ${round.applied.nextYear} chưa mở; khi mở, đơn vị trúng cử được điền sẵn.`}
              </p>
            )}
          </div>
        </Card>
      )}

      {manageable && round.edit && (
        <Card title="Sửa danh sách (trước khi mở)" className="no-print">
          <ActionForm action={updateRoundAction} className="space-y-4" aria-label="Sửa vòng bỏ phiếu">
            <input type="hidden" name="roundId" value={round.id} />
            <TextField name="title" label="Tên vòng bỏ phiếu" required maxLength={300} defaultValue={round.title} />
            {round.kind === "ACCLAIM" && (
              <TextField
                name="seats"
                label="Số suất"
                type="number"
                required
                defaultValue={round.seats}
                hint={round.edit.seatLimit !== null ? `Tối đa ${round.edit.seatLimit} suất theo thiết lập của năm.` : undefined}
              />
            )}
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">Đơn vị trong danh sách *</legend>
              {round.edit.options.map((o) => (
                <CheckboxField
                  key={o.id}
                  name={`unit_${o.id}`}
                  label={o.note ? `${o.name} — ${o.note}` : o.name}
                  defaultChecked={round.candidates.some((c) => c.unitId === o.id)}
                />
              ))}
            </fieldset>
            <SubmitButton>Lưu danh sách</SubmitButton>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}

function Info({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

export default pageOr404(RoundPage);
