// The cluster dashboard (/overview, issue 6): for one cluster and one emulation year, the ranking of
// the member units (total, rank, change since last year), registered vs awarded titles, report and
// registration status, vote outcomes, deadlines and what is still missing from whom, and the series
// the charts draw. Permission "cluster.overview": admins any cluster, the secretariat its own, the
// heads of the unit chairing the cluster's latest year. Anything else: 404.
//
// FAST AT MINISTRY SCALE (docs/performance.md): a fixed number of queries, whatever the number of units
// or officers (tests/integration/dashboard.test.ts counts them), all run at once after the permission
// check. Nothing counts officer rows here: officers' titles (registered and awarded) are read from the
// summary table "UnitTitleTally" and active officers from "UnitOfficerCount", both kept up to date by
// database triggers (src/server/summary-tables.ts); everything else is small per cluster (reports,
// criteria, rounds, ballots).
export { type TallyRow, tallyOfUnit } from "./tally";
export { type TitleInfo, titleCatalogue } from "./titles";
export { type DashboardParams, parseDashboardParams } from "./params";
export { type YearRanking } from "./ranking";
export { type DashboardUnit, type VoteRoundSummary, clusterDashboard, type ClusterDashboard, type DashboardWithYear } from "./cluster-dashboard";
export { cachedClusterDashboard } from "./cached";
