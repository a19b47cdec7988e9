// Demo data: the 2021 year-end conference of Cụm thi đua số 2, held on 19/11/2021 (docs/domain.md §1).
// Three closed rounds, each with the five units' ballots: the acclaim of Cục An ninh mạng… for the
// Ministry flag, the election of Cục Kỹ thuật nghiệp vụ as chair for 2022 (the 2021 chair left out by
// the rotation rule) and of Cục Ngoại tuyến as deputy. The acclaim is recorded as the proposal in
// 2021's results. Ballots are written like closeRound leaves them: random ids, shuffled order.
//
// Called by src/server/seed/demo.ts inside its transaction, after the years and units exist.
import { randomUUID } from "node:crypto";
import { chairRotation, yearsSinceLabel, type BallotChoiceValue, type RoundKind } from "@/domain/voting";
import type { Tx } from "@/server/db";

export type Conference2021Context = {
  year2021Id: string;
  year2022Id: string;
  /** Member unit ids by code: ANM, KTNV, NT, QLXNC, BTLCV. */
  unitIds: Record<string, string>;
};

type Code = "ANM" | "KTNV" | "NT" | "QLXNC" | "BTLCV";
const CODES: Code[] = ["ANM", "KTNV", "NT", "QLXNC", "BTLCV"];

export type RoundPlan<C extends string = Code> = {
  kind: RoundKind;
  title: string;
  titleCode: string | null;
  seats: number;
  candidates: C[];
  notes?: Partial<Record<C, string>>;
  /** One ballot per unit: the candidates (by unit code) it approves (true) or disapproves (false). */
  ballots: Record<C, Partial<Record<C, boolean>>>;
  /** hh:mm, Hà Nội time, on the conference day. */
  opened: string;
  closed: string;
};

/** Deterministic shuffle (the demo is reproducible; the live app uses a cryptographic one). */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function seedConference2021(tx: Tx, ctx: Conference2021Context): Promise<{ rounds: number; ballots: number }> {
  const id = (code: Code) => {
    const unitId = ctx.unitIds[code];
    if (!unitId) throw new Error(`seedConference2021: unknown unit ${code}`);
    return unitId;
  };
  const members = await tx.unit.findMany({ where: { id: { in: CODES.map(id) } }, select: { id: true, name: true, active: true } });
  const history = await tx.emulationYear.findMany({ where: { id: ctx.year2021Id }, select: { year: true, chairUnitId: true } });
  const rotation = chairRotation(2022, members, history, { outgoingChairMayBeReelected: false });
  const codeOf = new Map(CODES.map((c) => [id(c), c]));
  const rotationNotes = Object.fromEntries(rotation.candidates.map((c) => [codeOf.get(c.unitId)!, yearsSinceLabel(c)])) as Partial<Record<Code, string>>;

  const plans: RoundPlan[] = [
    {
      kind: "ACCLAIM",
      title: "Suy tôn Cờ thi đua của Bộ Công an năm 2021",
      titleCode: "CO_BCA",
      seats: 1,
      candidates: ["ANM", "QLXNC"],
      // No unit votes on its own candidacy (the default setting).
      ballots: {
        ANM: { QLXNC: true },
        KTNV: { ANM: true, QLXNC: false },
        NT: { ANM: true, QLXNC: false },
        QLXNC: { ANM: true },
        BTLCV: { ANM: true, QLXNC: true },
      },
      opened: "09:10",
      closed: "09:25",
    },
    {
      kind: "CHAIR_ELECTION",
      title: "Bầu Cụm trưởng năm 2022",
      titleCode: null,
      seats: 1,
      // The rotation order for 2022: Cục An ninh mạng… chaired 2021 and is left out.
      candidates: rotation.candidates.map((c) => codeOf.get(c.unitId)!),
      notes: rotationNotes,
      ballots: { ANM: { KTNV: true }, KTNV: { NT: true }, NT: { KTNV: true }, QLXNC: { KTNV: true }, BTLCV: { KTNV: true } },
      opened: "09:35",
      closed: "09:45",
    },
    {
      kind: "DEPUTY_ELECTION",
      title: "Bầu Cụm phó năm 2022",
      titleCode: null,
      seats: 1,
      candidates: ["BTLCV", "ANM", "NT", "QLXNC"],
      ballots: { ANM: { NT: true }, KTNV: { NT: true }, NT: { QLXNC: true }, QLXNC: { NT: true }, BTLCV: { NT: true } },
      opened: "09:50",
      closed: "10:00",
    },
  ];

  const ballots = await writeConferenceRounds(tx, {
    yearId: ctx.year2021Id,
    day: "2021-11-19",
    unitIds: Object.fromEntries(CODES.map((c) => [c, id(c)])),
    plans,
    shuffleSeed: 20211119,
  });

  // The acclaim becomes the proposal for the Ministry flag in 2021's results.
  await tx.unitYearResult.upsert({
    where: { emulationYearId_unitId: { emulationYearId: ctx.year2021Id, unitId: id("ANM") } },
    create: { emulationYearId: ctx.year2021Id, unitId: id("ANM"), proposedTitleCode: "CO_BCA" },
    update: { proposedTitleCode: "CO_BCA" },
  });
  return { rounds: plans.length, ballots };
}

