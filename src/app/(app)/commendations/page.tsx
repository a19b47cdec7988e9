// The commendation register (sổ khen thưởng; docs/domain.md §9): filters, a printable list, and for the
// secretariat the one-by-one entry and the Excel import; the Ministry office revokes from here.
import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui";
import { PrintButton } from "@/components/print-button";
import { requireActor } from "@/server/auth/current";
import { commendationRegister, type RegisterFilters } from "@/server/queries/commendations";
import { pageOr404 } from "@/app/not-found-boundary";
import { EntryForm } from "./_sections/entry-form";
import { RegisterFiltersForm } from "./_sections/filters";
import { RegisterTable } from "./_sections/register-table";

export const metadata: Metadata = { title: "Sổ khen thưởng" };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function CommendationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const filters: RegisterFilters = { year: one(params.year), unit: one(params.unit), q: one(params.q), form: one(params.form), level: one(params.level), page: one(params.page) };
  const register = await commendationRegister(actor, filters);
  const query = (page: number) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page: String(page) })) if (v) qs.set(k, v);
    return `/commendations?${qs.toString()}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title="Sổ khen thưởng"
        description="Bằng khen, Giấy khen, Huân chương, Kỷ niệm chương đã có quyết định: ghi từ quyết định của Bộ trong hồ sơ đề nghị, nhập từng khen thưởng hoặc nhập từ Excel. Khen thưởng bị thu hồi vẫn được giữ và đánh dấu."
        actions={
          <div className="no-print flex flex-wrap gap-2">
            {register.canEnter && (
              <Link href="/commendations/import" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
                Nhập từ Excel
              </Link>
            )}
            <PrintButton label="In sổ khen thưởng" />
          </div>
        }
      />
      {register.canEnter && (
        <Card title="Ghi khen thưởng vào sổ" className="no-print">
          <EntryForm units={register.options.units} forms={register.options.forms} />
        </Card>
      )}
      <RegisterFiltersForm register={register} />
      <RegisterTable register={register} makeHref={query} />
    </div>
  );
}

export default pageOr404(CommendationsPage);
