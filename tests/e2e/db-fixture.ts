// Database fixtures of the browser tests: what a spec needs before its walk through the UI and cannot
// do through the UI in one spec (a whole cluster's closed conference; the passing of a disclosure
// window). Written straight into this run's throwaway database (scripts/e2e-server.ts leaves its address
// in the file of scripts/lib/e2e-database.ts). Only for tests.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { DEFAULT_YEAR_SETTINGS } from "../../src/domain/year-settings";
import { nameSortKey, searchKey, textSortKey } from "../../src/domain/vietnamese";
import { e2eDatabaseUrlFile } from "../../scripts/lib/e2e-database";

export async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const url = readFileSync(e2eDatabaseUrlFile(process.env.E2E_PORT ?? "3100"), "utf8").trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type DossierWorld = {
  suffix: string;
  year: number;
  clusterName: string;
  units: { id: string; name: string }[];
  candidate: { id: string; fullName: string };
  secretariat: string;
  unitOfficer: string;
};

/**
 * A cluster of its own (so the demo's years are left alone) with three member units, the year `year` in
 * its RESULTS phase after a closed conference — unit 1 acclaimed for the Ministry flag by all three
 * ballots, its members' year recorded (all "tốt", three CST, one CSTĐCS) — an officer of unit 3 meeting
 * CSTĐ CAND (CSTĐCS the two years before, "xuất sắc" with a ministry-level initiative), six CST beside
 * him, the next year open for registration; a secretariat and an officer of unit 2 (password `password`).
 */
