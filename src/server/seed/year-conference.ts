// A generated closed year's conference (docs/domain.md §4 step 6), held on the year's conference day
// with the five units' ballots, written as closeRound leaves closed rounds (conference-2021.ts):
// - the acclaim for the Ministry flag: the best-ranked unit that meets Đơn vị Quyết thắng, acclaimed
//   with the four other units' approvals (no unit votes on itself), and the runner-up, if any, with two
//   approvals of five (not passed); no acclaim when no unit meets the standard;
// - the chair election for next year: the candidates in the rotation order (this year's chair left
//   out), the first elected with four votes (its own delegate votes for the second);
// - the deputy election: the others and this year's chair, the second of the rotation elected.
import type { Tx } from "@/server/db";
import { DEMO_UNIT_CODES, demoChairs, rotationCandidates, type DemoUnitCode, type Leadership } from "./calendar";
import { writeConferenceRounds, type RoundPlan } from "./conference-2021";

export async function seedYearConference(
  tx: Tx,
  ctx: {
    year: number;
    yearId: string;
    unitIds: Record<DemoUnitCode, string>;
    /** yyyy-mm-dd */
    conference: string;
    leadership: Leadership;
    /** Next year's chair and deputy, as the calendar has them (the rotation must agree). */
    next: Leadership;
    acclaimed: DemoUnitCode | null;
    runnerUp: DemoUnitCode | null;
  },
): Promise<number> {
  const { year, yearId, conference, acclaimed, runnerUp } = ctx;
  const chairs = demoChairs(year);
  const rotation = rotationCandidates(year + 1, chairs);
  if (rotation[0]!.code !== ctx.next.chair) throw new Error(`Demo ${year}: the rotation elects ${rotation[0]!.code}, the calendar says ${ctx.next.chair}`);
  const deputyCandidates = [...rotation.map((c) => c.code).filter((c) => c !== ctx.next.chair), ctx.leadership.chair];
  const everyone = (vote: (voter: DemoUnitCode) => Partial<Record<DemoUnitCode, boolean>>) =>
    Object.fromEntries(DEMO_UNIT_CODES.map((v) => [v, vote(v)])) as Record<DemoUnitCode, Partial<Record<DemoUnitCode, boolean>>>;
  const choose = (winner: DemoUnitCode, fallback: DemoUnitCode) => everyone((v) => ({ [v === winner ? fallback : winner]: true }));
  const plans: RoundPlan<DemoUnitCode>[] = [];
  if (acclaimed) {
    const others = DEMO_UNIT_CODES.filter((v) => v !== runnerUp);
    plans.push({
      kind: "ACCLAIM",
      title: `Suy tôn Cờ thi đua của Bộ Công an năm ${year}`,
      titleCode: "CO_BCA",
      seats: 1,
      candidates: runnerUp ? [acclaimed, runnerUp] : [acclaimed],
      // No unit votes on its own candidacy; the runner-up gets two approvals of five.
      ballots: everyone((v) => ({
        ...(v !== acclaimed ? { [acclaimed]: true } : {}),
        ...(runnerUp && v !== runnerUp ? { [runnerUp]: others.indexOf(v) < 2 } : {}),
      })),
      opened: "09:10",
      closed: "09:25",
    });
  }
  plans.push(
    {
      kind: "CHAIR_ELECTION",
      title: `Bầu Cụm trưởng năm ${year + 1}`,
      titleCode: null,
      seats: 1,
      candidates: rotation.map((c) => c.code),
      notes: Object.fromEntries(rotation.map((c) => [c.code, c.label])),
      ballots: choose(ctx.next.chair, rotation[1]!.code),
      opened: "09:35",
      closed: "09:45",
    },
    {
      kind: "DEPUTY_ELECTION",
      title: `Bầu Cụm phó năm ${year + 1}`,
      titleCode: null,
      seats: 1,
      candidates: deputyCandidates,
      ballots: choose(ctx.next.deputy, deputyCandidates.find((c) => c !== ctx.next.deputy)!),
      opened: "09:50",
      closed: "10:00",
    },
  );
  return writeConferenceRounds(tx, { yearId, day: conference, unitIds: ctx.unitIds, plans, shuffleSeed: year * 10_000 + 1119 });

}
