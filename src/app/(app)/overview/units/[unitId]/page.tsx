// A unit's history (/overview/units/[unitId]): who may see it and its data (cachedUnitHistory, 404 out
// of scope) on the server; the content is UnitHistoryView.
import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/current";
import { cachedUnitHistory } from "@/server/queries/unit-history";
import { UnitHistoryView } from "./unit-history-view";
import "../../overview.css";
import { pageOr404 } from "@/app/not-found-boundary";

export const metadata: Metadata = { title: "Lịch sử thi đua của đơn vị" };

async function UnitHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { unitId } = await params;
  const sp = await searchParams;
  const page = Number(Array.isArray(sp.page) ? sp.page[0] : sp.page) || 1;
  const h = await cachedUnitHistory(actor, unitId, { page });
  return <UnitHistoryView h={h} printedOn={formatDate(new Date())} />;
}

export default pageOr404(UnitHistoryPage);
