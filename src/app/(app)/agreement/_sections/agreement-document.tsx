// The agreement as it is printed: heading, title, place and date, the commitments as written, and the
// signatories, one block per member unit (the print styles hide everything else on the page).
import { Badge } from "@/components/ui";
import { JOINT_AGREEMENT_STATUS_LABELS } from "@/domain/joint-agreement";
import { formatDate } from "@/lib/format";
import type { JointAgreementPage } from "@/server/queries/joint-agreement";

type Props = { year: NonNullable<JointAgreementPage["year"]>; agreement: NonNullable<JointAgreementPage["agreement"]> };

export function AgreementDocument({ year, agreement }: Props) {
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-6 font-serif shadow-sm print:border-0 print:p-0 print:shadow-none" aria-labelledby="agreement-title" data-testid="agreement-document">
      <div className="grid gap-4 text-center text-sm sm:grid-cols-2">
        <div>
          <p>BỘ CÔNG AN</p>
          <p className="font-bold uppercase">{year.clusterName}</p>
        </div>
        <div>
          <p className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="font-bold underline">Độc lập - Tự do - Hạnh phúc</p>
          <p className="mt-2 italic">
            {agreement.place ?? "…………"}, {agreement.signedOn ? `ngày ${formatDate(agreement.signedOn)}` : "ngày … / … / ……"}
          </p>
        </div>
      </div>
      <h2 id="agreement-title" className="mt-6 text-center text-xl font-bold">
        GIAO ƯỚC THI ĐUA
        <span className="block text-base">{agreement.title}</span>
      </h2>
      <p className="mt-2 text-center no-print">
        <Badge tone={agreement.status === "SIGNED" ? "green" : "amber"}>{JOINT_AGREEMENT_STATUS_LABELS[agreement.status]}</Badge>
      </p>
      {agreement.status === "DRAFT" && <p className="hidden text-center italic print:block">(Dự thảo)</p>}
      <div className="mt-6 whitespace-pre-line text-justify leading-relaxed">{agreement.commitments}</div>
      <h3 className="mt-8 font-bold">Đại diện các đơn vị ký kết ({agreement.signatories.length})</h3>
      {agreement.signatories.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Chưa có người ký.</p>
      ) : (
        <ul className="mt-4 grid gap-6 text-center sm:grid-cols-2 print:grid-cols-2">
          {agreement.signatories.map((s) => (
            <li key={s.unitId} className="break-inside-avoid">
              <p className="text-sm font-bold uppercase">Đại diện {s.unitName}</p>
              <p className="text-sm">{s.position}</p>
              <p className="mt-10 font-bold">{s.name}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-6 text-xs text-slate-500 no-print">
        Cập nhật lần cuối {formatDate(agreement.updatedAt)} bởi {agreement.updatedByName}.
      </p>
    </article>
  );
}
