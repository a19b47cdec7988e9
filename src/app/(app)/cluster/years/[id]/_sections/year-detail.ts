// What the sections of the year page share: the year as the page loads it.
import type { clusterYearDetail } from "@/server/queries/cluster";

export type YearDetail = Awaited<ReturnType<typeof clusterYearDetail>>;
