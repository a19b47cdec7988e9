// What a unit head who does not chair the cluster sees of the other units on the cluster dashboard
// (issue 13 item 6; the permission table's "cluster.overview" without "cluster.monitor"). Pure.
//
// Shown, for every unit: final rankings and scores (provisional ones are the secretariat's only,
// ranking.ts), collective titles proposed and awarded, officers' awarded titles as counts, report
// status (drafts are never described: a draft reads "Chưa nộp"), conference results (closed rounds'
// totals, open rounds' turnout as a count), and the cluster's totals.
// Withheld for the other units: a registration that has not been sent — its target title, its officers'
// registered titles and percentage are a draft (docs/domain.md §5: nobody sees another unit's drafts);
// "what is still missing, from whom" and the reminders (the secretariat's and chair's follow-up); and
// anything about their officers one by one (notable officers, officer histories: unit-history.ts,
// officer-history.ts). The head's own unit is shown in full.
import type { MissingItem } from "@/domain/dashboard";
import type { DashboardUnit } from "./cluster-dashboard";

/** The unit as a head of another unit sees it: a registration not sent is withheld. */
export function unitForHead(u: DashboardUnit, ownUnitId: string | null): DashboardUnit {
  if (u.id === ownUnitId || u.registrationStatus === "SUBMITTED") return u;
  return { ...u, registrationShown: false, registrationStatus: null, targetTitleCode: null, registered: {}, registeredTotal: 0, registrationPercent: null };
}

/** Only what the head's own unit still has to do. */
export const missingForHead = (missing: MissingItem[], ownUnitId: string | null): MissingItem[] =>
  missing.filter((m) => m.who.kind === "UNIT" && m.who.unitId === ownUnitId);
