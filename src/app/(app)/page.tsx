import Link from "next/link";
import { Card } from "@/components/ui";
import { ROLE_LABELS } from "@/domain/permissions";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { homeSummary } from "@/server/queries/home";
import { navigationFor } from "../navigation";
import { pageOr404 } from "@/app/not-found-boundary";
import { Deadline } from "@/components/deadline";
import { appNow } from "@/server/clock";


async function HomePage() {
  const actor = await requireActor();
  const summary = await homeSummary(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Xin chào, {actor.displayName}</h1>
        <p className="text-sm text-slate-600">
          {ROLE_LABELS[actor.role]}
          {summary.unitName ? ` · ${summary.unitName}` : ""}
          {summary.clusterName ? ` · ${summary.clusterName}` : ""}
        </p>
      </div>
      {summary.year && (
        <Card title={`Năm thi đua ${summary.year.year}`}>
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Giai đoạn</dt>
              <dd className="font-medium">{PHASE_LABELS[summary.year.phase]}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Cụm trưởng</dt>
              <dd className="font-medium">{summary.year.chairName ?? "Chưa xác định"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Hạn đăng ký</dt>
              <dd className="font-medium">
                <Deadline iso={summary.year.registrationDeadline} now={appNow()} />
              </dd>
            </div>
          </dl>
        </Card>
      )}
      <Card title="Chức năng">
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {navigationFor(actor)
            .filter((i) => i.href !== "/")
            .map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded-md border border-slate-200 px-4 py-3 hover:border-brand-600 hover:bg-brand-50">
                  {item.label}
                </Link>
              </li>
            ))}
        </ul>
      </Card>
    </div>
  );
}

export default pageOr404(HomePage);
