// The import's step 3 (steps 1 and 2, reading the file and validating its rows, are in
// src/server/excel/import.ts and src/domain/excel-rows.ts): applyImport runs inside the importWorkbook
// command's one transaction: every check that needs the database (officer codes of other units, officers
// unknown to the unit, the CSTĐCS quota over the unit's whole resulting set of registrations, the rules
// engine on awarded titles), then — only if nothing at all is wrong — the writes. Rows equal to what is
// stored write nothing, so importing the same file twice changes nothing the second time; the summary
// (and the audit) counts what changed.
import { rulesForYear } from "@/server/store/title-rules";
import { computeFacts, explainTitle, checkQuota, awardedTitleFailure, titleShort, REGISTRATION, type IndividualTitle, type OfficerHistory, type TaskRating } from "@/domain/eligibility";
import { compareImportErrors, looseKey, OFFICER_SHEET, REGISTRATION_SHEET, RESULT_SHEET, resultsWindowError, type ImportError, type OfficerRowInput, type RegistrationRowInput, type ResultRowInput } from "@/domain/excel-rows";
import { registrationWindow } from "@/domain/registration-window";
import type { YearPhase } from "@/domain/year-phases";
import { parseYearSettings } from "@/domain/year-settings";
import type { Tx } from "@/server/db";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { registrationRefusals } from "@/server/store/registration-refusals";
import { awardedQuotaExcess } from "@/server/store/awarded-quota";
import { officerColumns } from "@/server/store/officer-columns";
import { NotFoundError, RowErrorsError, UserError } from "@/server/errors";
import { isoOf } from "../shared";
import { codeUnusableMessage } from "../../officers";

export type ImportInput = {
  yearId: string;
  fileName: string;
  officers: OfficerRowInput[];
  registrations: RegistrationRowInput[];
  results: ResultRowInput[];
};

type Counts = { created: number; updated: number; unchanged: number };

export type ImportSummary = {
  fileName: string;
  year: number;
  officers: Counts;
  registrations: Counts;
  results: Counts;
  /** Rows that created or changed something. */
  changedRows: number;
  /** Registrations saved although the rules engine does not find them eligible yet (by row). */
  warnings: ImportError[];
};

type StoredOfficer = {
  id: string;
  code: string;
  unitId: string;
  fullName: string;
  rank: string;
  position: string;
  subUnitId: string | null;
  active: boolean;
};

const CHUNK = 1000;
function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const sameName = (a: string, b: string) => looseKey(a) === looseKey(b);

/**
 * Everything the import writes, in the caller's transaction: all checks first, then (only when there
 * is no error at all) the writes. `unitId`/`clusterId` come from the acting unit officer (the command's
 * target), never from the file. Throws RowErrorsError (nothing written) or returns what changed.
 */
