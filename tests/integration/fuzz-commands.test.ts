// Attack tests on the real database: every command run through executeCommand with an allowed actor and
// its valid input from the table the permission matrix uses (command-cases/valid-inputs.ts), whose
// fields are replaced by hostile values (very long strings, Unicode tricks, SQL and HTML payloads,
// wrong types, malformed dates and ids). Each case ends in { ok: true } or a refusal
// with a user message, never the system error, never a throw; a refusal writes nothing (every table
// compared by row count and content hash); an acceptance stores the text as the schema normalised it.
// Also fuzzed: login (checkLogin, what the credentials provider calls), the Excel import and evidence
// and agreement uploads. FUZZ_RUNS=<n> soaks longer, FUZZ_SEED=<n> replays or varies.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allCriteria } from "@/domain/scoring";
import { checkLogin, credentialText } from "@/server/auth/login";
import { hashPassword } from "@/server/auth/password";
import { executeCommand, type ActionResult } from "@/server/commands/command";
import { importUploadedFile } from "@/server/commands/results";
import { grantPhaseOverride } from "@/server/commands/year-overrides";
import { runOk } from "../support/action-result";
import { fuzzParams, fuzzRuns, hostileString, hostileValue, mutatedInput, unstorable } from "../fuzz/hostile";
import { allCommands } from "../support/all-commands";
import { runnerOf } from "./command-cases/actors";
import { enterPhaseOf } from "./command-cases/phases";
import { FIXTURES } from "./command-cases/valid-inputs";
import { buildWorld, dropSnapshot, fingerprint, PDF, publicTables, restore, snapshot, type World } from "./command-cases/world";
import { prisma, resetDatabase } from "./fixtures";

const SYSTEM_ERROR = "Đã có lỗi hệ thống";
const RUNS = fuzzRuns(25);
// Shrinking a failure replays many cases, each with two fingerprints: room to print the counterexample.
const FUZZ_TIMEOUT = 60_000 + RUNS * 2_000;

const commands = allCommands();

/** The valid input of a command's table entry, prepared on the restored world, and who runs it. */
async function validCase(w: World, name: string) {
  const command = commands.get(name)!;
  const fixture = FIXTURES[name]!;
  const key = runnerOf(command, fixture, w);
  if (!key) throw new Error(`${name}: no actor may run it`);
  const actor = w.actors[key];
  await restore();
  await enterPhaseOf(w, command);
  return { command, fixture, actor, input: await fixture.input(w, actor) };
}

// ---------------------------------------------------------------------------------------------
// What "nothing was written" means: every table's fingerprint (row count and row hashes).

/** The tables whose fingerprint changed ("" when none did). */
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(after).filter((t) => before[t] !== after[t]).join(", ");

let tableNames: string[] = [];
/** Whether some column of some row holds exactly `text`. */
async function storedSomewhere(text: string): Promise<boolean> {
  const sql = tableNames.map((t) => `SELECT 1 FROM "${t}" x, jsonb_each_text(to_jsonb(x)) e WHERE e.value = $1`).join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<unknown[]>(`SELECT EXISTS (${sql}) AS found`, text);
  return (rows[0] as { found: boolean }).found;
}

const stats = { cases: 0, accepted: 0, refused: 0, loginCases: 0, importCases: 0, uploadCases: 0, acceptedBy: new Map<string, number>() };

