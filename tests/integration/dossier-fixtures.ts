// Conference facts a dossier is built from, written straight into the database for tests: a closed
// acclaim round with its ballots (aggregate counts only, docs/security-voting.md), a unit whose
// members make it Đơn vị Quyết thắng, an officer meeting CSTĐ CAND.
import { makeOfficer, prisma } from "./fixtures";

type Unit = { id: string; name: string };

/** A closed acclaim round of `yearId` for `titleCode` in which every candidate got `approvals` of the electorate's ballots. */
export async function closedAcclaim(yearId: string, titleCode: string, candidates: Unit[], electorate: Unit[], approvals: number) {
  const round = await prisma.voteRound.create({
    data: { emulationYearId: yearId, kind: "ACCLAIM", title: `Suy tôn ${titleCode}`, titleCode, seats: candidates.length, state: "CLOSED", passThreshold: "MORE_THAN_HALF", quorum: electorate.length, electorateSize: electorate.length, openedAt: new Date(), closedAt: new Date() },
  });
  const cands = [];
  for (const [i, u] of candidates.entries()) cands.push(await prisma.voteCandidate.create({ data: { roundId: round.id, unitId: u.id, position: i + 1 } }));
  for (const [i, voter] of electorate.entries()) {
    await prisma.voteParticipation.create({ data: { roundId: round.id, unitId: voter.id } });
    const ballot = await prisma.ballot.create({ data: { roundId: round.id } });
    for (const c of cands) await prisma.ballotChoice.create({ data: { ballotId: ballot.id, candidateId: c.id, approve: i < approvals } });
  }
  return round;
}

/** A unit whose members make it Đơn vị Quyết thắng for `year`: all rated "tốt", three CST, one CSTĐCS. */
export async function determinedMembers(unit: Unit, year: number) {
  for (let i = 0; i < 4; i++) {
    const o = await makeOfficer(unit.id, `Cán bộ ${unit.name} ${i}`);
    await prisma.officerYearResult.create({ data: { officerId: o.id, year, rating: "GOOD", awardedTitleCode: i === 0 ? "CSTDCS" : "CST", verified: true } });
  }
}

/** An officer of `unit` meeting CSTĐ CAND for `year`: CSTĐCS the two years before, rated "xuất sắc" with a ministry-level initiative. */
export async function candidateForCand(unit: Unit, name: string, year: number) {
  const o = await makeOfficer(unit.id, name);
  await prisma.officerYearResult.createMany({
    data: [
      { officerId: o.id, year: year - 2, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", verified: true },
      { officerId: o.id, year: year - 1, rating: "EXCELLENT", awardedTitleCode: "CSTDCS", verified: true },
      { officerId: o.id, year, rating: "EXCELLENT", verified: true },
    ],
  });
  await prisma.initiative.create({ data: { officerId: o.id, year, level: "MINISTRY", title: "Giải pháp phân tích dữ liệu" } });
  return o;
}
