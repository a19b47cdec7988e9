import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { BALLOT_TAMPERED, NOT_A_CANDIDATE } from "@/domain/voting";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { DEFAULT_YEAR_SETTINGS, type YearSettings } from "@/domain/year-settings";
import { TITLE_CATALOGUE } from "@/domain/title-catalogue";
import { executeCommand, INVALID_INPUT, NOT_FOUND } from "@/server/commands/command";
import {
  ALREADY_VOTED,
  applyOutcome,
  BALLOT_RECORDED,
  castBallot,
  closeRound,
  createRound,
  deleteRound,
  NOT_IN_ELECTORATE,
  openRound,
  openRunoff,
  purgeBallotBox,
  recordAssignedChair,
  ROUND_CLOSED,
  ROUND_NOT_OPEN,
  updateRound,
} from "@/server/commands/votes";
import { closedRoundResults, electedLeadership } from "@/server/store/vote-results";
import { ballotPage, conferencePage, minutesData, ResultsNotAvailableError, roundDetail, roundResults } from "@/server/queries/votes";
import { buildMinutesDocx } from "@/server/documents/minutes";
import { seedConference2021 } from "@/server/seed/conference-2021";
import { expectNotFound, expectOk, expectRefused, runOk } from "../support/action-result";
import { makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

const UNITS = {
  ANM: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
  KTNV: "Cục Kỹ thuật nghiệp vụ",
  NT: "Cục Ngoại tuyến",
  QLXNC: "Cục Quản lý xuất nhập cảnh",
  BTLCV: "Bộ Tư lệnh Cảnh vệ",
} as const;
type Code = keyof typeof UNITS;
const CODES = Object.keys(UNITS) as Code[];

/** Cluster No. 2: five units, 2021 closed (chair ANM), 2022 in progress (chair KTNV), a secretariat and five delegates. */
async function setup(settings: Partial<YearSettings> = {}) {
  await prisma.titleDefinition.createMany({ data: TITLE_CATALOGUE.map((t) => ({ ...t })) });
  const cluster = await makeCluster("Cụm thi đua số 2");
  const unit = {} as Record<Code, { id: string; name: string }>;
  for (const code of CODES) unit[code] = await makeUnit(cluster.id, UNITS[code]);
  const y2021 = await prisma.emulationYear.create({
    data: { clusterId: cluster.id, year: 2021, phase: "CLOSED", chairUnitId: unit.ANM.id, deputyUnitId: unit.QLXNC.id, settings: DEFAULT_YEAR_SETTINGS },
  });
  const y2022 = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: 2022,
      phase: "CONFERENCE",
      chairUnitId: unit.KTNV.id,
      deputyUnitId: unit.NT.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, ...settings },
    },
  });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const head = {} as Record<Code, Actor>;
  for (const code of CODES) head[code] = await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: unit[code].id });
  return { cluster, unit, y2021, y2022, secretariat, head };
}
type Setup = Awaited<ReturnType<typeof setup>>;

async function otherCluster() {
  const cluster = await makeCluster("Cụm thi đua số 5");
  const u = await makeUnit(cluster.id, "Công an tỉnh Bắc Ninh");
  await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "CONFERENCE", chairUnitId: u.id, settings: DEFAULT_YEAR_SETTINGS } });
  return { cluster, unit: u, head: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: u.id }), secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }) };
}

const unitBoxes = (ids: string[]) => Object.fromEntries(ids.map((id) => [`unit_${id}`, "on"]));

async function createOk(actor: Actor, input: Record<string, unknown>): Promise<string> {
  return (await runOk(createRound, actor, input)).id;
}

/** An acclaim round for the Ministry flag with the given candidates, opened. Returns round and candidate ids by unit code. */
async function openAcclaim(s: Setup, codes: Code[], seats = 1) {
  const roundId = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "ACCLAIM", titleCode: "CO_BCA", seats: String(seats), ...unitBoxes(codes.map((c) => s.unit[c].id)) });
  await runOk(openRound, s.secretariat, { roundId });
  return { roundId, cand: await candidateIds(roundId, s) };
}

async function candidateIds(roundId: string, s: Setup) {
  const rows = await prisma.voteCandidate.findMany({ where: { roundId }, select: { id: true, unitId: true } });
  const out = {} as Record<Code, string>;
  for (const code of CODES) {
    const row = rows.find((r) => r.unitId === s.unit[code].id);
    if (row) out[code] = row.id;
  }
  return out;
}

const verdicts = (v: Record<string, "yes" | "no">) => Object.fromEntries(Object.entries(v).map(([id, x]) => [`c_${id}`, x]));

const counts = async (roundId: string) => ({
  ballots: await prisma.ballot.count({ where: { roundId } }),
  choices: await prisma.ballotChoice.count({ where: { ballot: { roundId } } }),
  participations: await prisma.voteParticipation.count({ where: { roundId } }),
});

beforeEach(resetDatabase);

// ---------------------------------------------------------------------------------------------

