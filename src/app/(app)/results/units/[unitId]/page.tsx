import type { Metadata } from "next";
import { EmptyState, LinkButton, PageHeader } from "@/components/ui";
import { INDIVIDUAL_TITLES } from "@/domain/eligibility";
import { PHASE_LABELS } from "@/domain/year-phases";
import { requireActor } from "@/server/auth/current";
import { parseUnitResultsParams, subUnitResults, unitResults } from "@/server/queries/results";
import { PrintButton } from "@/components/print-button";
import { YearPicker } from "../../year-picker";
import { AmendmentCard } from "./_sections/amendment-card";
import { OfficerResultForm } from "./_sections/officer-result-form";
import { OfficerFilter, OfficerResultsTable } from "./_sections/officer-results-table";
import { SummaryCard } from "./_sections/summary-card";
import type { UnitResults } from "./_sections/unit-results";
import { UnitTitleCard } from "./_sections/unit-title-card";
import { SubUnitResultsCard } from "./_sections/sub-unit-results-card";
import { VerifyResultsCard } from "./_sections/verify-results-card";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Kết quả thi đua của đơn vị" };

/** One unit's officers with their registration and result for a year; entry and verification forms. */
async function UnitResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const [{ unitId }, sp] = await Promise.all([params, searchParams]);
  const query = parseUnitResultsParams(sp);
  const data = await unitResults(actor, unitId, query);
  if (!data.year || !("rows" in data)) {
    return (
      <div>
        <PageHeader title={data.unit.name} />
        <EmptyState title="Cụm chưa có năm thi đua nào." />
      </div>
    );
  }
  const d = data as UnitResults;
  const { unit, year, summary } = d;
  const base = `/results/units/${unit.id}`;
  const hrefWith = (changes: Record<string, string | number | null>) => {
    const p = new URLSearchParams();
    const values: Record<string, string | number | null> = { year: year.id, q: d.filters.q || null, filter: d.filters.filter === "all" ? null : d.filters.filter, page: d.page > 1 ? d.page : null, ...changes };
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== "") p.set(k, String(v));
    return `${base}?${p.toString()}`;
  };
  const individual = d.titles.filter((t) => t.kind === "INDIVIDUAL" && (INDIVIDUAL_TITLES as readonly string[]).includes(t.code));
  const collective = d.titles.filter((t) => t.kind === "COLLECTIVE");
  const subUnits = await subUnitResults(actor, unit.id, year.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Kết quả thi đua năm ${year.year}`}
        description={`${unit.name} · ${unit.cluster.name} · Giai đoạn: ${PHASE_LABELS[year.phase]}`}
        actions={
          <>
            <LinkButton href={`/results?year=${year.id}`} variant="secondary">
              Về bảng các đơn vị
            </LinkButton>
            {d.canImport && (
              <LinkButton href={`/registration/import?year=${year.id}`} variant="secondary">
                Nhập từ Excel
              </LinkButton>
            )}
            {d.canExport && (
              <a
                href={`/registration/export?year=${year.id}&unit=${unit.id}`}
                download
                className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
              >
                Tải Excel của đơn vị
              </a>
            )}
            <PrintButton />
          </>
        }
      />

      <YearPicker years={d.years} selectedId={year.id} action={base} />

      {year.resultsClosedReason && (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" role="note">
          {year.phase === "CLOSED" ? "Năm thi đua đã khóa sổ: kết quả chỉ để xem." : year.resultsClosedReason}
        </p>
      )}

      <SummaryCard summary={summary} />

      {d.editing && <OfficerResultForm editing={d.editing} yearId={year.id} titles={d.titles} individual={individual} closeHref={hrefWith({})} />}

      {(d.canRecordUnit || (d.canVerify && summary.unverified > 0)) && (
        <div className="no-print grid gap-6 lg:grid-cols-2">
          {d.canRecordUnit && <UnitTitleCard yearId={year.id} unitId={unit.id} awarded={summary.unitAwarded} collective={collective} />}
          {d.canVerify && summary.unverified > 0 && <VerifyResultsCard year={year} unit={unit} unverified={summary.unverified} />}
        </div>
      )}

      <SubUnitResultsCard data={subUnits} yearId={year.id} collective={collective} />

      {d.canAmend && <AmendmentCard year={year} unit={unit} officers={d.rows} titles={[...individual, ...collective]} />}

      <OfficerFilter base={base} yearId={year.id} filters={d.filters} />

      <OfficerResultsTable d={d} hrefWith={hrefWith} />
    </div>
  );
}

export default pageOr404(UnitResultsPage);