export async function dossierWorld(password: string, year = 2022): Promise<DossierWorld> {
  const suffix = randomUUID().slice(0, 6);
  const passwordHash = await hash(password);
  return withDb(async (db) => {
    const q = (text: string, values: unknown[]) => db.query(text, values);
    const blockId = randomUUID();
    const clusterId = randomUUID();
    const clusterName = `Cụm thi đua E2E ${suffix}`;
    await q(`INSERT INTO "Block" (id, code, name) VALUES ($1, $2, $3)`, [blockId, `E2E-${suffix}`, "Khối kiểm thử"]);
    await q(`INSERT INTO "Cluster" (id, "blockId", code, name) VALUES ($1, $2, $3, $4)`, [clusterId, blockId, `E2E-${suffix}`, clusterName]);
    const names = [`Phòng Kỹ thuật E2E ${suffix}`, `Phòng Hồ sơ E2E ${suffix}`, `Phòng Tham mưu E2E ${suffix}`];
    const units = names.map((name) => ({ id: randomUUID(), name }));
    for (const [i, u] of units.entries()) {
      await q(`INSERT INTO "Unit" (id, "clusterId", code, name, "sortKey") VALUES ($1, $2, $3, $4, $5)`, [u.id, clusterId, `E2E-${suffix}-${i}`, u.name, textSortKey(u.name)]);
    }
    let n = 0;
    const officer = async (unitId: string, fullName: string) => {
      const id = randomUUID();
      await q(
        `INSERT INTO "Officer" (id, "unitId", code, "fullName", "searchName", "sortKey", rank, position, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, 'Đại úy', 'Cán bộ', now())`,
        [id, unitId, `E2E-${suffix}-${n++}`, fullName, searchKey(fullName), nameSortKey(fullName)],
      );
      return id;
    };
    const result = (officerId: string, y: number, rating: string, title: string | null) =>
      q(`INSERT INTO "OfficerYearResult" (id, "officerId", year, rating, "awardedTitleCode", verified, "updatedAt") VALUES ($1, $2, $3, $4, $5, true, now())`, [randomUUID(), officerId, y, rating, title]);
    for (const [u, label] of [[units[0]!, "Một"], [units[1]!, "Hai"]] as const) {
      for (let i = 0; i < 4; i++) await result(await officer(u.id, `Trần Văn ${label} ${suffix} ${i}`), year, "GOOD", i === 0 ? "CSTDCS" : "CST");
    }
    for (let i = 0; i < 6; i++) await result(await officer(units[2]!.id, `Lê Văn Ba ${suffix} ${i}`), year, "GOOD", "CST");
    const candidateName = `Nguyễn Văn Ứng ${suffix}`;
    const candidateId = await officer(units[2]!.id, candidateName);
    await result(candidateId, year - 2, "EXCELLENT", "CSTDCS");
    await result(candidateId, year - 1, "EXCELLENT", "CSTDCS");
    await result(candidateId, year, "EXCELLENT", null);
    await q(`INSERT INTO "Initiative" (id, "officerId", year, level, title) VALUES ($1, $2, $3, 'MINISTRY', 'Giải pháp phân tích dữ liệu')`, [randomUUID(), candidateId, year]);

    const yearId = randomUUID();
    const settings = JSON.stringify(DEFAULT_YEAR_SETTINGS);
    await q(`INSERT INTO "EmulationYear" (id, "clusterId", year, phase, settings, "chairUnitId", "updatedAt") VALUES ($1, $2, $3, 'RESULTS', $4, $5, now())`, [yearId, clusterId, year, settings, units[0]!.id]);
    await q(`INSERT INTO "EmulationYear" (id, "clusterId", year, phase, settings, "chairUnitId", "updatedAt") VALUES ($1, $2, $3, 'REGISTRATION', $4, $5, now())`, [randomUUID(), clusterId, year + 1, settings, units[1]!.id]);
    // The conference's acclaim round, closed: three ballots, each approving unit 1.
    const roundId = randomUUID();
    await q(
      `INSERT INTO "VoteRound" (id, "emulationYearId", kind, title, "titleCode", seats, state, "passThreshold", quorum, "electorateSize", "openedAt", "closedAt")
       VALUES ($1, $2, 'ACCLAIM', $3, 'CO_BCA', 1, 'CLOSED', 'MORE_THAN_HALF', 3, 3, now(), now())`,
      [roundId, yearId, `Suy tôn Cờ thi đua của Bộ Công an năm ${year}`],
    );
    const candidate = randomUUID();
    await q(`INSERT INTO "VoteCandidate" (id, "roundId", "unitId", position) VALUES ($1, $2, $3, 1)`, [candidate, roundId, units[0]!.id]);
    for (const u of units) {
      await q(`INSERT INTO "VoteParticipation" ("roundId", "unitId") VALUES ($1, $2)`, [roundId, u.id]);
      const ballot = randomUUID();
      await q(`INSERT INTO "Ballot" (id, "roundId") VALUES ($1, $2)`, [ballot, roundId]);
      await q(`INSERT INTO "BallotChoice" ("ballotId", "candidateId", approve) VALUES ($1, $2, true)`, [ballot, candidate]);
    }
    const secretariat = `e2e.thuky.${suffix}`;
    const unitOfficer = `e2e.canbo.${suffix}`;
    await q(`INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "clusterId", "updatedAt") VALUES ($1, $2, $3, $4, 'SECRETARIAT', $5, now())`, [randomUUID(), secretariat, passwordHash, `Thư ký ${clusterName}`, clusterId]);
    await q(`INSERT INTO "User" (id, username, "passwordHash", "displayName", role, "clusterId", "unitId", "updatedAt") VALUES ($1, $2, $3, $4, 'UNIT_OFFICER', $5, $6, now())`, [randomUUID(), unitOfficer, passwordHash, `Cán bộ ${units[1]!.name}`, clusterId, units[1]!.id]);
    return { suffix, year, clusterName, units, candidate: { id: candidateId, fullName: candidateName }, secretariat, unitOfficer };
  });
}

/** The disclosure window of the cluster's dossier ended yesterday (the passing of time, which the UI cannot do). */
export async function endDisclosureWindow(clusterName: string) {
  await withDb((db) =>
    db.query(
      `UPDATE "Dossier" d SET "disclosureEndsOn" = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - 1
       FROM "EmulationYear" y JOIN "Cluster" c ON c.id = y."clusterId" WHERE d."emulationYearId" = y.id AND c.name = $1`,
      [clusterName],
    ),
  );
}
