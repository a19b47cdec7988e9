// Pieces shared by the conference pages: state badges, the results table with its "ballots = units
// voted" check, and the secretariat's one-button actions (each asks for confirmation).
import type { ReactNode } from "react";
import { ActionForm, SubmitButton } from "@/components/form";
import { Badge, cellClass, DataTable } from "@/components/ui";
import { candidateStatusLabel, ROUND_STATE_LABELS, type BallotMode, type CandidateStatus, type RoundKind, type RoundState } from "@/domain/voting";
import type { RoundResults } from "@/server/queries/votes";
import { applyOutcomeAction, closeRoundAction, deleteRoundAction, openRoundAction, openRunoffAction } from "./actions";

const TURNOUT_STYLES = {
  page: {
    list: "grid gap-2 sm:grid-cols-2 lg:grid-cols-3",
    item: (voted: boolean) =>
      `flex items-center gap-2 rounded-md border px-3 py-2 text-sm ${voted ? "border-green-300 bg-green-50 text-green-900" : "border-slate-200 bg-white text-slate-600"}`,
    mark: "text-lg",
  },
  screen: {
    list: "mt-5 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3",
    item: (voted: boolean) =>
      `flex min-h-24 min-w-0 items-center gap-4 rounded-2xl border-4 px-6 py-3 text-2xl font-semibold leading-tight [overflow-wrap:anywhere] sm:text-3xl ${
        voted ? "border-green-400 bg-green-900/60" : "border-slate-600 bg-slate-900 text-slate-300"
      }`,
    mark: "text-5xl",
  },
};