describe("a round from set-up to results", () => {
  it("acclaim: five delegates, results only after closing, totals, the ballots = voters check, secret audit", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "QLXNC"]);
    const round = await prisma.voteRound.findUniqueOrThrow({ where: { id: roundId } });
    expect(round).toMatchObject({ state: "OPEN", passThreshold: "MORE_THAN_HALF", quorum: 5, electorateSize: 5, seats: 1, title: "Suy tôn Cờ thi đua của Bộ Công an năm 2022" });

    const ballots: [Code, Record<string, "yes" | "no">][] = [
      ["ANM", { [cand.QLXNC]: "yes" }],
      ["KTNV", { [cand.ANM]: "yes", [cand.QLXNC]: "no" }],
      ["NT", { [cand.ANM]: "yes", [cand.QLXNC]: "no" }],
      ["QLXNC", { [cand.ANM]: "yes" }],
      ["BTLCV", { [cand.ANM]: "yes", [cand.QLXNC]: "yes" }],
    ];
    for (const [i, [code, v]] of ballots.entries()) {
      const r = await executeCommand(castBallot, s.head[code], { roundId, ...verdicts(v) });
      expect(r).toEqual({ ok: true, message: BALLOT_RECORDED });
      // While open: turnout only; the results refuse, whoever asks.
      await expect(roundResults(s.secretariat, roundId)).rejects.toBeInstanceOf(ResultsNotAvailableError);
      expect((await closedRoundResults(prisma, [roundId])).size).toBe(0);
      const detail = await roundDetail(s.secretariat, roundId);
      expect(detail.results).toBeNull();
      expect(detail.voted).toBe(i + 1);
    }
    const detail = await roundDetail(s.secretariat, roundId);
    // Turnout in name order, not in voting order.
    expect(detail.turnout.map((t) => t.name)).toEqual([UNITS.BTLCV, UNITS.ANM, UNITS.KTNV, UNITS.NT, UNITS.QLXNC]);

    const closed = await executeCommand(closeRound, s.secretariat, { roundId });
    expect(closed.ok).toBe(true);
    expect(closed.message).toContain(`Được suy tôn: ${UNITS.ANM}.`);
    const results = await roundResults(s.head.NT, roundId);
    expect(results).toMatchObject({ ballots: 5, voted: 5, consistent: true, votesNeeded: 3 });
    expect(results.rows.map((r) => [r.name, r.approvals, r.disapprovals, r.blank, r.share, r.status])).toEqual([
      [UNITS.ANM, 4, 0, 1, "80%", "ELECTED"],
      [UNITS.QLXNC, 2, 2, 1, "40%", "NOT_PASSED"],
    ]);

    // The audit says which units voted, never what.
    const audits = await prisma.auditLog.findMany({ where: { action: "vote.cast" } });
    expect(audits).toHaveLength(5);
    for (const a of audits) {
      expect(Object.keys(a.after as object).sort()).toEqual(["roundTitle", "unitId", "unitName", "voted"]);
      const text = JSON.stringify({ ...a, id: String(a.id), seq: String(a.seq) });
      for (const id of Object.values(cand)) expect(text).not.toContain(id);
      expect(text).not.toMatch(/approve|yes|"no"/);
    }

    // Apply: ANM becomes the proposal for the Ministry flag in 2022's results.
    const applied = await executeCommand(applyOutcome, s.secretariat, { roundId });
    expect(applied).toMatchObject({ ok: true, message: `Đã ghi nhận đề nghị Cờ thi đua của Bộ Công an năm 2022 cho: ${UNITS.ANM}.` });
    expect(await prisma.unitYearResult.findMany({ where: { emulationYearId: s.y2022.id }, select: { unitId: true, proposedTitleCode: true } })).toEqual([
      { unitId: s.unit.ANM.id, proposedTitleCode: "CO_BCA" },
    ]);
  });

  it("closing re-deals the ballot box: new random ids, same totals; VACUUM afterwards succeeds", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    for (const code of CODES) {
      const v: Record<string, "yes" | "no"> = {};
      if (code !== "ANM") v[cand.ANM] = code === "NT" ? "no" : "yes";
      if (code !== "KTNV") v[cand.KTNV] = "yes";
      await runOk(castBallot, s.head[code], { roundId, ...verdicts(v) });
    }
    const before = (await prisma.ballot.findMany({ where: { roundId }, select: { id: true } })).map((b) => b.id);
    await runOk(closeRound, s.secretariat, { roundId });
    const after = (await prisma.ballot.findMany({ where: { roundId }, select: { id: true } })).map((b) => b.id);
    expect(after).toHaveLength(5);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
    expect(await counts(roundId)).toEqual({ ballots: 5, choices: 8, participations: 5 });
    // Every surviving ballot row was written by the one closing transaction.
    const xmins = await prisma.$queryRaw<{ x: string }[]>`SELECT DISTINCT xmin::text AS x FROM "Ballot" WHERE "roundId" = ${roundId}::uuid`;
    expect(xmins).toHaveLength(1);
    expect(await purgeBallotBox()).toBe(true);
    const results = await roundResults(s.secretariat, roundId);
    expect(results.rows.map((r) => [r.name, r.approvals, r.disapprovals])).toEqual([
      [UNITS.KTNV, 4, 0],
      [UNITS.ANM, 3, 1],
    ]);
    // Both passed, 4 > 3: KTNV takes the one flag.
    expect(results.elected.map((e) => e.name)).toEqual([UNITS.KTNV]);
  });
});

