// Issue 18, fault 3: a save whose answer was lost after its commit is sent again by the browser with the
// same submission key; the command pipeline answers the first outcome and writes nothing twice
// (src/server/commands/submission-key.ts). Real commands on the real Postgres.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { newSubmissionKey } from "@/domain/submission";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { importCommendationFile } from "@/server/commands/commendations";
import { createOfficer } from "@/server/commands/officers";
import { pruneSubmissionKeys, SUBMISSION_KEY_REUSED } from "@/server/commands/submission-key";
import { seedTitleCatalogue } from "@/server/seed/demo";
import { form, makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

let unitId: string;
let unitCode: string;
let officer: Actor;
let colleague: Actor;
let secretariat: Actor;

beforeAll(async () => {
  await resetDatabase();
  await seedTitleCatalogue(prisma);
  const cluster = await makeCluster();
  const unit = await makeUnit(cluster.id);
  unitId = unit.id;
  unitCode = unit.code;
  await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2022, phase: "RESULTS", settings: DEFAULT_YEAR_SETTINGS } });
  officer = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId });
  colleague = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId });
  secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
}, 60_000);

const newOfficer = (code: string, fullName = "Nguyễn Văn An") => form({ code, fullName, rank: "Đại úy", position: "Cán bộ" });
const officersWith = (code: string) => prisma.officer.count({ where: { code: code.toUpperCase() } });
const auditsOf = (action: string) => prisma.auditLog.count({ where: { action } });

describe("a submission sent again with its key", () => {
  it("runs once: the retry (its first answer lost after the commit) gets the first outcome, nothing is written twice", async () => {
    const key = newSubmissionKey();
    const audits = await auditsOf("officer.create");
    const first = await executeCommand(createOfficer, officer, newOfficer("ktnv-1001"), { submissionKey: key });
    expect(first).toMatchObject({ ok: true });
    // The answer never reached the browser; the user sends the same form again.
    const retry = await executeCommand(createOfficer, officer, newOfficer("ktnv-1001"), { submissionKey: key });
    expect(retry).toEqual(JSON.parse(JSON.stringify(first)));
    expect(await officersWith("ktnv-1001")).toBe(1);
    expect(await auditsOf("officer.create")).toBe(audits + 1);
    // Without a key, the same form sent twice is the duplicate the key prevents (the code is taken).
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1001"))).toMatchObject({ ok: false });
  });

  it("two copies at the same moment: one runs, the other waits for it and gets its outcome", async () => {
    const key = newSubmissionKey();
    const [a, b] = await Promise.all([
      executeCommand(createOfficer, officer, newOfficer("ktnv-1002"), { submissionKey: key }),
      executeCommand(createOfficer, officer, newOfficer("ktnv-1002"), { submissionKey: key }),
    ]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual(JSON.parse(JSON.stringify(a)));
    expect(await officersWith("ktnv-1002")).toBe(1);
  });

  it("the same key with another input is refused and runs nothing", async () => {
    const key = newSubmissionKey();
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1003"), { submissionKey: key })).toMatchObject({ ok: true });
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1004"), { submissionKey: key })).toEqual({ ok: false, message: SUBMISSION_KEY_REUSED });
    expect(await officersWith("ktnv-1004")).toBe(0);
  });

  it("a refused or failed submission stores nothing: the corrected form sent with the same key runs", async () => {
    const key = newSubmissionKey();
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1005", ""), { submissionKey: key })).toMatchObject({ ok: false });
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1005"), { submissionKey: key })).toMatchObject({ ok: true });
    expect(await officersWith("ktnv-1005")).toBe(1);
  });

  it("the key is no identity: another user's submission with the same key is their own, and runs", async () => {
    const key = newSubmissionKey();
    expect(await executeCommand(createOfficer, officer, newOfficer("ktnv-1006"), { submissionKey: key })).toMatchObject({ ok: true });
    const theirs = await executeCommand(createOfficer, colleague, newOfficer("ktnv-1007"), { submissionKey: key });
    expect(theirs).toMatchObject({ ok: true });
    expect(await officersWith("ktnv-1007")).toBe(1);
    const stored = await prisma.submissionKey.findMany({ where: { key }, orderBy: { createdAt: "asc" } });
    expect(stored.map((s) => s.userId).sort()).toEqual([officer.userId, colleague.userId].sort());
  });

  it("an Excel import retried after its commit gets the first outcome instead of 'already in the register'", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Khen thưởng");
    ws.addRow(["Năm", "Đối tượng", "Mã đơn vị", "Mã cán bộ", "Họ và tên", "Hình thức khen thưởng", "Số quyết định", "Ngày quyết định", "Người ký"]);
    ws.addRow([2022, "Tập thể", unitCode, null, null, "Giấy khen", "15/QĐ-KTNV", "20/12/2022", "Cục trưởng"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = () => ({ name: "so-khen-thuong.xlsx", size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });
    const key = newSubmissionKey();
    const first = await importCommendationFile(secretariat, file(), key);
    expect(first).toMatchObject({ ok: true, created: 1 });
    expect(await importCommendationFile(secretariat, file(), key)).toEqual(first);
    expect(await prisma.commendation.count({ where: { unitId, decisionNo: "15/QĐ-KTNV" } })).toBe(1);
    // A new submission of the same file is a new import: refused as already in the register.
    expect(await importCommendationFile(secretariat, file(), newSubmissionKey())).toMatchObject({ ok: false });
  });

  it("keys older than a day are pruned", async () => {
    const key = newSubmissionKey();
    await executeCommand(createOfficer, officer, newOfficer("ktnv-1008"), { submissionKey: key });
    expect(await pruneSubmissionKeys(new Date())).toBe(0);
    expect(await pruneSubmissionKeys(new Date(Date.now() + 25 * 3_600_000))).toBeGreaterThan(0);
    expect(await prisma.submissionKey.count({ where: { key } })).toBe(0);
  });
});
