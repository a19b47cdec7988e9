import type { Metadata } from "next";
import Link from "next/link";
import { candidateStatusLabel, ROUND_STATE_LABELS } from "@/domain/voting";
import { requireActor } from "@/server/auth/current";
import { roundScreen } from "@/server/queries/votes";
import { AutoRefresh } from "../../../auto-refresh";
import { pageOr404 } from "@/app/not-found-boundary";
import { TurnoutList } from "../../../ui";
import { FitToScreen } from "./fit-to-screen";

export const metadata: Metadata = { title: "Trình chiếu" };

/** Up to this many rows, one column of large rows; more go in two columns, read down the first then the second. */
const ONE_COLUMN_MAX = 5;

/**
 * The hall's screen: large type, turnout while open (who has voted, not how), totals after closing.
 * Everything fits one screen (FitToScreen): up to 10 candidates on 1920×1080 at full size.
 */
async function ScreenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const screen = await roundScreen(actor, id);
  const results = screen.results;
  const twoColumns = (results?.rows.length ?? 0) > ONE_COLUMN_MAX;
  const resultRows = results ? Math.ceil(results.rows.length / (twoColumns ? 2 : 1)) : 0;

  return (
    // Covers the app shell: the projector shows this and nothing else.
    <FitToScreen className="fixed inset-0 z-50 overflow-auto bg-slate-950 p-6 text-white sm:px-10 sm:py-8" testId="projection-screen">
      <AutoRefresh intervalMs={3000} />
      <div className="mx-auto flex w-full max-w-[160rem] flex-col gap-5">
        <header className="flex items-start justify-between gap-6">
          <div className="min-w-0">
            <p className="text-xl text-slate-300 sm:text-2xl">
              {screen.clusterName} · Hội nghị tổng kết năm {screen.year}
            </p>
            <h1 className="mt-1 text-4xl font-bold leading-tight text-balance sm:text-5xl">{screen.title}</h1>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-3">
            <span
              className={`rounded-full px-5 py-2 text-2xl font-semibold ${
                screen.state === "OPEN" ? "bg-green-500 text-slate-950" : screen.state === "CLOSED" ? "bg-slate-200 text-slate-900" : "bg-amber-400 text-slate-950"
              }`}
              data-testid="screen-state"
            >
              {ROUND_STATE_LABELS[screen.state]}
            </span>
            <Link href={`/conference/rounds/${screen.id}`} className="text-base text-slate-300 underline">
              Thoát trình chiếu
            </Link>
          </div>
        </header>

        {screen.state !== "DRAFT" && !results && (
          <section aria-labelledby="turnout-heading">
            <h2 id="turnout-heading" className="text-3xl font-semibold sm:text-5xl" data-testid="screen-turnout-count">
              Đã bỏ phiếu: {screen.voted}/{screen.electorateSize} đơn vị
            </h2>
            <TurnoutList turnout={screen.turnout} size="screen" testId="screen-turnout" />
          </section>
        )}
        {screen.state === "DRAFT" && <p className="text-4xl text-slate-300">Vòng bỏ phiếu chưa mở.</p>}
        {screen.state === "OPEN" && <p className="text-2xl text-slate-300">Kết quả được công bố sau khi kết thúc vòng bỏ phiếu.</p>}

        {results && (
          <section aria-labelledby="results-heading" className="space-y-4" data-testid="screen-results">
            {/* Once the results are up, who voted is a count beside them: the room goes to the results. */}
            <div className="flex flex-wrap items-baseline justify-between gap-x-8 gap-y-2">
              <h2 id="results-heading" className="text-3xl font-semibold sm:text-4xl">
                Kết quả
              </h2>
              <p className="text-2xl font-semibold text-slate-200 sm:text-3xl" data-testid="screen-turnout-count">
                Đã bỏ phiếu: {screen.voted}/{screen.electorateSize} đơn vị
              </p>
            </div>
            <p className="text-2xl text-slate-200">
              Phiếu thu về: {results.ballots} · Đơn vị đã bỏ phiếu: {results.voted} · {results.consistent ? "Khớp ✓" : "KHÔNG KHỚP"} · Cần ít nhất{" "}
              {results.votesNeeded} phiếu ({results.thresholdLabel.toLowerCase()})
            </p>
            <ol
              className={twoColumns ? "grid grid-flow-col grid-cols-2 gap-x-6 gap-y-2.5" : "space-y-4"}
              style={twoColumns ? { gridTemplateRows: `repeat(${resultRows}, auto)` } : undefined}
            >
              {results.rows.map((r) => (
                <li
                  key={r.candidateId}
                  className={`flex items-center justify-between gap-6 rounded-2xl ${twoColumns ? "px-5 py-2.5 text-3xl" : "px-6 py-5 text-3xl sm:text-4xl"} ${
                    r.status === "ELECTED" ? "bg-green-600 text-white" : r.status === "TIED" || r.status === "RUNOFF" ? "bg-amber-500 text-slate-950" : "bg-slate-800"
                  }`}
                >
                  <span className="min-w-0 font-semibold leading-tight [overflow-wrap:anywhere]" data-testid="screen-row-name">
                    {r.name}
                  </span>
                  {twoColumns ? (
                    <span className="shrink-0 text-right tabular-nums leading-tight">
                      {r.approvals} phiếu · {r.share}
                      <span className="block text-2xl">{candidateStatusLabel(r.status, screen.kind)}</span>
                    </span>
                  ) : (
                    <span className="shrink-0 tabular-nums">
                      {r.approvals} phiếu · {r.share} · {candidateStatusLabel(r.status, screen.kind)}
                    </span>
                  )}
                </li>
              ))}
            </ol>
            {results.runoff && (
              <p className="text-3xl text-amber-300">
                {results.runoff.reason === "TIE" ? "Có đơn vị bằng phiếu" : "Chưa đơn vị nào đạt tỷ lệ"}: bỏ phiếu lại cho {results.runoff.seats} suất.
              </p>
            )}
            {screen.runoffs.map((r) => (
              <p key={r.id} className="text-2xl">
                <Link href={`/conference/rounds/${r.id}/screen`} className="underline">
                  Chuyển sang: {r.title}
                </Link>
              </p>
            ))}
          </section>
        )}
      </div>
    </FitToScreen>
  );
}

export default pageOr404(ScreenPage);