export async function applyImport(
  tx: Tx,
  input: ImportInput,
  scope: { unitId: string; clusterId: string; now: Date; verified: boolean },
): Promise<ImportSummary> {
  const { unitId, clusterId, now } = scope;
  // The year row is read FOR SHARE (its phase cannot change, it cannot close under us); the unit row is
  // locked so that no other import or result entry of the unit interleaves.
  const years = await tx.$queryRaw<{ id: string; year: number; phase: YearPhase; clusterId: string; settings: unknown }[]>`
    SELECT id::text AS id, year, phase::text AS phase, "clusterId"::text AS "clusterId", settings
    FROM "EmulationYear" WHERE id = ${input.yearId}::uuid FOR SHARE`;
  const year = years[0] ? { ...years[0], year: Number(years[0].year) } : undefined;
  await tx.$queryRaw`SELECT id FROM "Unit" WHERE id = ${unitId}::uuid FOR NO KEY UPDATE`;
  const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { id: true, active: true } });
  if (!year || year.clusterId !== clusterId || !unit) throw new NotFoundError();
  if (year.phase === "CLOSED") throw new UserError(resultsWindowError(year)!);
  if (!unit.active) throw new UserError("Đơn vị đã ngừng hoạt động; không thể nhập dữ liệu.");
  const settings = parseYearSettings(year.settings);
  const errors: ImportError[] = [];
  const sheetError = (sheet: string, column: string | null, message: string) => errors.push({ sheet, row: null, column, message });
  const rowError = (sheet: string, row: number, column: string, message: string) => errors.push({ sheet, row, column, message });

  // Windows of the year ------------------------------------------------------------------------
  if (input.registrations.length > 0) {
    // As every registration write does (src/server/commands/registration/): the unit's registration
    // row, created if missing, locked for the rest of the transaction, so the quota check below sees
    // every other write of the unit's registrations either before or after this one.
    const inserted = await tx.$executeRaw`
      INSERT INTO "UnitRegistration" (id, "emulationYearId", "unitId", status, "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${year.id}::uuid, ${unitId}::uuid, 'DRAFT', now(), now())
      ON CONFLICT ("emulationYearId", "unitId") DO NOTHING`;
    const locked = await tx.$queryRaw<{ status: "DRAFT" | "SUBMITTED"; reopenedUntil: Date | null }[]>`
      SELECT status::text AS status, "reopenedUntil" FROM "UnitRegistration"
      WHERE "emulationYearId" = ${year.id}::uuid AND "unitId" = ${unitId}::uuid
      FOR UPDATE`;
    const window = registrationWindow({
      phase: year.phase,
      deadline: settings.registrationDeadline,
      status: inserted === 0 ? (locked[0]?.status ?? null) : null,
      reopenedUntil: locked[0]?.reopenedUntil ?? null,
      now,
    });
    if (!window.writable) sheetError(REGISTRATION_SHEET.name, null, window.message);
  }
  if (input.results.length > 0) {
    const closed = resultsWindowError(year);
    if (closed) sheetError(RESULT_SHEET.name, null, closed);
  }

  // Officers -----------------------------------------------------------------------------------
  const codes = [...new Set([...input.officers, ...input.registrations, ...input.results].map((r) => r.code))];
  const stored = new Map<string, StoredOfficer>();
  for (const part of chunks(codes, 5000)) {
    const found = await tx.$queryRaw<StoredOfficer[]>`
      SELECT id::text AS id, code, "unitId"::text AS "unitId", "fullName", rank, position, "subUnitId"::text AS "subUnitId", active
      FROM "Officer" WHERE code = ANY(${part}::text[])`;
    for (const o of found) stored.set(o.code, o);
  }
  const subUnits = new Map(
    (await tx.unit.findMany({ where: { parentId: unitId }, select: { id: true, name: true, active: true } })).map((s) => [s.id, s]),
  );
  // Codes are unique across the Ministry, but whose a taken code is stays unsaid: another unit's code
  // "cannot be used" (officers sheet) or names no officer of the unit (other sheets), exactly as a code
  // that does not exist anywhere would.
  const UNUSABLE = (code: string) => codeUnusableMessage(code);
  const NOT_IN_UNIT = (code: string) => `Không có cán bộ mã ${code} trong đơn vị (và trang “${OFFICER_SHEET.name}” của tệp cũng không có).`;

  const fileOfficers = new Map<string, OfficerRowInput>();
  const toCreate: OfficerRowInput[] = [];
  const toUpdate: { id: string; row: OfficerRowInput }[] = [];
  let officersUnchanged = 0;
  for (const row of input.officers) {
    fileOfficers.set(row.code, row);
    const current = stored.get(row.code);
    if (current && current.unitId !== unitId) {
      rowError(OFFICER_SHEET.name, row.row, "Mã cán bộ", UNUSABLE(row.code));
      continue;
    }
    if (row.subUnitId) {
      const sub = subUnits.get(row.subUnitId);
      if (!sub) rowError(OFFICER_SHEET.name, row.row, "Phòng/Đội", "Phòng/Đội không thuộc đơn vị.");
      else if (!sub.active && current?.subUnitId !== sub.id) {
        rowError(OFFICER_SHEET.name, row.row, "Phòng/Đội", `Phòng/Đội “${sub.name}” đã ngừng hoạt động; không chuyển cán bộ vào được.`);
      }
    }
    if (!current) toCreate.push(row);
    else if (current.fullName !== row.fullName || current.rank !== row.rank || current.position !== row.position || current.subUnitId !== row.subUnitId) {
      toUpdate.push({ id: current.id, row });
    } else officersUnchanged++;
  }

  /** The officer a registration/result row names: from the file or the unit; errors otherwise. */
  const resolve = (sheet: string, row: { row: number; code: string; fullName: string | null }) => {
    const current = stored.get(row.code);
    const inFile = fileOfficers.get(row.code);
    if (current && current.unitId !== unitId) {
      rowError(sheet, row.row, "Mã cán bộ", inFile ? UNUSABLE(row.code) : NOT_IN_UNIT(row.code));
      return null;
    }
    if (!current && !inFile) {
      rowError(sheet, row.row, "Mã cán bộ", NOT_IN_UNIT(row.code));
      return null;
    }
    const name = inFile?.fullName ?? current!.fullName;
    if (row.fullName && !sameName(row.fullName, name)) {
      rowError(sheet, row.row, "Họ và tên", `Họ và tên “${row.fullName}” không khớp với cán bộ mã ${row.code} (${name}).`);
      return null;
    }
    return { current: current ?? null, name };
  };

  // Registrations ------------------------------------------------------------------------------
  const registrationRows: { row: RegistrationRowInput; current: StoredOfficer | null; name: string }[] = [];
  for (const row of input.registrations) {
    const found = resolve(REGISTRATION_SHEET.name, row);
    if (!found) continue;
    if (found.current && !found.current.active) {
      rowError(REGISTRATION_SHEET.name, row.row, "Mã cán bộ", `Cán bộ mã ${row.code} đã được đánh dấu không còn công tác; không đăng ký danh hiệu.`);
      continue;
    }
    registrationRows.push({ row, ...found });
  }
  const storedRegistrations = input.registrations.length
    ? await tx.$queryRaw<{ id: string; officerId: string; unitId: string; titleCode: string }[]>`
        SELECT id::text AS id, "officerId"::text AS "officerId", "unitId"::text AS "unitId", "titleCode"
        FROM "OfficerRegistration"
        WHERE "emulationYearId" = ${year.id}::uuid
          AND ("unitId" = ${unitId}::uuid OR "officerId" = ANY(${registrationRows.flatMap((r) => (r.current ? [r.current.id] : []))}::uuid[]))`
    : [];
  const registrationByOfficer = new Map(storedRegistrations.map((r) => [r.officerId, r]));
  // The unit's resulting set: what is stored for the unit, with the file's rows replacing it.
  const resulting = new Map<string, IndividualTitle>();
  for (const r of storedRegistrations) if (r.unitId === unitId) resulting.set(r.officerId, r.titleCode as IndividualTitle);
  for (const { row, current } of registrationRows) resulting.set(current ? current.id : `new:${row.code}`, row.titleCode);
  const rules = await rulesForYear(year.year, tx);
  if (registrationRows.length > 0) {
    const quota = checkQuota([...resulting.values()].map((title) => ({ title })), settings, rules);
    if (quota.verdict === "OVER") {
      sheetError(
        REGISTRATION_SHEET.name,
        REGISTRATION_SHEET.columns.find((c) => c.key === "title")!.header,
        `Vượt chỉ tiêu Chiến sĩ thi đua cơ sở của đơn vị (tính cả các đăng ký đã có): ${quota.message}`,
      );
    }
  }

  // Results ------------------------------------------------------------------------------------
  const resultRows: { row: ResultRowInput; current: StoredOfficer | null; name: string }[] = [];
  for (const row of input.results) {
    const found = resolve(RESULT_SHEET.name, row);
    if (found) resultRows.push({ row, ...found });
  }

  // Histories for the rules engine (registration warnings; awarded titles must be eligible).
  const historyIds = [
    ...new Set([...registrationRows, ...resultRows.filter((r) => r.row.awardedTitleCode)].flatMap((r) => (r.current ? [r.current.id] : []))),
  ];
  const histories = await loadOfficerHistories(tx, historyIds, year.year);
  const emptyHistory: OfficerHistory = { years: [], initiatives: [], disciplines: [] };

  // A condition already decided refuses the row (docs/domain.md §4 step 2); a saved title is not re-judged.
  const refused = await registrationRefusals(
    tx,
    { id: year.id, year: year.year, settings },
    registrationRows.flatMap(({ row, current, name }) =>
      current && registrationByOfficer.get(current.id)?.titleCode !== row.titleCode ? [{ officerId: current.id, officerName: name, title: row.titleCode }] : [],
    ),
  );
  const warnings: ImportError[] = [];
  for (const { row, current, name } of registrationRows) {
    const refusal = current ? refused.get(current.id) : undefined;
    if (refusal) {
      rowError(REGISTRATION_SHEET.name, row.row, "Danh hiệu đăng ký", refusal);
      continue;
    }
    const history = current ? (histories.get(current.id) ?? emptyHistory) : emptyHistory;
    const facts = computeFacts(history, year.year, settings, REGISTRATION, rules);
    const result = explainTitle(facts, row.titleCode);
    if (result.status === "ELIGIBLE") continue;
    const why = result.reasons.filter((r) => !r.ok).map((r) => r.message).join(" ");
    warnings.push({
      sheet: REGISTRATION_SHEET.name,
      row: row.row,
      column: "Danh hiệu đăng ký",
      message: `${name}: ${result.status === "BLOCKED" ? "không được xét" : "chưa đủ điều kiện"} ${titleShort(row.titleCode)}. ${why}`,
    });
  }
  for (const { row, current, name } of resultRows) {
    if (!row.awardedTitleCode) continue;
    const history = current ? (histories.get(current.id) ?? emptyHistory) : emptyHistory;
    const failure = awardedTitleFailure(history, { year: year.year, rating: row.rating, title: row.awardedTitleCode, decisionDate: row.decisionDate }, settings, rules);
    if (failure) rowError(RESULT_SHEET.name, row.row, "Danh hiệu được công nhận", `${name}: ${failure}`);
  }

  // The CSTĐCS quota on the unit's awarded titles with the file's results in place (§4 step 7).
  if (resultRows.some((r) => r.row.awardedTitleCode)) {
    const changes = resultRows.map(({ row, current }) => ({ officerId: current ? current.id : `new:${row.code}`, titleCode: row.awardedTitleCode }));
    const excess = await awardedQuotaExcess(tx, unitId, year.year, settings, changes);
    if (excess) sheetError(RESULT_SHEET.name, "Danh hiệu được công nhận", `Vượt chỉ tiêu Chiến sĩ thi đua cơ sở trên các danh hiệu được công nhận (tính cả kết quả đã có): ${excess.message}`);
  }

  if (errors.length > 0) throw new RowErrorsError(errors.sort(compareImportErrors));

  // Writes (nothing was wrong) -----------------------------------------------------------------
  const idByCode = new Map<string, string>();
  for (const [code, o] of stored) idByCode.set(code, o.id);
  // Bulk statements with one array per column (unnest): a few statements for thousands of rows.
  for (const part of chunks(toCreate, 5000)) {
    const cols = part.map(officerColumns);
    const created = await tx.$queryRaw<{ id: string; code: string }[]>`
      INSERT INTO "Officer" (id, "unitId", "subUnitId", code, "fullName", "searchName", "sortKey", rank, position, active, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${unitId}::uuid, v.sub_unit_id, v.code, v.full_name, v.search_name, v.sort_key, v.rank, v.position, true, now(), now()
      FROM unnest(
        ${cols.map((c) => c.subUnitId)}::uuid[], ${cols.map((c) => c.code)}::text[], ${cols.map((c) => c.fullName)}::text[],
        ${cols.map((c) => c.searchName)}::text[], ${cols.map((c) => c.sortKey)}::text[], ${cols.map((c) => c.rank)}::text[],
        ${cols.map((c) => c.position)}::text[]
      ) AS v(sub_unit_id, code, full_name, search_name, sort_key, rank, position)
      RETURNING id::text AS id, code`;
    for (const o of created) idByCode.set(o.code, o.id);
  }
  for (const part of chunks(toUpdate)) {
    const cols = part.map(({ row }) => officerColumns(row));
    await tx.$executeRaw`
      UPDATE "Officer" AS o
      SET "fullName" = v.full_name, "searchName" = v.search_name, "sortKey" = v.sort_key, rank = v.rank,
          position = v.position, "subUnitId" = v.sub_unit_id, "updatedAt" = now()
      FROM unnest(
        ${part.map((p) => p.id)}::uuid[], ${cols.map((c) => c.fullName)}::text[], ${cols.map((c) => c.searchName)}::text[],
        ${cols.map((c) => c.sortKey)}::text[], ${cols.map((c) => c.rank)}::text[], ${cols.map((c) => c.position)}::text[],
        ${cols.map((c) => c.subUnitId)}::uuid[]
      ) AS v(id, full_name, search_name, sort_key, rank, position, sub_unit_id)
      WHERE o.id = v.id`;
  }

  const regCounts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const regCreate: { officerId: string; titleCode: string }[] = [];
  const regUpdate: { id: string; titleCode: string }[] = [];
  for (const { row } of registrationRows) {
    const officerId = idByCode.get(row.code)!;
    const current = registrationByOfficer.get(officerId);
    if (!current) regCreate.push({ officerId, titleCode: row.titleCode });
    else if (current.titleCode !== row.titleCode || current.unitId !== unitId) regUpdate.push({ id: current.id, titleCode: row.titleCode });
    else regCounts.unchanged++;
  }
  for (const part of chunks(regCreate, 5000)) {
    await tx.$executeRaw`
      INSERT INTO "OfficerRegistration" (id, "emulationYearId", "unitId", "officerId", "titleCode", "updatedAt")
      SELECT gen_random_uuid(), ${year.id}::uuid, ${unitId}::uuid, v.officer_id, v.title_code, now()
      FROM unnest(${part.map((r) => r.officerId)}::uuid[], ${part.map((r) => r.titleCode)}::text[]) AS v(officer_id, title_code)`;
  }
  for (const part of chunks(regUpdate)) {
    await tx.$executeRaw`
      UPDATE "OfficerRegistration" AS r SET "titleCode" = v.title_code, "unitId" = ${unitId}::uuid, "updatedAt" = now()
      FROM unnest(${part.map((p) => p.id)}::uuid[], ${part.map((p) => p.titleCode)}::text[]) AS v(id, title_code)
      WHERE r.id = v.id`;
  }
  regCounts.created = regCreate.length;
  regCounts.updated = regUpdate.length;

  const resCounts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const resultOfficerIds = resultRows.map(({ row }) => idByCode.get(row.code)!);
  const storedResults = new Map<string, { id: string; rating: TaskRating | null; awardedTitleCode: string | null; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null }>();
  for (const part of chunks(resultOfficerIds, 5000)) {
    const found = await tx.$queryRaw<{ id: string; officerId: string; rating: TaskRating | null; awardedTitleCode: string | null; decisionNo: string | null; decisionDate: Date | null; decisionSigner: string | null }[]>`
      SELECT id::text AS id, "officerId"::text AS "officerId", rating::text AS rating, "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner"
      FROM "OfficerYearResult" WHERE year = ${year.year} AND "officerId" = ANY(${part}::uuid[])`;
    for (const r of found) storedResults.set(r.officerId, r);
  }
  const resCreate: { officerId: string; row: ResultRowInput }[] = [];
  const resUpdate: { id: string; row: ResultRowInput }[] = [];
  resultRows.forEach(({ row }, i) => {
    const officerId = resultOfficerIds[i]!;
    const current = storedResults.get(officerId);
    if (!current) {
      resCreate.push({ officerId, row });
    } else if (
      current.rating !== row.rating ||
      current.awardedTitleCode !== row.awardedTitleCode ||
      current.decisionNo !== row.decisionNo ||
      isoOf(current.decisionDate) !== row.decisionDate ||
      current.decisionSigner !== row.decisionSigner
    ) {
      resUpdate.push({ id: current.id, row });
    } else resCounts.unchanged++;
  });
  for (const part of chunks(resCreate, 5000)) {
    const rows = part.map((p) => p.row);
    await tx.$executeRaw`
      INSERT INTO "OfficerYearResult" (id, "officerId", year, rating, "awardedTitleCode", "decisionNo", "decisionDate", "decisionSigner", verified, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), v.officer_id, ${year.year}, v.rating, v.title, v.no, v.day, v.signer, ${scope.verified}, now(), now()
      FROM unnest(
        ${part.map((p) => p.officerId)}::uuid[], ${rows.map((r) => r.rating)}::"TaskRating"[], ${rows.map((r) => r.awardedTitleCode)}::text[],
        ${rows.map((r) => r.decisionNo)}::text[], ${rows.map((r) => r.decisionDate)}::date[], ${rows.map((r) => r.decisionSigner)}::text[]
      ) AS v(officer_id, rating, title, no, day, signer)`;
  }
  for (const part of chunks(resUpdate)) {
    const rows = part.map((p) => p.row);
    await tx.$executeRaw`
      UPDATE "OfficerYearResult" AS r
      SET rating = v.rating, "awardedTitleCode" = v.title, "decisionNo" = v.no, "decisionDate" = v.day,
          "decisionSigner" = v.signer, verified = ${scope.verified}, "updatedAt" = now()
      FROM unnest(
        ${part.map((p) => p.id)}::uuid[], ${rows.map((r) => r.rating)}::"TaskRating"[], ${rows.map((r) => r.awardedTitleCode)}::text[],
        ${rows.map((r) => r.decisionNo)}::text[], ${rows.map((r) => r.decisionDate)}::date[], ${rows.map((r) => r.decisionSigner)}::text[]
      ) AS v(id, rating, title, no, day, signer)
      WHERE r.id = v.id`;
  }
  resCounts.created = resCreate.length;
  resCounts.updated = resUpdate.length;

  const officers: Counts = { created: toCreate.length, updated: toUpdate.length, unchanged: officersUnchanged };
  const changedRows = [officers, regCounts, resCounts].reduce((s, c) => s + c.created + c.updated, 0);
  return { fileName: input.fileName, year: year.year, officers, registrations: regCounts, results: resCounts, changedRows, warnings: warnings.sort(compareImportErrors) };
}
