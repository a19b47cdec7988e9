import { z } from "zod";
import { rulesForYear } from "@/server/store/title-rules";
import { type IndividualTitle, awardedTitleFailure } from "@/domain/eligibility";
import { idField } from "@/domain/validation";
import { parseYearSettings } from "@/domain/year-settings";
import { loadOfficerHistories } from "@/server/store/eligibility-data";
import { UserError } from "../command";
import { isoOf, resultsCommand } from "./shared";
import { namedUnit } from "@/server/store/unit-scopes";

// Verification by the secretariat (one officer, or every unverified result of a unit)

export const verifyOfficerResultsInput = z.object({
  yearId: idField("Năm thi đua"),
  unitId: idField("Đơn vị"),
  officerId: z
    .union([z.literal(""), idField("Cán bộ")])
    .optional()
    .transform((v) => v || null),
});

export const verifyOfficerResults = resultsCommand("results.verify", namedUnit)({
  name: "result.verify",
  label: "Xác nhận kết quả",
  input: verifyOfficerResultsInput,
  async run(tx, input, { year, target }) {
    const pending = await tx.officerYearResult.findMany({
      where: { year: year.year, verified: false, unitId: target.unitId!, ...(input.officerId ? { officerId: input.officerId } : {}) },
      select: { id: true, officerId: true, rating: true, awardedTitleCode: true, decisionDate: true, officer: { select: { fullName: true } } },
    });
    if (pending.length === 0) {
      throw new UserError(input.officerId ? "Kết quả này không ở trạng thái chờ xác nhận." : "Không có kết quả nào chờ xác nhận.");
    }
    // The history may have changed since the entry (a discipline recorded since): check again.
    const settings = parseYearSettings(year.settings);
    const withTitle = pending.filter((p) => p.awardedTitleCode);
    const histories = await loadOfficerHistories(tx, withTitle.map((p) => p.officerId), year.year);
    const rules = await rulesForYear(year.year, tx);
    const refused: { officerId: string; name: string; reason: string }[] = [];
    for (const p of withTitle) {
      const failure = p.rating
        ? awardedTitleFailure(
            histories.get(p.officerId)!,
            { year: year.year, rating: p.rating, title: p.awardedTitleCode as IndividualTitle, decisionDate: isoOf(p.decisionDate) },
            settings,
            rules,
          )
        : "chưa có xếp loại.";
      if (failure) refused.push({ officerId: p.officerId, name: p.officer.fullName, reason: failure });
    }
    const refusedIds = new Set(refused.map((r) => r.officerId));
    const ids = pending.filter((p) => !refusedIds.has(p.officerId)).map((p) => p.id);
    if (ids.length === 0) {
      throw new UserError(
        refused.length === 1
          ? `Chưa xác nhận được: ${refused[0]!.name} ${refused[0]!.reason}`
          : `Chưa xác nhận được kết quả nào: ${refused.length} danh hiệu không còn đủ điều kiện (${refused.slice(0, 5).map((r) => r.name).join(", ")}${refused.length > 5 ? ", …" : ""}).`,
      );
    }
    await tx.officerYearResult.updateMany({ where: { id: { in: ids } }, data: { verified: true } });
    const skipped = refused.length
      ? ` ${refused.length} kết quả chưa xác nhận vì danh hiệu không còn đủ điều kiện: ${refused
          .slice(0, 5)
          .map((r) => `${r.name} (${r.reason})`)
          .join("; ")}${refused.length > 5 ? "; …" : ""}`
      : "";
    return {
      data: { verified: ids.length, skipped: refused.length },
      message: `Đã xác nhận ${ids.length} kết quả năm ${year.year}.${skipped}`,
      audit: {
        entityType: "OfficerYearResult",
        entityId: input.officerId,
        after: { year: year.year, unitId: target.unitId, verified: ids.length, skipped: refused.map((r) => ({ officerId: r.officerId, reason: r.reason })) },
      },
    };
  },
});
