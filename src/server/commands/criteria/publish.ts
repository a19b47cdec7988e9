import { z } from "zod";
import { checkTableComplete } from "@/domain/scoring";
import { idField } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { UserError } from "../command";
import { ENTITY, partCommand } from "./shared";

export const publishCriteriaTableInput = z.object({ tableId: idField("Bảng tiêu chí") });

export const publishCriteriaTable = partCommand("table", { reasonAfterFreeze: false })({
  name: "criteria.publish",
  label: "Ban hành bảng tiêu chí",
  phases: "criteria",
  input: publishCriteriaTableInput,
  async run(tx, input, { table, year }) {
    if (table.publishedAt) throw new UserError(`Bảng tiêu chí đã được công bố ngày ${formatDate(table.publishedAt)}.`);
    const issues = checkTableComplete(table);
    if (issues.length) {
      throw new UserError(`Chưa thể công bố bảng tiêu chí: ${issues.map((i) => i.message).join(" ")}`, { table: issues.map((i) => i.message) });
    }
    const publishedAt = new Date();
    await tx.criteriaTable.update({ where: { id: table.id }, data: { publishedAt } });
    return {
      message: `Đã công bố bảng tiêu chí năm ${year.year}; các đơn vị có thể soạn báo cáo.`,
      audit: { entityType: ENTITY, entityId: table.id, after: { publishedAt: publishedAt.toISOString(), version: table.version } },
    };
  },
});