/**
 * Writes closed rounds as closeRound leaves them: candidates, who voted (every unit, in code order),
 * and the ballots (shuffled, random ids, nothing pointing back at the voter). `unitIds` by code; every
 * code in it votes. Returns the number of ballots. Also used for the generated years (later-years.ts).
 */
export async function writeConferenceRounds<C extends string>(
  tx: Tx,
  ctx: { yearId: string; day: string; unitIds: Record<string, string>; plans: RoundPlan<C>[]; shuffleSeed: number },
): Promise<number> {
  const at = (hhmm: string) => new Date(`${ctx.day}T${hhmm}:00+07:00`);
  const voters = Object.keys(ctx.unitIds) as C[];
  const idOf = (code: C) => {
    const unitId = ctx.unitIds[code];
    if (!unitId) throw new Error(`writeConferenceRounds: unknown unit ${code}`);
    return unitId;
  };
  const codeOf = new Map(voters.map((c) => [idOf(c), c]));
  let ballots = 0;
  for (const [index, plan] of ctx.plans.entries()) {
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: ctx.yearId,
        kind: plan.kind,
        title: plan.title,
        titleCode: plan.titleCode,
        seats: plan.seats,
        state: "CLOSED",
        passThreshold: "MORE_THAN_HALF",
        quorum: voters.length,
        electorateSize: voters.length,
        openedAt: at(plan.opened),
        closedAt: at(plan.closed),
        createdAt: at(plan.opened),
        candidates: { create: plan.candidates.map((code, i) => ({ unitId: idOf(code), position: i + 1, note: plan.notes?.[code] ?? null })) },
      },
      include: { candidates: true },
    });
    const candidateOf = new Map(round.candidates.map((c) => [codeOf.get(c.unitId)!, c.id]));
    // Who voted, in the units' order (no time is kept).
    await tx.voteParticipation.createMany({ data: voters.map((code) => ({ roundId: round.id, unitId: idOf(code) })) });
    // What was voted: shuffled, random ids, nothing pointing back at the voter.
    const contents: BallotChoiceValue[][] = voters.map((code) =>
      Object.entries(plan.ballots[code] as Record<string, boolean>).map(([c, approve]) => ({ candidateId: candidateOf.get(c as C)!, approve })),
    );
    const rows = shuffled(contents, ctx.shuffleSeed + index).map((content) => ({ id: randomUUID(), content }));
    await tx.ballot.createMany({ data: rows.map((b) => ({ id: b.id, roundId: round.id })) });
    const choices = rows.flatMap((b) => b.content.map((c) => ({ ballotId: b.id, ...c })));
    if (choices.length) await tx.ballotChoice.createMany({ data: choices });
    ballots += rows.length;
  }
  return ballots;
}
