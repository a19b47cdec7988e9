import { z } from "zod";
import { checkTableComplete } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { defineCommand, UserError } from "../command";
import { partTarget, editContext, ENTITY } from "./shared";

export const publishCriteriaTableInput = z.object({ tableId: idField("Bảng tiêu chí") });

export const publishCriteriaTable = defineCommand({
  name: "criteria.publish",
  label: "Ban hành bảng tiêu chí",
  permission: P.criteriaManage,
  phases: "criteria",
  input: publishCriteriaTableInput,
  target: (tx, input) => partTarget(tx, "table", input.tableId),
  async run(tx, input, _actor, target) {
    const { table, year } = await editContext(tx, input.tableId, target.clusterId!, "", { reasonAfterFreeze: false });
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
