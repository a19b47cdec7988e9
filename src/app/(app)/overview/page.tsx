// The cluster dashboard (/overview): who may see it and its data (cachedClusterDashboard, 404 out of
// scope) on the server; the content is DashboardView.
import type { Metadata } from "next";
import { can, roleMay } from "@/domain/permissions";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { cachedClusterDashboard, parseDashboardParams } from "@/server/queries/dashboard";
import { DashboardView } from "./dashboard-view";
import { RemindersSection } from "./reminders-section";
import "./overview.css";
import { pageOr404 } from "@/app/not-found-boundary";
import { vietnamToday } from "@/domain/registration-window";
import { appNow } from "@/server/clock";

export const metadata: Metadata = { title: "Tổng quan cụm" };

async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = parseDashboardParams(await searchParams);
  const d = await cachedClusterDashboard(actor, params);
  return (
    <>
      <DashboardView d={d} viewer={{ displayName: actor.displayName, ministry: can(actor, "ministry.view", {}) ? "ALL" : roleMay(actor, "ministry.view") ? "BLOCK" : null }} printedOn={formatDate(new Date())} today={vietnamToday(appNow())} />
      {d.cluster && can(actor, "cluster.monitor", { clusterId: d.cluster.id }) && <RemindersSection actor={actor} clusterId={d.cluster.id} year={"year" in d && d.year ? d.year.year : null} />}
    </>
  );
}

export default pageOr404(OverviewPage);
