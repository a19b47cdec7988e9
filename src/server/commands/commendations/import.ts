// The Excel import of the commendation register (issue 14 item 4): all or nothing, errors by row, as
// the unit's import (src/server/commands/results/import): the file is read by src/server/excel/import.ts
// and its rows validated by parseCommendationSheet (src/domain/excel-rows); this command checks what
// needs the database — closed years (refusing the file), units and officers of the secretariat's own cluster, names, rows
// already in the register — and writes only when nothing at all is wrong.
import { z } from "zod";
import { COMMENDATION_FORM_CODES, COMMENDATION_FORMS } from "@/domain/awards";
import { compareImportErrors, COMMENDATION_SHEET, decisionDateError, looseKey, type ImportError } from "@/domain/excel-rows";
import { vietnamToday } from "@/domain/registration-window";
import { isStorableText } from "@/domain/validation";
import { appNow } from "@/server/clock";
import { RowErrorsError } from "@/server/errors";
import { ownClusterScope } from "@/server/store/unit-scopes";
import { defineCommand } from "../command";
import { assertCalendarYearsOpen } from "../results/shared";
import { registerEntry } from "./add";

const storable = z.string().refine(isStorableText);
const code = z.string().min(1).max(32).regex(/^[A-Z0-9._-]+$/);

export const importCommendationsInput = z.object({
  fileName: storable.min(1).max(200),
  rows: z
    .array(
      z.object({
        row: z.number().int().min(2).max(1_048_576),
        year: z.number().int().min(2000).max(2100),
        subjectKind: z.enum(["UNIT", "OFFICER"]),
        unitCode: code.nullable(),
        officerCode: code.nullable(),
        fullName: storable.max(120).nullable(),
        formCode: z.enum(COMMENDATION_FORM_CODES),
        decisionNo: storable.min(1).max(60),
        decisionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        decisionSigner: storable.min(1).max(120),
      }),
    )
    .min(1, "Tệp không có dòng nào để nhập.")
    .max(10_000),
});

export const importCommendations = defineCommand({
  name: "commendation.import",
  label: "Nhập sổ khen thưởng từ Excel",
  permission: "commendation.enter",
  phases: "records",
  input: importCommendationsInput,
  transaction: { maxWait: 10_000, timeout: 60_000 },
  // The secretariat's own cluster; the file names units and officers, never the scope.
  target: (tx, _input, actor) => ownClusterScope(tx, actor),
  async run(tx, input, actor, target) {
    const clusterId = target.clusterId!;
    // A closed year refuses the whole file, as every write of a closed year (docs/domain.md §4 step 8).
    await assertCalendarYearsOpen(tx, clusterId, [...new Set(input.rows.map((r) => r.year))].sort());
    const sheet = COMMENDATION_SHEET.name;
    const errors: ImportError[] = [];
    const fail = (row: number, column: string, message: string) => errors.push({ sheet, row, column, message });
    const units = await tx.unit.findMany({ where: { clusterId, parentId: null }, select: { id: true, code: true, name: true } });
    const unitByCode = new Map(units.map((u) => [u.code.toUpperCase(), u]));
    const officerCodes = [...new Set(input.rows.flatMap((r) => (r.officerCode ? [r.officerCode] : [])))];
    const officers = officerCodes.length
      ? await tx.officer.findMany({ where: { code: { in: officerCodes }, unit: { clusterId } }, select: { id: true, code: true, fullName: true } })
      : [];
    const officerByCode = new Map(officers.map((o) => [o.code, o]));
    const today = vietnamToday(appNow());

    const resolved: { row: (typeof input.rows)[number]; officerId: string | null; unitId: string | null }[] = [];
    for (const row of input.rows) {
      let officerId: string | null = null;
      let unitId: string | null = null;
      if (row.subjectKind === "UNIT") {
        const unit = row.unitCode ? unitByCode.get(row.unitCode) : undefined;
        if (!unit) fail(row.row, "Mã đơn vị", `Không có đơn vị thành viên mã ${row.unitCode ?? "(trống)"} trong Cụm.`);
        else unitId = unit.id;
      } else {
        const officer = row.officerCode ? officerByCode.get(row.officerCode) : undefined;
        if (!officer) fail(row.row, "Mã cán bộ", `Không có cán bộ mã ${row.officerCode ?? "(trống)"} trong các đơn vị của Cụm.`);
        else if (row.fullName && looseKey(row.fullName) !== looseKey(officer.fullName)) {
          fail(row.row, "Họ và tên", `Họ và tên “${row.fullName}” không khớp với cán bộ mã ${officer.code} (${officer.fullName}).`);
        } else officerId = officer.id;
      }
      const wrongDate = decisionDateError(row.decisionDate, row.year, today);
      if (wrongDate) fail(row.row, "Ngày quyết định", wrongDate);
      if (officerId || unitId) resolved.push({ row, officerId, unitId });
    }
    // Rows already in the register: the same subject, form and decision number.
    const stored = resolved.length
      ? await tx.commendation.findMany({
          where: {
            OR: [
              { officerId: { in: resolved.flatMap((r) => (r.officerId ? [r.officerId] : [])) } },
              { unitId: { in: resolved.flatMap((r) => (r.unitId ? [r.unitId] : [])) }, officerId: null },
            ],
          },
          select: { officerId: true, unitId: true, formCode: true, decisionNo: true },
        })
      : [];
    const key = (subject: string, form: string | null, no: string) => `${subject}:${form}:${looseKey(no)}`;
    const inRegister = new Set(stored.map((c) => key(c.officerId ?? c.unitId!, c.formCode, c.decisionNo)));
    for (const r of resolved) {
      if (inRegister.has(key(r.officerId ?? r.unitId!, r.row.formCode, r.row.decisionNo))) {
        fail(r.row.row, "Số quyết định", `Đã có trong sổ: ${COMMENDATION_FORMS[r.row.formCode].label}, Quyết định số ${r.row.decisionNo}.`);
      }
    }
    if (errors.length > 0) throw new RowErrorsError(errors.sort(compareImportErrors));

    await tx.commendation.createMany({
      data: resolved.map(({ row, officerId, unitId }) => registerEntry({ officerId, unitId: officerId ? null : unitId }, row, "IMPORT", actor.displayName)),
    });
    const years = [...new Set(resolved.map((r) => r.row.year))].sort();
    return {
      data: { created: resolved.length },
      message: `Đã nhập ${resolved.length.toLocaleString("vi-VN")} khen thưởng từ tệp “${input.fileName}” vào sổ (năm ${years.join(", ")}).`,
      audit: { entityType: "CommendationImport", entityId: clusterId, after: { fileName: input.fileName, created: resolved.length, years } },
    };
  },
});