describe("bad input and attacks: refused with a clear message, nothing stored", () => {
  /** The ballot is refused with the message, and neither a ballot nor an audit entry is stored. */
  async function expectBallotRefused(roundId: string, actor: Actor, input: Record<string, unknown>, message: string) {
    const before = await counts(roundId);
    const audits = await prisma.auditLog.count();
    expectRefused(await executeCommand(castBallot, actor, input), message);
    expect(await counts(roundId)).toEqual(before);
    expect(await prisma.auditLog.count()).toBe(audits);
  }

  it("voting twice", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    await runOk(castBallot, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "no" }) });
    await expectBallotRefused(roundId, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "no", [cand.KTNV]: "yes" }) }, ALREADY_VOTED);
    // Another head of the same unit (a second device, a second account) is the same unit.
    const secondHead = await makeActor("UNIT_HEAD", { clusterId: s.cluster.id, unitId: s.unit.NT.id });
    await expectBallotRefused(roundId, secondHead, { roundId, ...verdicts({ [cand.ANM]: "no", [cand.KTNV]: "yes" }) }, ALREADY_VOTED);
    expect(await counts(roundId)).toEqual({ ballots: 1, choices: 2, participations: 1 });
  });

  it("voting in a round not yet opened, or already closed", async () => {
    const s = await setup({ quorumUnits: 1 });
    const roundId = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "ACCLAIM", titleCode: "CO_BCA", ...unitBoxes([s.unit.ANM.id]) });
    const cand = await candidateIds(roundId, s);
    await expectBallotRefused(roundId, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes" }) }, ROUND_NOT_OPEN);
    await runOk(openRound, s.secretariat, { roundId });
    await runOk(castBallot, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes" }) });
    await runOk(closeRound, s.secretariat, { roundId });
    await expectBallotRefused(roundId, s.head.KTNV, { roundId, ...verdicts({ [cand.ANM]: "yes" }) }, ROUND_CLOSED);
  });

  it("a non-candidate, more choices than seats, a missing verdict, a made-up verdict", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    const stranger = "00000000-0000-4000-8000-000000000000";
    await expectBallotRefused(roundId, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "yes", [stranger]: "yes" }) }, NOT_A_CANDIDATE);
    await expectBallotRefused(roundId, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes" }) }, `Vui lòng cho ý kiến "Đồng ý" hoặc "Không đồng ý" với từng đơn vị; còn thiếu: ${UNITS.KTNV}.`);
    await expectBallotRefused(roundId, s.head.NT, { roundId, [`c_${cand.ANM}`]: "maybe", [`c_${cand.KTNV}`]: "yes" }, BALLOT_TAMPERED);

    // Chair election: one seat.
    const chair = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "CHAIR_ELECTION", ...unitBoxes([s.unit.NT.id, s.unit.QLXNC.id, s.unit.BTLCV.id]) });
    await runOk(openRound, s.secretariat, { roundId: chair });
    const c = await candidateIds(chair, s);
    await expectBallotRefused(chair, s.head.ANM, { roundId: chair, ...verdicts({ [c.NT]: "yes", [c.QLXNC]: "yes" }) }, "Chỉ được chọn tối đa 1 đơn vị; phiếu đã chọn 2 đơn vị. Phiếu chưa được ghi nhận.");
    await expectBallotRefused(chair, s.head.ANM, { roundId: chair, ...verdicts({ [c.NT]: "no" }) }, BALLOT_TAMPERED);
    // A candidate of another round is not a candidate of this one.
    await expectBallotRefused(chair, s.head.ANM, { roundId: chair, ...verdicts({ [cand.ANM]: "yes" }) }, NOT_A_CANDIDATE);
  });

  it("a self-vote when the settings forbid it (the default); allowed when the settings allow it", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    await expectBallotRefused(
      roundId,
      s.head.ANM,
      { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "no" }) },
      `Theo quy chế của cụm, đơn vị không được tự bỏ phiếu cho chính mình (${UNITS.ANM}). Phiếu chưa được ghi nhận.`,
    );
    // Its ballot without itself is fine.
    await runOk(castBallot, s.head.ANM, { roundId, ...verdicts({ [cand.KTNV]: "no" }) });

    await resetDatabase();
    const t = await setup({ allowSelfVote: true });
    const second = await openAcclaim(t, ["ANM", "KTNV"]);
    const r = await executeCommand(castBallot, t.head.ANM, { roundId: second.roundId, ...verdicts({ [second.cand.ANM]: "yes", [second.cand.KTNV]: "no" }) });
    expect(r.ok).toBe(true);
  });

  it("a delegate of another cluster, a unit officer, the secretariat, an admin: not delegates of this round", async () => {
    const s = await setup();
    const other = await otherCluster();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    const ballot = { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "yes" }) };
    await expectBallotRefused(roundId, other.head, ballot, NOT_FOUND);
    await expectBallotRefused(roundId, await makeActor("UNIT_OFFICER", { clusterId: s.cluster.id, unitId: s.unit.NT.id }), ballot, NOT_FOUND);
    await expectBallotRefused(roundId, s.secretariat, ballot, NOT_FOUND);
    await expectBallotRefused(roundId, await makeActor("ADMIN"), ballot, NOT_FOUND);
    // A sub-unit's head is not a member unit's delegate.
    const sub = await makeUnit(s.cluster.id, "Phòng Tham mưu", s.unit.NT.id);
    await expectBallotRefused(roundId, await makeActor("UNIT_HEAD", { clusterId: s.cluster.id, unitId: sub.id }), ballot, NOT_FOUND);
    // Nor may the other cluster's secretariat run this round.
    expectRefused(await executeCommand(closeRound, other.secretariat, { roundId }), NOT_FOUND);
  });

  it("a tampered form: missing or malformed round, a unit created after the round opened, a closed year", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    expectRefused(await executeCommand(castBallot, s.head.NT, verdicts({ [cand.ANM]: "yes" })), INVALID_INPUT);
    expectRefused(await executeCommand(castBallot, s.head.NT, { roundId: "1; DROP TABLE \"Ballot\"" }), INVALID_INPUT);
    expectRefused(await executeCommand(castBallot, s.head.NT, { roundId: "00000000-0000-4000-8000-000000000000" }), NOT_FOUND);
    const late = await makeUnit(s.cluster.id, "Cục Mới thành lập");
    await expectBallotRefused(roundId, await makeActor("UNIT_HEAD", { clusterId: s.cluster.id, unitId: late.id }), { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "yes" }) }, NOT_IN_ELECTORATE);
    await prisma.emulationYear.update({ where: { id: s.y2022.id }, data: { phase: "CLOSED" } });
    await expectBallotRefused(roundId, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: "yes", [cand.KTNV]: "yes" }) }, YEAR_CLOSED_MESSAGE);
    expectRefused(await executeCommand(closeRound, s.secretariat, { roundId }), YEAR_CLOSED_MESSAGE);
  });
});

