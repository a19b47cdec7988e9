// Objections lodged during the disclosure window and the secretariat's answers (shown to the Ministry).
import { ActionForm, SelectField, SubmitButton, TextAreaField } from "@/components/form";
import { Card } from "@/components/ui";
import { OBJECTION_ANSWERS, type ObjectionAnswer } from "@/domain/awards";
import { formatDateTime } from "@/lib/format";
import type { DossierDetail } from "@/server/queries/dossiers";
import { answerAction } from "../../actions";
import { itemLabel } from "./items-table";

export function Objections({ d, answering }: { d: DossierDetail; answering: boolean }) {
  if (d.objections.length === 0) return null;
  const itemOf = new Map(d.items.map((i) => [i.id, i]));
  return (
    <Card title={`Ý kiến của các đơn vị (${d.objections.length})`}>
      <ul className="space-y-4" data-testid="objections">
        {d.objections.map((o) => {
          const item = itemOf.get(o.itemId);
          return (
            <li key={o.id} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm text-slate-600">
                {o.unit.name} · {o.authorName} · {formatDateTime(o.createdAt)} {item ? `· về: ${itemLabel(item)}` : ""}
              </p>
              <p className="mt-1">{o.reason}</p>
              {o.fileName && <p className="text-sm text-slate-600">Tài liệu kèm theo: {o.fileName}</p>}
              {o.answer ? (
                <p className="mt-2 rounded bg-slate-50 p-2 text-sm">
                  <span className="font-medium">{OBJECTION_ANSWERS[o.answer as ObjectionAnswer]}</span> — {o.answerText} ({o.answeredByName})
                </p>
              ) : answering ? (
                <ActionForm action={answerAction} className="mt-2 grid gap-2 md:grid-cols-3">
                  <input type="hidden" name="pageDossierId" value={d.id} />
                  <input type="hidden" name="objectionId" value={o.id} />
                  <SelectField name="answer" label="Giải quyết" required options={Object.entries(OBJECTION_ANSWERS).map(([value, label]) => ({ value, label }))} />
                  <TextAreaField name="answerText" label="Nội dung trả lời" rows={2} />
                  <div className="self-end">
                    <SubmitButton>Trả lời</SubmitButton>
                  </div>
                </ActionForm>
              ) : (
                <p className="mt-2 text-sm text-amber-800">Chưa được trả lời.</p>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
