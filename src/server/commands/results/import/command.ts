import { z } from "zod";
import { INDIVIDUAL_TITLES } from "@/domain/eligibility";
import { can, type Actor } from "@/domain/permissions";
import { RANKS } from "@/domain/ranks";
import { idField, isStorableText } from "@/domain/validation";
import { defineCommand, NotFoundError } from "../../command";
import { RATING_CODES } from "../shared";
import { applyImport, type ImportSummary } from "./apply";
import { ownUnitScope } from "@/server/store/unit-scopes";

// The Excel import (the file is read and its rows validated by the server action; see upload.ts)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const codeString = z.string().min(1).max(32).regex(/^[A-Z0-9._-]+$/);
// The parsed workbook comes from our own parser, but the command still refuses what Postgres cannot store.
const storable = z.string().refine(isStorableText);
const nameString = storable.min(1).max(120);
const row = z.number().int().min(2).max(1_048_576);

export const importWorkbookInput = z.object({
  yearId: idField("Năm thi đua"),
  fileName: storable.min(1).max(200),
  officers: z
    .array(
      z.object({
        row,
        code: codeString,
        fullName: nameString,
        rank: z.enum(RANKS as unknown as [string, ...string[]]),
        position: storable.min(1).max(120),
        subUnitId: z.uuid().nullable(),
      }),
    )
    .max(10_000),
  registrations: z.array(z.object({ row, code: codeString, fullName: nameString.nullable(), titleCode: z.enum(INDIVIDUAL_TITLES) })).max(10_000),
  results: z
    .array(
      z.object({
        row,
        code: codeString,
        fullName: nameString.nullable(),
        rating: z.enum(RATING_CODES),
        awardedTitleCode: z.enum(INDIVIDUAL_TITLES).nullable(),
        decisionNo: storable.max(60).nullable(),
        decisionDate: z.string().regex(ISO_DATE).nullable(),
        decisionSigner: storable.max(120).nullable(),
      }),
    )
    .max(10_000),
});

function summaryMessage(s: ImportSummary): string {
  const fmt = (n: number) => n.toLocaleString("vi-VN");
  const part = (label: string, c: ImportSummary["officers"]) =>
    c.created + c.updated + c.unchanged === 0 ? null : `${label}: ${fmt(c.created)} mới, ${fmt(c.updated)} cập nhật, ${fmt(c.unchanged)} không đổi`;
  const parts = [part("cán bộ", s.officers), part("đăng ký danh hiệu", s.registrations), part("kết quả", s.results)].filter(Boolean);
  if (s.changedRows === 0) return `Tệp “${s.fileName}” không có thay đổi nào so với dữ liệu đã lưu (${parts.join("; ")}).`;
  return `Đã nhập tệp “${s.fileName}” (năm ${s.year}): ${parts.join("; ")}.`;
}

export const importWorkbook = defineCommand({
  name: "excel.import",
  label: "Nhập danh sách từ Excel",
  permission: "officer.manage",
  phases: "records",
  input: importWorkbookInput,
  // 5,000 rows take a few seconds; a busy server must not cut the import off halfway.
  transaction: { maxWait: 10_000, timeout: 60_000 },
  // The unit officer's own member unit; the file has no say in it.
  target: (tx, _input, actor: Actor) => ownUnitScope(tx, actor),
  async run(tx, input, actor, target) {
    if (input.registrations.length > 0 && !can(actor, "registration.edit", target)) throw new NotFoundError();
    if (input.results.length > 0 && !can(actor, "results.enter", target)) throw new NotFoundError();
    const summary = await applyImport(
      tx,
      {
        ...input,
        officers: input.officers as Parameters<typeof applyImport>[1]["officers"],
      },
      { unitId: target.unitId!, clusterId: target.clusterId!, now: new Date(), verified: can(actor, "results.verify", target) },
    );
    const { warnings, ...counts } = summary;
    return {
      data: summary,
      message: summaryMessage(summary),
      audit: { entityType: "ExcelImport", entityId: target.unitId!, after: { ...counts, warnings: warnings.length } },
    };
  },
});