describe("concurrency", () => {
  it("50 concurrent attempts by the same delegate produce exactly one ballot and one participation", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => executeCommand(castBallot, s.head.NT, { roundId, ...verdicts({ [cand.ANM]: i % 2 ? "yes" : "no", [cand.KTNV]: "yes" }) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r.message).toBe(ALREADY_VOTED);
    expect(await counts(roundId)).toEqual({ ballots: 1, choices: 2, participations: 1 });
    expect(await prisma.auditLog.count({ where: { action: "vote.cast" } })).toBe(1);
  });

  it("ballots of all five units cast at the same moment are all counted", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    const results = await Promise.all(
      CODES.map((code) => {
        const v: Record<string, "yes" | "no"> = {};
        if (code !== "ANM") v[cand.ANM] = "yes";
        if (code !== "KTNV") v[cand.KTNV] = "no";
        return executeCommand(castBallot, s.head[code], { roundId, ...verdicts(v) });
      }),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await counts(roundId)).toEqual({ ballots: 5, choices: 8, participations: 5 });
    await runOk(closeRound, s.secretariat, { roundId });
    const r = await roundResults(s.secretariat, roundId);
    expect(r.rows.map((x) => [x.name, x.approvals, x.disapprovals])).toEqual([
      [UNITS.ANM, 4, 0],
      [UNITS.KTNV, 0, 4],
    ]);
  });

  it("closing waits for ballots in flight; a ballot after closing is refused", async () => {
    const s = await setup({ quorumUnits: 1 });
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    await runOk(castBallot, s.head.ANM, { roundId, ...verdicts({ [cand.KTNV]: "yes" }) });
    const others = (["KTNV", "NT", "QLXNC", "BTLCV"] as Code[]).map((code) => {
      const v: Record<string, "yes" | "no"> = {};
      if (code !== "ANM") v[cand.ANM] = "yes";
      if (code !== "KTNV") v[cand.KTNV] = "yes";
      return executeCommand(castBallot, s.head[code], { roundId, ...verdicts(v) });
    });
    const [closed, ...cast] = await Promise.all([executeCommand(closeRound, s.secretariat, { roundId }), ...others]);
    expect(closed.ok).toBe(true);
    const accepted = cast.filter((r) => r.ok).length;
    for (const r of cast.filter((r) => !r.ok)) expect(r.message).toBe(ROUND_CLOSED);
    // Whatever the interleaving, the box and the register agree.
    expect(await counts(roundId)).toMatchObject({ ballots: 1 + accepted, participations: 1 + accepted });
    expect((await roundResults(s.secretariat, roundId)).consistent).toBe(true);
  });
});

