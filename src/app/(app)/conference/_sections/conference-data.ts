// What the sections of the conference page share: the page's data once a cluster and a year are known.
import type { conferencePage } from "@/server/queries/votes";

type Page = Awaited<ReturnType<typeof conferencePage>>;
export type ConferenceData = NonNullable<Page["data"]>;
export type ConferenceYear = ConferenceData["year"];
export type RoundSetup = NonNullable<ConferenceData["manage"]>;
export type ClusterChoice = NonNullable<Page["pick"]>[number];
