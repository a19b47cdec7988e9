import type { Metadata } from "next";
import Link from "next/link";
import { ROUND_KIND_LABELS } from "@/domain/voting";
import { requireActor } from "@/server/auth/current";
import { ballotPage } from "@/server/queries/votes";
import { castBallotAction } from "../../../actions";
import { BallotForm } from "../../../ballot-form";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Bỏ phiếu" };

async function VotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const ballot = await ballotPage(actor, id);

  let notice: { tone: "green" | "amber"; text: string } | null = null;
  if (ballot.hasVoted) notice = { tone: "green", text: "Đơn vị đã bỏ phiếu trong vòng này. Phiếu đã bỏ không thể thay đổi." };
  else if (!ballot.yearWritable) notice = { tone: "amber", text: "Năm thi đua đã khóa sổ; không thể bỏ phiếu." };
  else if (ballot.state === "DRAFT") notice = { tone: "amber", text: "Vòng bỏ phiếu chưa mở. Vui lòng chờ thư ký mở vòng bỏ phiếu rồi tải lại trang." };
  else if (ballot.state === "CLOSED") notice = { tone: "amber", text: "Vòng bỏ phiếu đã kết thúc; không thể bỏ phiếu nữa." };

  return (
    <div className="mx-auto max-w-xl space-y-5 [overflow-wrap:anywhere]">
      <div>
        <p className="text-sm text-slate-600">
          {ballot.clusterName} · Hội nghị tổng kết năm {ballot.year}
        </p>
        <h1 className="mt-1 text-2xl font-bold leading-tight">{ballot.title}</h1>
        <p className="mt-1 text-base text-slate-700">
          {ROUND_KIND_LABELS[ballot.kind]} · {ballot.seats} suất · Đại biểu: <strong>{ballot.unit.name}</strong>
        </p>
      </div>
      {notice ? (
        <div
          role="status"
          className={`rounded-lg border-2 p-5 text-lg ${notice.tone === "green" ? "border-green-400 bg-green-50 text-green-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}
        >
          {notice.text}
        </div>
      ) : (
        <BallotForm
          action={castBallotAction}
          roundId={ballot.id}
          title={ballot.title}
          mode={ballot.mode}
          seats={ballot.seats}
          unitName={ballot.unit.name}
          candidates={ballot.candidates}
        />
      )}
      <p className="text-sm">
        <Link href={`/conference/rounds/${ballot.id}`} className="text-brand-700 underline">
          Thông tin vòng bỏ phiếu
        </Link>
        {" · "}
        <Link href="/conference" className="text-brand-700 underline">
          Hội nghị tổng kết
        </Link>
      </p>
    </div>
  );
}

export default pageOr404(VotePage);