describe("fuzz: every command with hostile input on the real database", () => {
  let w: World;
  const started = Date.now();

  beforeAll(async () => {
    await resetDatabase();
    w = await buildWorld();
    await snapshot();
    tableNames = await publicTables();
  }, 120_000);

  afterAll(async () => {
    await dropSnapshot();
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] commands: ${commands.size} commands, ${stats.cases} cases (${stats.accepted} accepted, ${stats.refused} refused), ` +
        `login ${stats.loginCases}, import ${stats.importCases}, uploads ${stats.uploadCases}; ${secs} s; runs ${RUNS}, seed ${process.env.FUZZ_SEED ?? "default"}; ` +
        `accepted at least once: ${[...stats.acceptedBy.keys()].sort().join(", ") || "none"}`,
    );
  });

  it("has a valid input for every command, accepted by its schema", async () => {
    const missing = [...commands.keys()].filter((name) => !FIXTURES[name]);
    expect(missing, "commands without an entry in FIXTURES").toEqual([]);
    expect(Object.keys(FIXTURES).filter((name) => !commands.has(name)), "entries for unknown commands").toEqual([]);
    for (const name of Object.keys(FIXTURES)) {
      const { command, input } = await validCase(w, name);
      const parsed = command.input.safeParse(input);
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  }, 120_000);

  it.each([...Object.keys(FIXTURES)])("%s: hostile fields give a result or a refusal, never a system error or a partial write", async (name) => {
    const { command, fixture: entry, actor, input: base } = await validCase(w, name);
    await fc.assert(
      fc.asyncProperty(mutatedInput(base, Object.keys(base)), async ({ input, replaced }) => {
        stats.cases++;
        const before = await fingerprint();
        let result: ActionResult;
        try {
          result = await executeCommand(command, actor, input);
        } catch (error) {
          throw new Error(`${name} threw on fields ${replaced.join(", ")}: ${(error as Error).stack}`);
        }
        if (!result.ok) {
          stats.refused++;
          expect(result.message, `${name}: ${replaced.join(", ")}`).toBeTypeOf("string");
          expect(result.message.length).toBeGreaterThan(0);
          if (result.message.startsWith(SYSTEM_ERROR)) throw new Error(`${name}: system error on fields ${replaced.join(", ")}`);
          const after = await fingerprint();
          const changed = changedTables(before, after);
          if (changed) throw new Error(`${name}: refused ("${result.message}") but wrote to ${changed}`);
          return;
        }
        stats.accepted++;
        stats.acceptedBy.set(name, (stats.acceptedBy.get(name) ?? 0) + 1);
        // Accepted: what the schema made of each replaced text field is what the database holds.
        const parsed = command.input.safeParse(input);
        expect(parsed.success).toBe(true);
        for (const field of replaced.filter((f) => entry.stored?.includes(f))) {
          const value = (parsed.data as Record<string, unknown>)[field];
          if (typeof value !== "string" || value === "") continue;
          expect(unstorable(value), `${name}.${field} accepted unstorable text`).toBe(false);
          expect(await storedSomewhere(value), `${name}.${field}: ${JSON.stringify(value.slice(0, 60))} not stored as normalised`).toBe(true);
        }
      }),
      fuzzParams(RUNS),
    );
  }, FUZZ_TIMEOUT);

  // -------------------------------------------------------------------------------------------
  // Entry points that are not commands

  it("login: hostile usernames and passwords never throw and never sign in", async () => {
    const user = await prisma.user.create({ data: { username: "thuky.fuzz", passwordHash: await hashPassword("Mat-khau-an-toan-1"), displayName: "Thư ký", role: "ADMIN" } });
    // The account works, so a refusal below is the input's doing.
    expect(await checkLogin("thuky.fuzz", "Mat-khau-an-toan-1")).toEqual({ ok: true, userId: user.id });
    // Found by this fuzzing: NUL reached Postgres (a database error), an object's String() threw.
    expect(await checkLogin("thuky.fuzz\u0000", "x")).toEqual({ ok: false, reason: "invalid" });
    expect(credentialText({ toString: 1, valueOf: 1 })).toBe("");
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constantFrom("thuky.fuzz", " THUKY.FUZZ ", "thuky.fuzz\u0000", "thuky.fuzz' --")), hostileValue, async (username, password) => {
        stats.loginCases++;
        // What authorize() in src/auth.ts does with the posted credentials.
        const outcome = await checkLogin(credentialText(username), credentialText(password));
        expect(outcome.ok).toBe(false);
      }),
      fuzzParams(Math.max(10, Math.round(RUNS * 1.2))),
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
  });

  const xlsx = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cán bộ");
    for (const row of rows) ws.addRow(row);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  };
  const upload = (bytes: Uint8Array, name: string) => ({ name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer });

  it("Excel import: hostile cell values are refused with row errors or imported as text", async () => {
    await restore();
    const cell = fc.oneof(hostileString.filter((s) => s.length < 40_000), fc.constantFrom<unknown>(null, 0, -1, 1e308, true, new Date("2022-02-31")));
    await fc.assert(
      fc.asyncProperty(cell, cell, cell, async (code, fullName, position) => {
        stats.importCases++;
        const bytes = await xlsx([["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"], [code, fullName, "Đại úy", position, null]]);
        const before = await fingerprint();
        const outcome = await importUploadedFile(w.actors.UNIT_OFFICER_A1, upload(bytes, "danh-sach.xlsx"), w.yearA.id);
        if (!outcome.ok) {
          expect(outcome.message.startsWith(SYSTEM_ERROR), outcome.message).toBe(false);
          expect(await fingerprint()).toEqual(before);
          return;
        }
        const officer = await prisma.officer.findUniqueOrThrow({ where: { code: String(code).trim().toUpperCase() } });
        expect(officer.fullName).not.toMatch(/[\u0000-\u001f<>]/);
        expect(officer.position).not.toMatch(/^[=+\-@]|[\u0000-\u001f]/);
      }),
      fuzzParams(Math.max(10, RUNS)),
    );
  });

  it("Excel import: a formula cell is refused, never evaluated", async () => {
    await restore();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cán bộ");
    ws.addRow(["Mã cán bộ", "Họ và tên", "Cấp bậc", "Chức vụ", "Phòng/Đội"]);
    ws.addRow(["KTNV-8001", { formula: 'HYPERLINK("http://x","y")', result: "y" }, "Đại úy", "Cán bộ", null]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = await fingerprint();
    const outcome = await importUploadedFile(w.actors.UNIT_OFFICER_A1, upload(bytes, "=cmd.xlsx"), w.yearA.id);
    expect(outcome.ok).toBe(false);
    expect(await fingerprint()).toEqual(before);
  });

  it("evidence and agreement uploads: hostile names and bytes are refused or stored safely", async () => {
    // A1's report back to a draft, so that evidence may be added to it.
    await restore();
    await prisma.unitReport.update({ where: { id: w.reportA1 }, data: { status: "DRAFT" } });
    // The year is in registration (for the agreement); the secretariat allows report writing too.
    await runOk(grantPhaseOverride, w.actors.SECRETARIAT_A, { yearId: w.yearA.id, action: "reports", reason: "Bổ sung minh chứng", until: "" });
    const evidenceCriterion = allCriteria(w.tableA).find((cr) => cr.evidenceRequired && cr.section.kind === "SCORED")!;
    const uploadCmd = commands.get("report.evidence.upload")!;
    const agreement = commands.get("registration.agreement")!;
    const bytes = fc.constantFrom(
      new Uint8Array(0),
      new TextEncoder().encode("<html><script>alert(1)</script></html>"),
      PDF,
      new TextEncoder().encode("%PDF-1.4\n<script>alert(1)</script>"),
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), // a Windows executable
      new Uint8Array(5 * 1024 * 1024 + 1),
    );
    const name = fc.oneof(hostileString.filter((s) => s.length < 5000), fc.constantFrom("../../etc/passwd.pdf", "a.pdf.exe", "x.PDF", ".pdf", "mc\u202efdp.exe", "<img src=x onerror=alert(1)>.pdf"));
    const type = fc.constantFrom("application/pdf", "text/html", "", "application/x-msdownload", "image/png");
    await fc.assert(
      fc.asyncProperty(bytes, name, type, fc.boolean(), async (content, fileName, mime, toAgreement) => {
        stats.uploadCases++;
        const file = new File([content], fileName, { type: mime });
        const before = await fingerprint();
        const result = toAgreement
          ? await executeCommand(agreement, w.actors.UNIT_OFFICER_A1, { emulationYearId: w.yearA.id, signedOn: "18/01/2022", signer: "Cục trưởng", file })
          : await executeCommand(uploadCmd, w.actors.UNIT_OFFICER_A1, { reportId: w.reportA1, criterionId: evidenceCriterion.id, file });
        if (!result.ok) {
          expect(result.message.startsWith(SYSTEM_ERROR), result.message).toBe(false);
          expect(await fingerprint()).toEqual(before);
          return;
        }
        // Stored: only real PDF bytes, under a name without control characters, direction overrides or path.
        const stored: { name: string | null; bytes: Uint8Array | null; evidenceId?: string } = toAgreement
          ? await prisma.unitRegistration
              .findFirstOrThrow({ where: { unitId: w.A1.id, emulationYearId: w.yearA.id }, select: { agreementFileName: true, agreementFile: true } })
              .then((r) => ({ name: r.agreementFileName, bytes: r.agreementFile }))
          : await prisma.evidenceFile
              .findFirstOrThrow({ where: { reportId: w.reportA1 }, orderBy: { uploadedAt: "desc" }, select: { id: true, fileName: true, data: true } })
              .then((r) => ({ name: r.fileName, bytes: r.data, evidenceId: r.id }));
        if (toAgreement && content.byteLength === 0 && fileName === "") return; // no file chosen: the agreement without one
        expect(stored.name ?? "").not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069/\\]/);
        expect(new TextDecoder().decode(stored.bytes!.subarray(0, 5))).toBe("%PDF-");
        expect(Buffer.from(stored.bytes!).equals(Buffer.from(content))).toBe(true);
        // Keep the criterion below its file limit for the next cases.
        if (stored.evidenceId) await prisma.evidenceFile.delete({ where: { id: stored.evidenceId } });
      }),
      fuzzParams(Math.max(10, RUNS)),
    );
  });
});
