// Amendments after closing (docs/domain.md §4 step 8): a closed year is read-only, and the one way to
// correct it afterwards is this explicit command of the secretariat (or an admin). It corrects an
// officer's awarded title (and rating) or a unit's collective title of that year, on the strength of a
// decision (number, date, signer) and a written reason, both kept in the audit entry with the values
// before and after. Besides the seeds (which build years already closed), only this command sets the
// flag the database's closed-year guard lets through (src/server/closed-year-guard.ts).
import { z } from "zod";
import { COLLECTIVE_TITLES, INDIVIDUAL_TITLES } from "@/domain/eligibility";
import { idField, optionalIdField, reasonText, requiredDate, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import { defineCommand, NotFoundError, UserError } from "./command";
import { lockCluster } from "@/server/store/locks";
import { amendmentAuditPayload, OFFICER_RESULT_AUDIT, UNIT_RESULT_AUDIT } from "@/server/store/result-audit";
import { officerScope, RATING_CODES } from "./results";
import { memberUnitScope } from "@/server/store/unit-scopes";

export const AMENDMENT_ONLY_CLOSED = "Chỉ năm thi đua đã khóa sổ mới cần sửa đổi; năm đang mở hãy sửa trực tiếp trên trang kết quả.";

const TITLE_CODES = [...INDIVIDUAL_TITLES, ...COLLECTIVE_TITLES] as [string, ...string[]];

export const amendClosedYearInput = z
  .object({
    yearId: idField("Năm thi đua"),
    /** The officer whose result is corrected; empty: the unit's own collective title (unitId). */
    officerId: optionalIdField("Cán bộ"),
    unitId: optionalIdField("Đơn vị"),
    /** "" = no title (the decision withdraws it). */
    awardedTitleCode: z
      .union([z.literal(""), z.enum(TITLE_CODES, { error: "Danh hiệu không hợp lệ." })], { error: "Danh hiệu không hợp lệ." })
      .optional()
      .transform((v) => v || null),
    /** Officers only; "" = unchanged. */
    rating: z
      .union([z.literal(""), z.enum(RATING_CODES, { error: "Xếp loại không hợp lệ." })], { error: "Xếp loại không hợp lệ." })
      .optional()
      .transform((v) => v || null),
    decisionNo: requiredText("Số quyết định sửa đổi", 60),
    decisionDate: requiredDate("Ngày quyết định sửa đổi"),
    decisionSigner: requiredText("Người ký", 120),
    reason: reasonText("Lý do sửa đổi", "Vui lòng nêu lý do sửa đổi."),
  })
  .superRefine((v, ctx) => {
    if (!v.officerId && !v.unitId) ctx.addIssue({ code: "custom", path: ["officerId"], message: "Chọn một cán bộ hoặc một đơn vị cần sửa đổi kết quả." });
    if (!v.officerId && v.rating) ctx.addIssue({ code: "custom", path: ["rating"], message: "Xếp loại chỉ áp dụng cho cán bộ." });
  });

async function assertTitle(tx: Tx, code: string, kind: "INDIVIDUAL" | "COLLECTIVE") {
  const title = await tx.titleDefinition.findUnique({ where: { code }, select: { kind: true } });
  if (!title || title.kind !== kind) throw new UserError("Danh hiệu không hợp lệ.", { awardedTitleCode: ["Danh hiệu không hợp lệ."] });
}

/**
 * The document a closed year's late record or agreement amendment rests on (number, date, signer;
 * late-records.ts, joint-agreement.ts, each with its own reason field), named apart from a record's
 * own decision fields.
 */
export const amendingDocumentFields = {
  amendNo: requiredText("Số văn bản làm căn cứ", 60),
  amendDate: requiredDate("Ngày văn bản"),
  amendSigner: requiredText("Người ký văn bản", 120),
};

/** What the audit entry keeps of such an amendment, beside the values after it. */
export const amendingDocumentAudit = (input: { amendNo: string; amendDate: string; amendSigner: string; reason: string }, actor: { displayName: string }) => ({
  reason: input.reason,
  decision: { number: input.amendNo, date: input.amendDate, signer: input.amendSigner },
  amendedBy: actor.displayName,
});

const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const amendClosedYear = defineCommand({
  name: "year.amendClosed",
  label: "Sửa đổi kết quả năm đã khóa sổ",
  permission: "year.amend",
  input: amendClosedYearInput,
  auditPayload: amendmentAuditPayload,
  // The member unit, of the officer or named, read from the database.
  target: (tx, input) => (input.officerId ? officerScope(tx, input.officerId) : memberUnitScope(tx, input.unitId!)),
  async run(tx, input, actor, target) {
    // The same lock as closing a year: an amendment never interleaves with the close itself.
    await lockCluster(tx, target.clusterId!, "exclusive");
    const year = await tx.emulationYear.findUnique({ where: { id: input.yearId }, select: { id: true, year: true, phase: true, clusterId: true } });
    if (!year || year.clusterId !== target.clusterId) throw new NotFoundError();
    if (year.phase !== "CLOSED") throw new UserError(AMENDMENT_ONLY_CLOSED);
    // This transaction only (is_local): the database's closed-year guard lets these writes through.
    await allowClosedYearWrites(tx);
    const title = input.awardedTitleCode;
    // The amending decision is the record of the corrected title; withdrawing a title leaves none on the row.
    const decision = { decisionNo: title ? input.decisionNo : null, decisionDate: title ? toDate(input.decisionDate) : null, decisionSigner: title ? input.decisionSigner : null };
    const amendment = {
      reason: input.reason,
      decision: { number: input.decisionNo, date: input.decisionDate, signer: input.decisionSigner },
      amendedBy: actor.displayName,
    };

    if (input.officerId) {
      if (title) await assertTitle(tx, title, "INDIVIDUAL");
      const select = OFFICER_RESULT_AUDIT;
      const before = await tx.officerYearResult.findUnique({ where: { officerId_year: { officerId: input.officerId, year: year.year } }, select });
      const rating = input.rating ?? before?.rating ?? null;
      if (!rating) throw new UserError("Cán bộ chưa có xếp loại năm này; vui lòng chọn xếp loại.", { rating: ["Vui lòng chọn xếp loại."] });
      const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
      const after = await tx.officerYearResult.upsert({
        where: { officerId_year: { officerId: input.officerId, year: year.year } },
        create: { officerId: input.officerId, year: year.year, rating, awardedTitleCode: title, ...decision, verified: true },
        update: { rating, awardedTitleCode: title, ...decision, verified: true },
        select,
      });
      return {
        data: { id: after.id },
        message: `Đã sửa đổi kết quả năm ${year.year} (đã khóa sổ) của ${officer.fullName} theo quyết định ${input.decisionNo} ngày ${formatDate(input.decisionDate)}.`,
        audit: { entityType: "OfficerYearResult", entityId: after.id, before, after: { ...after, amendment } },
      };
    }

    const unitId = target.unitId!;
    if (title) await assertTitle(tx, title, "COLLECTIVE");
    const select = UNIT_RESULT_AUDIT;
    const before = await tx.unitYearResult.findUnique({ where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } }, select });
    const unit = await tx.unit.findUniqueOrThrow({ where: { id: unitId }, select: { name: true } });
    const after = await tx.unitYearResult.upsert({
      where: { emulationYearId_unitId: { emulationYearId: year.id, unitId } },
      create: { emulationYearId: year.id, unitId, awardedTitleCode: title, ...decision },
      update: { awardedTitleCode: title, ...decision },
      select,
    });
    return {
      data: { id: after.id },
      message: `Đã sửa đổi kết quả năm ${year.year} (đã khóa sổ) của ${unit.name} theo quyết định ${input.decisionNo} ngày ${formatDate(input.decisionDate)}.`,
      audit: { entityType: "UnitYearResult", entityId: after.id, before, after: { ...after, amendment } },
    };
  },
});