describe("the schema keeps ballots and voters apart", () => {
  it("Ballot and BallotChoice have no column or index that links a ballot to a voter, a time or an order", async () => {
    const columns = await prisma.$queryRaw<{ table_name: string; column_name: string; data_type: string; column_default: string | null }[]>`
      SELECT table_name::text, column_name::text, data_type::text, column_default::text
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN ('Ballot', 'BallotChoice')
      ORDER BY table_name, column_name`;
    expect(columns.map((c) => [c.table_name, c.column_name, c.data_type])).toEqual([
      ["Ballot", "id", "uuid"],
      ["Ballot", "roundId", "uuid"],
      ["BallotChoice", "approve", "boolean"],
      ["BallotChoice", "ballotId", "uuid"],
      ["BallotChoice", "candidateId", "uuid"],
    ]);
    // No sequence, no clock.
    for (const c of columns) expect(c.column_default ?? "").not.toMatch(/nextval|now\(|current_|clock_/i);

    const indexes = await prisma.$queryRaw<{ tablename: string; indexname: string; indexdef: string }[]>`
      SELECT tablename::text, indexname::text, indexdef::text FROM pg_indexes
      WHERE schemaname = 'public' AND tablename IN ('Ballot', 'BallotChoice') ORDER BY tablename, indexname`;
    expect(indexes.map((i) => [i.tablename, i.indexname])).toEqual([
      ["Ballot", "Ballot_pkey"],
      ["Ballot", "Ballot_roundId_idx"],
      ["BallotChoice", "BallotChoice_pkey"],
    ]);
    expect(indexes.find((i) => i.indexname === "Ballot_roundId_idx")!.indexdef).toMatch(/\("roundId"\)$/);

    const references = await prisma.$queryRaw<{ from_table: string; to_table: string }[]>`
      SELECT cl.relname::text AS from_table, ref.relname::text AS to_table
      FROM pg_constraint co
      JOIN pg_class cl ON cl.oid = co.conrelid
      JOIN pg_class ref ON ref.oid = co.confrelid
      WHERE co.contype = 'f' AND cl.relname IN ('Ballot', 'BallotChoice')
      ORDER BY 1, 2`;
    expect(references.map((r) => [r.from_table, r.to_table])).toEqual([
      ["Ballot", "VoteRound"],
      ["BallotChoice", "Ballot"],
      ["BallotChoice", "VoteCandidate"],
    ]);
    // Nothing writes extra data behind the app's back.
    const triggers = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relname IN ('Ballot', 'BallotChoice', 'VoteParticipation')`;
    expect(triggers[0]!.n).toBe(0);

    // The register of voters has no time either.
    const participation = await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name::text FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'VoteParticipation' ORDER BY column_name`;
    expect(participation.map((c) => c.column_name)).toEqual(["roundId", "unitId"]);
  });
});

describe("quorum, ties and run-offs", () => {
  it("closing without quorum is refused with the reason; a lower quorum set before opening allows it", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM"]);
    for (const code of ["KTNV", "NT", "QLXNC"] as Code[]) await runOk(castBallot, s.head[code], { roundId, ...verdicts({ [cand.ANM]: "yes" }) });
    expect(await executeCommand(closeRound, s.secretariat, { roundId })).toEqual({
      ok: false,
      message: "Chưa thể kết thúc vòng bỏ phiếu: mới có 3 đơn vị bỏ phiếu, chưa đủ số đơn vị theo quy định (tất cả 5 đơn vị phải bỏ phiếu; còn thiếu 2 đơn vị).",
    });
    expect((await prisma.voteRound.findUniqueOrThrow({ where: { id: roundId } })).state).toBe("OPEN");

    // Quorum copied at opening: changing the settings later does not change this round…
    await prisma.emulationYear.update({ where: { id: s.y2022.id }, data: { settings: { ...DEFAULT_YEAR_SETTINGS, quorumUnits: 3 } } });
    expect((await executeCommand(closeRound, s.secretariat, { roundId })).ok).toBe(false);
    // …but a round opened afterwards takes it.
    const second = await openAcclaim(s, ["KTNV"]);
    expect((await prisma.voteRound.findUniqueOrThrow({ where: { id: second.roundId } })).quorum).toBe(3);
    for (const code of ["ANM", "NT", "QLXNC"] as Code[]) await runOk(castBallot, s.head[code], { roundId: second.roundId, ...verdicts({ [second.cand.KTNV]: "yes" }) });
    expect((await executeCommand(closeRound, s.secretariat, { roundId: second.roundId })).ok).toBe(true);
  });

  it("a tie for the last seat → one click opens the run-off between the tied; its winner is applied", async () => {
    const s = await setup();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV", "NT"]);
    // ANM 4, KTNV 4 (both pass), NT 1.
    const plan: Record<Code, Record<string, "yes" | "no">> = {
      ANM: { [cand.KTNV]: "yes", [cand.NT]: "no" },
      KTNV: { [cand.ANM]: "yes", [cand.NT]: "no" },
      NT: { [cand.ANM]: "yes", [cand.KTNV]: "yes" },
      QLXNC: { [cand.ANM]: "yes", [cand.KTNV]: "yes", [cand.NT]: "yes" },
      BTLCV: { [cand.ANM]: "yes", [cand.KTNV]: "yes", [cand.NT]: "no" },
    };
    for (const code of CODES) await runOk(castBallot, s.head[code], { roundId, ...verdicts(plan[code]) });
    const closed = await executeCommand(closeRound, s.secretariat, { roundId });
    expect(closed.message).toContain("Có 2 đơn vị bằng phiếu cho 1 suất còn lại; cần bỏ phiếu lại.");
    const results = await roundResults(s.secretariat, roundId);
    expect(results.runoff).toEqual({ reason: "TIE", seats: 1, candidates: [{ unitId: s.unit.ANM.id, name: UNITS.ANM }, { unitId: s.unit.KTNV.id, name: UNITS.KTNV }] });
    expectRefused(await executeCommand(applyOutcome, s.secretariat, { roundId }), expect.stringContaining("mở vòng bỏ phiếu lại"));

    const runoff = await executeCommand(openRunoff, s.secretariat, { roundId });
    expect(runoff).toMatchObject({ ok: true, message: "Đã mở vòng bỏ phiếu lại “Suy tôn Cờ thi đua của Bộ Công an năm 2022 – bỏ phiếu lại” giữa 2 đơn vị cho 1 suất." });
    const runoffId = runoff.ok ? (runoff.data as { id: string }).id : "";
    const r2 = await prisma.voteRound.findUniqueOrThrow({ where: { id: runoffId }, include: { candidates: true } });
    expect(r2).toMatchObject({ state: "OPEN", seats: 1, runoffOfId: roundId, kind: "ACCLAIM", titleCode: "CO_BCA", quorum: 5, electorateSize: 5 });
    expect(r2.candidates.map((c) => c.unitId).sort()).toEqual([s.unit.ANM.id, s.unit.KTNV.id].sort());
    // A second click does not open a second run-off.
    expectRefused(await executeCommand(openRunoff, s.secretariat, { roundId }), expect.stringContaining("Đã có vòng bỏ phiếu lại"));

    // The run-off asks "which one": choose at most one.
    const c2 = await candidateIds(runoffId, s);
    const picks: Record<Code, string[]> = { ANM: [c2.KTNV], KTNV: [c2.ANM], NT: [c2.ANM], QLXNC: [c2.ANM], BTLCV: [] };
    for (const code of CODES) await runOk(castBallot, s.head[code], { roundId: runoffId, ...Object.fromEntries(picks[code].map((id) => [`c_${id}`, "yes"])) });
    expect((await executeCommand(castBallot, s.head.NT, { roundId: runoffId })).message).toBe(ALREADY_VOTED);
    await runOk(closeRound, s.secretariat, { roundId: runoffId });
    const final = await roundResults(s.secretariat, runoffId);
    expect(final.rows.map((r) => [r.name, r.approvals, r.blank])).toEqual([
      [UNITS.ANM, 3, 2],
      [UNITS.KTNV, 1, 4],
    ]);
    expect(final.elected.map((e) => e.name)).toEqual([UNITS.ANM]);
    await runOk(applyOutcome, s.secretariat, { roundId: runoffId });
    expect((await prisma.unitYearResult.findFirstOrThrow({ where: { unitId: s.unit.ANM.id } })).proposedTitleCode).toBe("CO_BCA");
  });

  it("the flag allowance of the year caps the seats, and the proposals across rounds", async () => {
    const s = await setup();
    const refused = await executeCommand(createRound, s.secretariat, { yearId: s.y2022.id, kind: "ACCLAIM", titleCode: "CO_BCA", seats: "2", ...unitBoxes([s.unit.ANM.id, s.unit.KTNV.id]) });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { seats: ["Theo thiết lập của năm thi đua, cụm có tối đa 1 suất Cờ thi đua của Bộ Công an."] } });
    await prisma.unitYearResult.create({ data: { emulationYearId: s.y2022.id, unitId: s.unit.BTLCV.id, proposedTitleCode: "CO_BCA" } });
    const { roundId, cand } = await openAcclaim(s, ["ANM"]);
    for (const code of CODES) await runOk(castBallot, s.head[code], { roundId, ...verdicts(code === "ANM" ? {} : { [cand.ANM]: "yes" }) });
    await runOk(closeRound, s.secretariat, { roundId });
    expect(await executeCommand(applyOutcome, s.secretariat, { roundId })).toMatchObject({
      ok: false,
      message: "Năm 2022 cụm có tối đa 1 suất Cờ thi đua của Bộ Công an; đã có 1 đơn vị khác được đề nghị. Không thể ghi nhận thêm 1 đơn vị.",
    });
  });
});

