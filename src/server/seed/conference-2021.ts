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

/** Morning of 19/11/2021 in Hà Nội. */
const at = (hhmm: string) => new Date(`2021-11-19T${hhmm}:00+07:00`);

type RoundPlan = {
  kind: RoundKind;
  title: string;
  titleCode: string | null;
  seats: number;
  candidates: Code[];
  notes?: Partial<Record<Code, string>>;
  /** One ballot per unit: the candidates (by unit code) it approves (true) or disapproves (false). */
  ballots: Record<Code, Partial<Record<Code, boolean>>>;
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

  let ballots = 0;
  for (const [index, plan] of plans.entries()) {
    const round = await tx.voteRound.create({
      data: {
        emulationYearId: ctx.year2021Id,
        kind: plan.kind,
        title: plan.title,
        titleCode: plan.titleCode,
        seats: plan.seats,
        state: "CLOSED",
        passThreshold: "MORE_THAN_HALF",
        quorum: 5,
        electorateSize: 5,
        openedAt: at(plan.opened),
        closedAt: at(plan.closed),
        createdAt: at(plan.opened),
        candidates: { create: plan.candidates.map((code, i) => ({ unitId: id(code), position: i + 1, note: plan.notes?.[code] ?? null })) },
      },
      include: { candidates: true },
    });
    const candidateOf = new Map(round.candidates.map((c) => [codeOf.get(c.unitId)!, c.id]));
    // Who voted, in the units' order (no time is kept).
    await tx.voteParticipation.createMany({ data: CODES.map((code) => ({ roundId: round.id, unitId: id(code) })) });
    // What was voted: shuffled, random ids, nothing pointing back at the voter.
    const contents: BallotChoiceValue[][] = CODES.map((code) =>
      Object.entries(plan.ballots[code]).map(([c, approve]) => ({ candidateId: candidateOf.get(c as Code)!, approve: approve! })),
    );
    for (const content of shuffled(contents, 20211119 + index)) {
      const ballotId = randomUUID();
      await tx.ballot.create({ data: { id: ballotId, roundId: round.id } });
      if (content.length) await tx.ballotChoice.createMany({ data: content.map((c) => ({ ballotId, ...c })) });
      ballots++;
    }
  }

  // The acclaim becomes the proposal for the Ministry flag in 2021's results.
  await tx.unitYearResult.upsert({
    where: { emulationYearId_unitId: { emulationYearId: ctx.year2021Id, unitId: id("ANM") } },
    create: { emulationYearId: ctx.year2021Id, unitId: id("ANM"), proposedTitleCode: "CO_BCA" },
    update: { proposedTitleCode: "CO_BCA" },
  });
  return { rounds: plans.length, ballots };
}
