"use client";
// The delegate's ballot, for a phone or tablet in the hall: choose → review → confirm.
// Large touch targets, native inputs (keyboard and screen readers work), nothing stored in the browser.
import { useEffect, useRef, useState } from "react";
import { useSubmittedAction } from "@/components/submitted-action";
import type { ActionResult } from "@/server/commands/command";
import type { BallotMode } from "@/domain/voting";

type Candidate = { id: string; name: string; note: string | null; isOwn: boolean; mayVote: boolean };
type Verdict = "yes" | "no";

export function BallotForm({
  action,
  roundId,
  title,
  mode,
  seats,
  unitName,
  candidates,
}: {
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  roundId: string;
  title: string;
  mode: BallotMode;
  seats: number;
  unitName: string;
  candidates: Candidate[];
}) {
  const [choices, setChoices] = useState<Record<string, Verdict>>({});
  const [step, setStep] = useState<"choose" | "review">("choose");
  const [problem, setProblem] = useState<string | null>(null);
  const [state, formAction, pending] = useSubmittedAction(action); // a lost answer: "may have been recorded"
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refusalRef = useRef<HTMLParagraphElement>(null);
  // A refused ballot: focus goes to the reason (the confirm button stays focusable while pending).
  useEffect(() => {
    if (state && !state.ok) refusalRef.current?.focus();
  }, [state]);

  const votable = candidates.filter((c) => c.mayVote);
  const chosen = Object.entries(choices).filter(([, v]) => v === "yes").map(([id]) => id);
  const full = mode === "CHOOSE" && chosen.length >= seats;

  if (state?.ok) {
    return (
      <div role="status" data-testid="ballot-recorded" className="rounded-lg border-2 border-green-400 bg-green-50 p-6 text-center">
        <p className="text-2xl font-bold text-green-900">Đã ghi nhận phiếu bầu</p>
        <p className="mt-2 text-lg text-green-900">{state.message}</p>
        <p className="mt-4 text-sm text-green-800">Phiếu không ghi tên người bỏ phiếu. Kết quả được công bố sau khi thư ký kết thúc vòng bỏ phiếu.</p>
        <a href="/conference" className="mt-6 inline-flex min-h-12 items-center rounded-md border border-green-600 bg-white px-6 text-base font-medium text-green-800">
          ← Về trang hội nghị
        </a>
      </div>
    );
  }

  function review() {
    if (mode === "VERDICT") {
      const missing = votable.filter((c) => !choices[c.id]);
      if (missing.length) {
        setProblem(`Vui lòng chọn "Đồng ý" hoặc "Không đồng ý" cho: ${missing.map((c) => c.name).join("; ")}.`);
        return;
      }
    }
    setProblem(null);
    setStep("review");
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  const entries = mode === "VERDICT" ? votable.map((c) => [c.id, choices[c.id]!] as const) : chosen.map((id) => [id, "yes"] as const);

  if (step === "review") {
    return (
      <form action={formAction} className="space-y-5" aria-label="Xác nhận phiếu bầu">
        <input type="hidden" name="roundId" value={roundId} />
        {entries.map(([id, v]) => (
          <input key={id} type="hidden" name={`c_${id}`} value={v} />
        ))}
        <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
          Xem lại phiếu của {unitName}
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white" data-testid="ballot-review">
          {mode === "VERDICT"
            ? candidates.map((c) => (
                <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-3 text-base">
                  <span className="min-w-0 [overflow-wrap:anywhere]">{c.name}</span>
                  {c.mayVote ? (
                    <strong className={choices[c.id] === "yes" ? "text-green-800" : "text-red-800"}>{choices[c.id] === "yes" ? "Đồng ý" : "Không đồng ý"}</strong>
                  ) : (
                    <span className="text-sm text-slate-500">Không biểu quyết (đơn vị mình)</span>
                  )}
                </li>
              ))
            : chosen.length === 0
              ? [
                  <li key="blank" className="px-4 py-3 text-base">
                    Phiếu trống: không chọn đơn vị nào.
                  </li>,
                ]
              : candidates
                  .filter((c) => choices[c.id] === "yes")
                  .map((c) => (
                    <li key={c.id} className="px-4 py-3 text-base [overflow-wrap:anywhere]">
                      ✓ <strong>{c.name}</strong>
                    </li>
                  ))}
        </ul>
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-base text-amber-900">
          Sau khi xác nhận, phiếu được ghi nhận và <strong>không thể thay đổi</strong>.
        </p>
        {state && !state.ok && (
          <p ref={refusalRef} tabIndex={-1} role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base text-red-800">
            {state.message}
          </p>
        )}
        <div className="flex flex-col gap-3 sm:flex-row">
          <button
            type="button"
            onClick={() => !pending && setStep("choose")}
            aria-disabled={pending || undefined}
            className="min-h-14 flex-1 rounded-md border border-slate-300 bg-white px-6 text-lg font-medium text-slate-800 hover:bg-slate-50 aria-disabled:opacity-60"
          >
            ← Sửa lại
          </button>
          <button
            type="submit"
            aria-disabled={pending || undefined}
            aria-busy={pending}
            onClick={(e) => pending && e.preventDefault()}
            className="min-h-14 flex-1 rounded-md bg-brand-600 px-6 text-lg font-semibold text-white hover:bg-brand-700 aria-disabled:opacity-60"
          >
            {pending ? "Đang ghi nhận…" : "Xác nhận bỏ phiếu"}
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="space-y-5">
      <p className="text-base text-slate-700">
        {mode === "VERDICT"
          ? "Chọn “Đồng ý” hoặc “Không đồng ý” với từng đơn vị được đề nghị."
          : `Chọn tối đa ${seats} đơn vị (có thể không chọn đơn vị nào).`}
      </p>
      {mode === "CHOOSE" && (
        <p className="text-base font-medium" aria-live="polite">
          Đã chọn {chosen.length}/{seats}
        </p>
      )}
      <ul className="space-y-3" aria-label={`Danh sách đơn vị – ${title}`}>
        {candidates.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-300 bg-white p-4">
            {mode === "VERDICT" ? (
              <fieldset className="min-w-0">
                <legend className="max-w-full text-lg font-semibold [overflow-wrap:anywhere]">{c.name}</legend>
                {c.note && <p className="text-sm text-slate-500">{c.note}</p>}
                {c.mayVote ? (
                  <div className="mt-3 grid grid-cols-2 gap-3">
                    {(["yes", "no"] as const).map((v) => (
                      <label
                        key={v}
                        data-testid="ballot-choice"
                        className={`flex min-h-14 min-w-11 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-3 text-lg font-medium ${
                          choices[c.id] === v ? (v === "yes" ? "border-green-600 bg-green-50 text-green-900" : "border-red-600 bg-red-50 text-red-900") : "border-slate-300"
                        }`}
                      >
                        <input
                          type="radio"
                          name={`verdict-${c.id}`}
                          value={v}
                          checked={choices[c.id] === v}
                          onChange={() => setChoices((prev) => ({ ...prev, [c.id]: v }))}
                          className="size-5 shrink-0 accent-brand-600"
                        />
                        {v === "yes" ? "Đồng ý" : "Không đồng ý"}
                      </label>
                    ))}
                  </div>
                ) : (
                  <p className="mt-2 text-base text-slate-600">Đơn vị của đồng chí: không tự bỏ phiếu cho đơn vị mình.</p>
                )}
              </fieldset>
            ) : (
              <label data-testid="ballot-choice" className={`flex min-h-14 min-w-11 items-center gap-3 text-lg ${c.mayVote ? "cursor-pointer" : "text-slate-600"}`}>
                <input
                  type="checkbox"
                  checked={choices[c.id] === "yes"}
                  disabled={!c.mayVote || (full && choices[c.id] !== "yes")}
                  onChange={(e) =>
                    setChoices((prev) => {
                      const next = { ...prev };
                      if (e.target.checked) next[c.id] = "yes";
                      else delete next[c.id];
                      return next;
                    })
                  }
                  className="size-6 shrink-0 accent-brand-600"
                />
                <span className="min-w-0 [overflow-wrap:anywhere]">
                  <span className="font-semibold">{c.name}</span>
                  {c.note && <span className="block text-sm text-slate-500">{c.note}</span>}
                  {!c.mayVote && <span className="block text-sm">Đơn vị của đồng chí: không tự bỏ phiếu cho đơn vị mình.</span>}
                </span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-base text-red-800">
          {problem}
        </p>
      )}
      <button type="button" onClick={review} className="min-h-14 w-full rounded-md bg-brand-600 px-6 text-lg font-semibold text-white hover:bg-brand-700">
        Xem lại phiếu →
      </button>
    </div>
  );
}