/** Who has voted, not how: each unit with a tick or an ellipsis (and the words for screen readers); on the round page or the hall's screen. */
export function TurnoutList({ turnout, size, testId }: { turnout: { unitId: string; name: string; voted: boolean }[]; size: "page" | "screen"; testId?: string }) {
  const style = TURNOUT_STYLES[size];
  return (
    <ul className={style.list} data-testid={testId}>
      {turnout.map((u) => (
        <li key={u.unitId} className={style.item(u.voted)}>
          <span aria-hidden className={style.mark}>
            {u.voted ? "✓" : "…"}
          </span>
          <span>
            {u.name}
            <span className="sr-only">{u.voted ? ": đã bỏ phiếu" : ": chưa bỏ phiếu"}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

export function RoundStateBadge({ state }: { state: RoundState }) {
  const tone = state === "OPEN" ? "green" : state === "DRAFT" ? "amber" : "slate";
  return <Badge tone={tone}>{ROUND_STATE_LABELS[state]}</Badge>;
}

const STATUS_TONE: Record<CandidateStatus, "green" | "amber" | "slate" | "blue" | "red"> = {
  ELECTED: "green",
  TIED: "amber",
  RUNOFF: "amber",
  PASSED_NO_SEAT: "blue",
  NOT_PASSED: "slate",
};

export function StatusBadge({ status, kind }: { status: CandidateStatus; kind: RoundKind }) {
  return <Badge tone={STATUS_TONE[status]}>{candidateStatusLabel(status, kind)}</Badge>;
}

/** "Số phiếu thu về = số đơn vị đã bỏ phiếu": shown with every result. */
export function BallotCheck({ results, electorateSize }: { results: RoundResults; electorateSize: number }) {
  return (
    <p
      data-testid="ballot-check"
      className={`rounded-md border px-3 py-2 text-sm ${results.consistent ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      Phiếu phát ra: <strong>{electorateSize}</strong> · Phiếu thu về: <strong>{results.ballots}</strong> · Số đơn vị đã bỏ phiếu:{" "}
      <strong>{results.voted}</strong> ·{" "}
      {results.consistent ? (
        <strong>Khớp: số phiếu bằng số đơn vị đã bỏ phiếu ✓</strong>
      ) : (
        <strong>KHÔNG KHỚP: số phiếu khác số đơn vị đã bỏ phiếu – báo ngay quản trị hệ thống</strong>
      )}
    </p>
  );
}

export function ResultsTable({ results, mode, kind, caption }: { results: RoundResults; mode: BallotMode; kind: RoundKind; caption: string }) {
  const verdict = mode === "VERDICT";
  return (
    <div data-testid="results-table">
      <DataTable
        caption={caption}
        headers={["Đơn vị", verdict ? "Đồng ý" : "Số phiếu bầu", verdict ? "Không đồng ý" : "Không bầu", "Tỷ lệ", "Kết quả"]}
      >
        {results.rows.map((r) => (
          <tr key={r.candidateId} className={r.status === "ELECTED" ? "bg-green-50" : undefined}>
            <td className={cellClass}>
              <span className="font-medium">{r.name}</span>
              {r.note && <span className="block text-xs text-slate-500">{r.note}</span>}
            </td>
            <td className={`${cellClass} text-right tabular-nums`}>{r.approvals}</td>
            <td className={`${cellClass} text-right tabular-nums`}>{verdict ? r.disapprovals : r.blank}</td>
            <td className={`${cellClass} text-right tabular-nums`}>{r.share}</td>
            <td className={cellClass}>
              <StatusBadge status={r.status} kind={kind} />
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 text-sm text-slate-600">
        Tỷ lệ: {results.thresholdLabel.toLowerCase()} ({results.ballots} phiếu; cần ít nhất {results.votesNeeded} phiếu).
      </p>
    </div>
  );
}

/** The outcome in one sentence. */
export function OutcomeText({ results, kindLabel }: { results: RoundResults; kindLabel: "ACCLAIM" | "ELECTION" }) {
  const parts: ReactNode[] = [];
  if (results.elected.length) {
    parts.push(
      <span key="e">
        {kindLabel === "ACCLAIM" ? "Được suy tôn" : "Trúng cử"}: <strong>{results.elected.map((e) => e.name).join("; ")}</strong>.
      </span>,
    );
  }
  if (results.runoff) {
    parts.push(
      <span key="r" className="text-amber-800">
        {" "}
        {results.runoff.reason === "TIE"
          ? `Bằng phiếu cho ${results.runoff.seats} suất còn lại giữa: ${results.runoff.candidates.map((c) => c.name).join("; ")} – cần bỏ phiếu lại.`
          : `Chưa đơn vị nào đạt tỷ lệ; bỏ phiếu lại giữa: ${results.runoff.candidates.map((c) => c.name).join("; ")}.`}
      </span>,
    );
  } else if (!results.elected.length) {
    parts.push(<span key="n">Không có đơn vị nào đạt tỷ lệ phiếu cần thiết.</span>);
  } else if (results.unfilledSeats > 0) {
    parts.push(<span key="u"> Còn {results.unfilledSeats} suất không có đơn vị đạt tỷ lệ.</span>);
  }
  return <p data-testid="outcome">{parts}</p>;
}

type Act = typeof openRoundAction;

function OneButton({ action, roundId, label, confirm, variant, children }: { action: Act; roundId: string; label: string; confirm: string; variant?: "primary" | "secondary" | "danger"; children: ReactNode }) {
  return (
    <ActionForm action={action} aria-label={label}>
      <input type="hidden" name="roundId" value={roundId} />
      <SubmitButton variant={variant} confirm={confirm}>
        {children}
      </SubmitButton>
    </ActionForm>
  );
}

/** The secretariat's next step for a round, by state. */
export function RoundActions({
  round,
  withApply = false,
}: {
  round: { id: string; title: string; state: RoundState; results: RoundResults | null; hasRunoff: boolean; voted: number; electorateSize: number };
  withApply?: boolean;
}) {
  return (
    <div className="no-print flex flex-wrap items-start gap-2">
      {round.state === "DRAFT" && (
        <>
          <OneButton
            action={openRoundAction}
            roundId={round.id}
            label={`Mở vòng bỏ phiếu ${round.title}`}
            confirm={`Mở vòng bỏ phiếu “${round.title}”? Sau khi mở, danh sách đơn vị và số suất không thể thay đổi; đại biểu các đơn vị bắt đầu bỏ phiếu.`}
          >
            Mở vòng bỏ phiếu
          </OneButton>
          <OneButton
            action={deleteRoundAction}
            roundId={round.id}
            variant="danger"
            label={`Xóa vòng bỏ phiếu ${round.title}`}
            confirm={`Xóa vòng bỏ phiếu “${round.title}” (chưa mở)? Không thể hoàn tác.`}
          >
            Xóa
          </OneButton>
        </>
      )}
      {round.state === "OPEN" && (
        <OneButton
          action={closeRoundAction}
          roundId={round.id}
          variant="danger"
          label={`Kết thúc vòng bỏ phiếu ${round.title}`}
          confirm={`Kết thúc vòng bỏ phiếu “${round.title}”? Đã có ${round.voted}/${round.electorateSize} đơn vị bỏ phiếu. Sau khi kết thúc, không đơn vị nào bỏ phiếu được nữa và kết quả được công bố. Không thể hoàn tác.`}
        >
          Kết thúc vòng bỏ phiếu
        </OneButton>
      )}
      {round.state === "CLOSED" && round.results?.runoff && !round.hasRunoff && (
        <OneButton
          action={openRunoffAction}
          roundId={round.id}
          label={`Mở vòng bỏ phiếu lại cho ${round.title}`}
          confirm={`Mở ngay vòng bỏ phiếu lại giữa ${round.results.runoff.candidates.length} đơn vị (${round.results.runoff.candidates.map((c) => c.name).join("; ")}) cho ${round.results.runoff.seats} suất?`}
        >
          Mở vòng bỏ phiếu lại
        </OneButton>
      )}
      {withApply && round.state === "CLOSED" && round.results && round.results.elected.length > 0 && (
        <OneButton
          action={applyOutcomeAction}
          roundId={round.id}
          variant="secondary"
          label={`Ghi nhận kết quả ${round.title}`}
          confirm={`Ghi nhận kết quả của vòng “${round.title}”: ${round.results.elected.map((e) => e.name).join("; ")}?`}
        >
          Ghi nhận kết quả
        </OneButton>
      )}
    </div>
  );
}
