import { LinkButton, PageHeader, StoppedNote } from "@/components/ui";
import { PrintButton } from "@/components/print-button";
import type { ClusterDashboard } from "@/server/queries/dashboard";

type Cluster = NonNullable<ClusterDashboard["cluster"]>;

/** Which Ministry-wide view the viewer has: every block (admins), their cluster's block (the chair), none. */
export type MinistryAccess = "ALL" | "BLOCK" | null;

/** The cluster's name and block, with print, Excel export and the Ministry-wide view. */
export function DashboardHeader({ d, cluster, ministry }: { d: ClusterDashboard; cluster: Cluster; ministry: MinistryAccess }) {
  return (
    <PageHeader
      title={`Tổng quan ${cluster.name}`}
      description={
        <>
          {cluster.blockName} · Mã cụm: {cluster.code}
          {d.year ? ` · Năm thi đua ${d.year.year}` : ""}
          <StoppedNote active={cluster.active} />
        </>
      }
      actions={
        <>
          <PrintButton />
          {d.year && (
            <a
              href={`/overview/export?cluster=${cluster.id}&year=${d.year.year}`}
              download
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700"
            >
              Xuất Excel
            </a>
          )}
          {ministry && (
            <LinkButton href={`/overview/ministry${d.year ? `?year=${d.year.year}` : ""}`} variant="secondary">
              {ministry === "ALL" ? "Toàn Bộ Công an" : `Các cụm trong ${cluster.blockName}`}
            </LinkButton>
          )}
        </>
      }
    />
  );
}
