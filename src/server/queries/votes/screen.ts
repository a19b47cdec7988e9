import { type Actor } from "@/domain/permissions";
import { roundDetail } from "./round-detail";

// The hall's projection screen: turnout while open, totals after closing.

export async function roundScreen(actor: Actor, roundId: string) {
  const detail = await roundDetail(actor, roundId);
  return {
    id: detail.id,
    title: detail.title,
    kind: detail.kind,
    state: detail.state,
    seats: detail.seats,
    clusterName: detail.year.clusterName,
    year: detail.year.year,
    turnout: detail.turnout,
    voted: detail.voted,
    electorateSize: detail.electorateSize,
    quorum: detail.quorum,
    thresholdLabel: detail.thresholdLabel,
    results: detail.results,
    runoffs: detail.runoffs,
  };
}