describe("chair and deputy elections", () => {
  it("follow the rotation rule; the result pre-fills next year; applied to next year once it is open", async () => {
    const s = await setup();
    // The outgoing chair (KTNV chairs 2022) cannot be a candidate for 2023.
    const refused = await executeCommand(createRound, s.secretariat, { yearId: s.y2022.id, kind: "CHAIR_ELECTION", ...unitBoxes([s.unit.KTNV.id, s.unit.NT.id]) });
    expect(refused).toMatchObject({
      ok: false,
      message: `${UNITS.KTNV} là Cụm trưởng năm 2022; theo quy chế của cụm, Cụm trưởng năm nay không được bầu lại làm Cụm trưởng năm 2023.`,
    });
    const roundId = await createOk(s.secretariat, {
      yearId: s.y2022.id,
      kind: "CHAIR_ELECTION",
      ...unitBoxes([s.unit.ANM.id, s.unit.NT.id, s.unit.QLXNC.id, s.unit.BTLCV.id]),
    });
    const round = await prisma.voteRound.findUniqueOrThrow({ where: { id: roundId }, include: { candidates: { orderBy: { position: "asc" }, include: { unit: true } } } });
    expect(round.title).toBe("Bầu Cụm trưởng năm 2023");
    expect(round.candidates.map((c) => [c.unit.name, c.note])).toEqual([
      [UNITS.BTLCV, "Chưa từng làm Cụm trưởng"],
      [UNITS.NT, "Chưa từng làm Cụm trưởng"],
      [UNITS.QLXNC, "Chưa từng làm Cụm trưởng"],
      [UNITS.ANM, "2 năm (lần gần nhất: năm 2021)"],
    ]);
    // Editable while DRAFT.
    await runOk(updateRound, s.secretariat, { roundId, ...unitBoxes([s.unit.NT.id, s.unit.QLXNC.id, s.unit.BTLCV.id]) });
    await runOk(openRound, s.secretariat, { roundId });
    expectRefused(await executeCommand(updateRound, s.secretariat, { roundId, ...unitBoxes([s.unit.NT.id]) }), "Vòng bỏ phiếu đã được mở; không thể sửa hay xóa.");
    const c = await candidateIds(roundId, s);
    const picks: Record<Code, string> = { ANM: c.NT, KTNV: c.NT, NT: c.QLXNC, QLXNC: c.NT, BTLCV: c.NT };
    for (const code of CODES) await runOk(castBallot, s.head[code], { roundId, [`c_${picks[code]}`]: "yes" });
    await runOk(closeRound, s.secretariat, { roundId });
    expect(await electedLeadership(prisma, s.y2022.id)).toEqual({ chairUnitId: s.unit.NT.id, deputyUnitId: null });

    // 2023 not open yet: the result waits for it.
    const applied = await executeCommand(applyOutcome, s.secretariat, { roundId });
    expect(applied.message).toBe(`Kết quả đã được ghi nhận: ${UNITS.NT} trúng cử Cụm trưởng năm 2023. Khi mở năm thi đua 2023, đơn vị này được điền sẵn làm Cụm trưởng.`);

    // The deputy cannot be the chair-elect.
    const deputyRefused = await executeCommand(createRound, s.secretariat, { yearId: s.y2022.id, kind: "DEPUTY_ELECTION", ...unitBoxes([s.unit.NT.id, s.unit.ANM.id]) });
    expect(deputyRefused).toMatchObject({ ok: false, message: `${UNITS.NT} đã trúng cử Cụm trưởng năm 2023; Cụm phó phải là đơn vị khác.` });

    // Once 2023 is open, applying sets its chair.
    const y2023 = await prisma.emulationYear.create({ data: { clusterId: s.cluster.id, year: 2023, phase: "SETUP", chairUnitId: s.unit.BTLCV.id, settings: DEFAULT_YEAR_SETTINGS } });
    expect(await executeCommand(applyOutcome, s.secretariat, { roundId })).toMatchObject({ ok: true, message: `Đã đặt ${UNITS.NT} làm Cụm trưởng năm 2023 theo kết quả bầu.` });
    expect((await prisma.emulationYear.findUniqueOrThrow({ where: { id: y2023.id } })).chairUnitId).toBe(s.unit.NT.id);
  });

  it("no majority → a run-off between the leaders", async () => {
    const s = await setup();
    const roundId = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "CHAIR_ELECTION", ...unitBoxes([s.unit.NT.id, s.unit.QLXNC.id, s.unit.BTLCV.id]) });
    await runOk(openRound, s.secretariat, { roundId });
    const c = await candidateIds(roundId, s);
    const picks: Record<Code, string> = { ANM: c.NT, KTNV: c.NT, NT: c.QLXNC, QLXNC: c.BTLCV, BTLCV: c.QLXNC };
    for (const code of CODES) await runOk(castBallot, s.head[code], { roundId, [`c_${picks[code]}`]: "yes" });
    const closed = await executeCommand(closeRound, s.secretariat, { roundId });
    expect(closed.message).toContain("Chưa đơn vị nào đạt tỷ lệ phiếu cần thiết; cần bỏ phiếu lại giữa 2 đơn vị.");
    const results = await roundResults(s.secretariat, roundId);
    expect(results.rows.map((r) => [r.name, r.approvals, r.status])).toEqual([
      [UNITS.NT, 2, "RUNOFF"],
      [UNITS.QLXNC, 2, "RUNOFF"],
      [UNITS.BTLCV, 1, "NOT_PASSED"],
    ]);
    expect(results.elected).toEqual([]);
    const runoff = await executeCommand(openRunoff, s.secretariat, { roundId });
    expect(runoff.ok).toBe(true);
    const r2 = await prisma.voteRound.findFirstOrThrow({ where: { runoffOfId: roundId }, include: { candidates: { include: { unit: true }, orderBy: { position: "asc" } } } });
    expect(r2.title).toBe("Bầu Cụm trưởng năm 2023 – bỏ phiếu lại");
    expect(r2.candidates.map((x) => x.unit.name)).toEqual([UNITS.NT, UNITS.QLXNC]);
  });

  it("the Ministry may assign the chair instead, with its document reference", async () => {
    const s = await setup();
    const r = await executeCommand(recordAssignedChair, s.secretariat, { yearId: s.y2022.id, chairUnitId: s.unit.NT.id, chairAssignmentRef: "Quyết định số 1234/QĐ-BCA ngày 10/01/2022" });
    expectOk(r);
    expect(await prisma.emulationYear.findUniqueOrThrow({ where: { id: s.y2022.id } })).toMatchObject({
      chairUnitId: s.unit.NT.id,
      deputyUnitId: null, // NT was the deputy
      chairAssignmentRef: "Quyết định số 1234/QĐ-BCA ngày 10/01/2022",
    });
    expect(await executeCommand(recordAssignedChair, s.secretariat, { yearId: s.y2022.id, chairUnitId: s.unit.NT.id, chairAssignmentRef: "" })).toMatchObject({
      ok: false,
      fieldErrors: { chairAssignmentRef: ["Số, ngày văn bản chỉ định là bắt buộc."] },
    });
    expectRefused(await executeCommand(recordAssignedChair, s.secretariat, { yearId: s.y2021.id, chairUnitId: s.unit.NT.id, chairAssignmentRef: "QĐ 1" }), YEAR_CLOSED_MESSAGE);
  });
});

