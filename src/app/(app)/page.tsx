import Link from "next/link";
import { Card, EmptyState } from "@/components/ui";
import { ROLE_LABELS } from "@/domain/permissions";
import type { TodoItem } from "@/domain/todo";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { homeSummary } from "@/server/queries/home";
import { navigationFor } from "../navigation";
import { pageOr404 } from "@/app/not-found-boundary";
import { Deadline } from "@/components/deadline";
import { formatDate } from "@/lib/format";

function TodoList({ todos, now }: { todos: TodoItem[]; now: Date }) {
  if (todos.length === 0) {
    return (
      <EmptyState title="Không có việc nào cần làm lúc này.">Khi đến giai đoạn hoặc thời hạn có việc của bạn, việc đó sẽ hiện ở đây kèm hạn chót.</EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-200" data-testid="todo-list">
      {todos.map((t) => (
        <li key={t.key} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between sm:gap-4" data-testid="todo-item">
          <div className="min-w-0">
            <Link href={t.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
              {t.title}
            </Link>
            {t.detail && <p className="mt-0.5 text-sm text-slate-600">{t.detail}</p>}
          </div>
          {t.deadline && (
            <div className="shrink-0">
              <span className="text-sm">Hạn <Deadline iso={t.deadline} now={now} /></span>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

async function HomePage() {
  const actor = await requireActor();
  const summary = await homeSummary(actor);
  const year = summary.year;
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
      <Card title="Việc cần làm">
        <TodoList todos={summary.todos} now={summary.now} />
      </Card>
      {year && (
        <Card title={`Năm thi đua ${year.year}`}>
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">Giai đoạn</dt>
              <dd className="font-medium">{PHASE_LABELS[year.phase]}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Cụm trưởng</dt>
              <dd className="font-medium">{year.chairName ?? "Chưa xác định"}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Hạn đăng ký</dt>
              <dd className="font-medium">
                {year.phase === "CLOSED" && year.registrationDeadline ? formatDate(year.registrationDeadline) : <Deadline iso={year.registrationDeadline} now={summary.now} />}
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
