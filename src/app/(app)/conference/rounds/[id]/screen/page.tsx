import type { Metadata } from "next";
import Link from "next/link";
import { candidateStatusLabel, ROUND_STATE_LABELS } from "@/domain/voting";
import { requireActor } from "@/server/auth/current";
import { roundScreen } from "@/server/queries/votes";
import { AutoRefresh } from "../../../auto-refresh";
import { pageOr404 } from "@/app/not-found-boundary";
import { TurnoutList } from "../../../ui";

export const metadata: Metadata = { title: "Trình chiếu" };

/** The hall's screen: large type, turnout while open (who has voted, not how), totals after closing. */
async function ScreenPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const screen = await roundScreen(actor, id);
  const results = screen.results;

  return (
    // Covers the app shell: the projector shows this and nothing else.
    <div className="fixed inset-0 z-50 overflow-auto bg-slate-950 p-6 text-white sm:p-10" data-testid="projection-screen">
      <AutoRefresh intervalMs={3000} />
      <div className="mx-auto flex max-w-7xl flex-col gap-8">
        <header className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <p className="text-xl text-slate-300 sm:text-2xl">
              {screen.clusterName} · Hội nghị tổng kết năm {screen.year}
            </p>
            <h1 className="mt-2 text-4xl font-bold leading-tight sm:text-6xl">{screen.title}</h1>
          </div>
          <div className="flex flex-col items-end gap-3">
            <span
              className={`rounded-full px-5 py-2 text-2xl font-semibold ${
                screen.state === "OPEN" ? "bg-green-500 text-slate-950" : screen.state === "CLOSED" ? "bg-slate-200 text-slate-900" : "bg-amber-400 text-slate-950"
              }`}
              data-testid="screen-state"
            >
              {ROUND_STATE_LABELS[screen.state]}
            </span>
            <Link href={`/conference/rounds/${screen.id}`} className="text-base text-slate-400 underline">
              Thoát trình chiếu
            </Link>
          </div>
        </header>

        {screen.state !== "DRAFT" && (
          <section aria-labelledby="turnout-heading">
            <h2 id="turnout-heading" className="text-3xl font-semibold sm:text-5xl" data-testid="screen-turnout-count">
              Đã bỏ phiếu: {screen.voted}/{screen.electorateSize} đơn vị
            </h2>
            <TurnoutList turnout={screen.turnout} size="screen" />
          </section>
        )}
        {screen.state === "DRAFT" && <p className="text-4xl text-slate-300">Vòng bỏ phiếu chưa mở.</p>}
        {screen.state === "OPEN" && <p className="text-2xl text-slate-300">Kết quả được công bố sau khi kết thúc vòng bỏ phiếu.</p>}

        {results && (
          <section aria-labelledby="results-heading" className="space-y-5" data-testid="screen-results">
            <h2 id="results-heading" className="text-3xl font-semibold sm:text-5xl">
              Kết quả
            </h2>
            <p className="text-2xl text-slate-200">
              Phiếu thu về: {results.ballots} · Đơn vị đã bỏ phiếu: {results.voted} · {results.consistent ? "Khớp ✓" : "KHÔNG KHỚP"} · Cần ít nhất{" "}
              {results.votesNeeded} phiếu ({results.thresholdLabel.toLowerCase()})
            </p>
            <ul className="space-y-4">
              {results.rows.map((r) => (
                <li
                  key={r.candidateId}
                  className={`flex flex-wrap items-center justify-between gap-4 rounded-2xl px-6 py-5 text-3xl sm:text-4xl ${
                    r.status === "ELECTED" ? "bg-green-600 text-white" : r.status === "TIED" || r.status === "RUNOFF" ? "bg-amber-500 text-slate-950" : "bg-slate-800"
                  }`}
                >
                  <span className="font-semibold">{r.name}</span>
                  <span className="tabular-nums">
                    {r.approvals} phiếu · {r.share} · {candidateStatusLabel(r.status, screen.kind)}
                  </span>
                </li>
              ))}
            </ul>
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
    </div>
  );
}

export default pageOr404(ScreenPage);