describe("set-up, pages and minutes", () => {
  it("drafts can be edited and deleted; opening copies threshold, quorum and electorate", async () => {
    const s = await setup({ passThreshold: "AT_LEAST_TWO_THIRDS", quorumUnits: 4 });
    const roundId = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "DEPUTY_ELECTION", title: "Bầu Cụm phó", ...unitBoxes([s.unit.ANM.id]) });
    expectRefused(await executeCommand(createRound, s.secretariat, { yearId: s.y2022.id, kind: "DEPUTY_ELECTION", [`unit_not-a-uuid`]: "on" }), INVALID_INPUT);
    expect(await executeCommand(createRound, s.secretariat, { yearId: s.y2022.id, kind: "DEPUTY_ELECTION" })).toMatchObject({
      ok: false,
      message: "Vui lòng chọn ít nhất một đơn vị vào danh sách.",
    });
    await runOk(openRound, s.secretariat, { roundId });
    expect(await prisma.voteRound.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ passThreshold: "AT_LEAST_TWO_THIRDS", quorum: 4, electorateSize: 5 });
    expectRefused(await executeCommand(deleteRound, s.secretariat, { roundId }), "Vòng bỏ phiếu đã được mở; không thể sửa hay xóa.");
    const draft = await createOk(s.secretariat, { yearId: s.y2022.id, kind: "ACCLAIM", titleCode: "DV_QUYET_THANG", seats: "3", ...unitBoxes([s.unit.ANM.id, s.unit.NT.id, s.unit.BTLCV.id]) });
    await runOk(deleteRound, s.secretariat, { roundId: draft });
    expect(await prisma.voteRound.count({ where: { id: draft } })).toBe(0);
  });

  it("pages: the delegate's ballot page, the conference page per role, 404 outside the cluster", async () => {
    const s = await setup();
    const other = await otherCluster();
    const { roundId, cand } = await openAcclaim(s, ["ANM", "KTNV"]);
    const page = await ballotPage(s.head.ANM, roundId);
    expect(page).toMatchObject({ state: "OPEN", mode: "VERDICT", hasVoted: false, unit: { name: UNITS.ANM } });
    expect(page.candidates.map((c) => [c.name, c.isOwn, c.mayVote])).toEqual([
      [UNITS.ANM, true, false],
      [UNITS.KTNV, false, true],
    ]);
    await runOk(castBallot, s.head.ANM, { roundId, ...verdicts({ [cand.KTNV]: "yes" }) });
    expect((await ballotPage(s.head.ANM, roundId)).hasVoted).toBe(true);
    await expectNotFound(ballotPage(other.head, roundId));
    await expectNotFound(ballotPage(s.secretariat, roundId));
    await expectNotFound(roundDetail(other.head, roundId));
    await expectNotFound(roundDetail(other.secretariat, roundId));

    const forDelegate = await conferencePage(s.head.ANM);
    expect(forDelegate.data!.openForDelegate.map((r) => [r.id, r.delegateHasVoted])).toEqual([[roundId, true]]);
    expect(forDelegate.data!.manage).toBeNull();
    const forSecretariat = await conferencePage(s.secretariat);
    expect(forSecretariat.data!.manage!.rotation.candidates.map((c) => c.name)).toEqual([UNITS.BTLCV, UNITS.NT, UNITS.QLXNC, UNITS.ANM]);
    expect(forSecretariat.data!.rounds[0]!.results).toBeNull();
    const officer = await makeActor("UNIT_OFFICER", { clusterId: s.cluster.id, unitId: s.unit.NT.id });
    expect((await conferencePage(officer)).data!.rounds).toHaveLength(1);
    await expectNotFound(conferencePage(other.secretariat, { yearId: s.y2022.id }));
    const admin = await makeActor("ADMIN");
    expect((await conferencePage(admin)).pick!.length).toBe(2);
    expect((await conferencePage(admin, { yearId: s.y2022.id })).data!.canManage).toBe(false);
  });

  it("the 2021 demo conference seeds closed rounds whose results tell the story; the minutes build as .docx", async () => {
    const s = await setup();
    await prisma.$transaction((tx) =>
      seedConference2021(tx, { year2021Id: s.y2021.id, year2022Id: s.y2022.id, unitIds: Object.fromEntries(CODES.map((c) => [c, s.unit[c].id])) }),
    );
    const page = await conferencePage(s.secretariat, { yearId: s.y2021.id });
    const rounds = page.data!.rounds;
    expect(rounds.map((r) => [r.title, r.state, r.voted, r.results?.ballots, r.results?.elected.map((e) => e.name)])).toEqual([
      ["Suy tôn Cờ thi đua của Bộ Công an năm 2021", "CLOSED", 5, 5, [UNITS.ANM]],
      ["Bầu Cụm trưởng năm 2022", "CLOSED", 5, 5, [UNITS.KTNV]],
      ["Bầu Cụm phó năm 2022", "CLOSED", 5, 5, [UNITS.NT]],
    ]);
    expect(rounds.every((r) => r.results!.consistent)).toBe(true);
    expect(await electedLeadership(prisma, s.y2021.id)).toEqual({ chairUnitId: s.unit.KTNV.id, deputyUnitId: s.unit.NT.id });
    expect((await prisma.unitYearResult.findFirstOrThrow({ where: { emulationYearId: s.y2021.id } })).proposedTitleCode).toBe("CO_BCA");

    const data = (await minutesData(s.secretariat, s.y2021.id))!;
    expect(data.unitsPresent).toHaveLength(5);
    expect(data.conferenceDate).toBeNull(); // setup() used default settings
    const doc = await buildMinutesDocx(data, { date: "2021-11-19", place: "Hội trường Bộ Công an, Hà Nội", meetingChair: "Đồng chí Cục trưởng Cục An ninh mạng", secretary: "Thư ký Cụm" });
    expect(doc.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(doc.includes(Buffer.from("word/document.xml"))).toBe(true);
    expect(await minutesData(await makeActor("SECRETARIAT", { clusterId: (await otherCluster()).cluster.id }), s.y2021.id)).toBeNull();
  });
});
