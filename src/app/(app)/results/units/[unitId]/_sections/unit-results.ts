// What the sections of the unit results page share: the loaded page data and how it is shown.
import { TASK_RATINGS } from "@/domain/title-catalogue";
import type { OfficerResultRow, unitResults } from "@/server/queries/results";

/** The page's data once the unit has a year (the page shows an empty state otherwise). */
export type UnitResults = Extract<Awaited<ReturnType<typeof unitResults>>, { rows: OfficerResultRow[] }>;
export type TitleOption = UnitResults["titles"][number];

export const fmt = (n: number) => n.toLocaleString("vi-VN");
export const RATING_OPTIONS = (Object.keys(TASK_RATINGS) as (keyof typeof TASK_RATINGS)[]).map((k) => ({ value: k, label: TASK_RATINGS[k] }));
