import { z } from "zod";
import type { Actor } from "@/domain/permissions";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { defineCommand, UserError } from "../command";
import { lockCluster } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { TABLE_NOT_PUBLISHED } from "../criteria";
import { ENTITY } from "./shared";
import { REPORT_KIND_LABELS } from "@/domain/scoring";

export const startReportInput = z.object({
  yearId: idField("Năm thi đua"),
  kind: z.enum(["YEAR_END", "MIDYEAR"], { error: "Loại báo cáo không hợp lệ." }),
});

export const startReport = defineCommand({
  name: "report.start",
  label: "Bắt đầu báo cáo tổng kết",
  permission: P.reportEdit,
  phases: "reports",
  input: startReportInput,
  // The acting user's own member unit, and only for a year of its own cluster.
  async target(tx, input, actor: Actor) {
    if (!actor.unitId) return {};
    const [unit, year] = await Promise.all([
      tx.unit.findUnique({ where: { id: actor.unitId }, select: { id: true, clusterId: true, parentId: true } }),
      tx.emulationYear.findUnique({ where: { id: input.yearId }, select: { clusterId: true } }),
    ]);
    if (!unit || unit.parentId || !year || year.clusterId !== unit.clusterId) return {};
    return { unitId: unit.id, clusterId: unit.clusterId, yearId: input.yearId };
  },
  uniqueFields: {
    emulationYearId: { field: "kind", message: "Đơn vị đã có báo cáo này." },
  },
  async run(tx, input, actor, target) {
    await lockCluster(tx, target.clusterId!, "shared");
    const year = await tx.emulationYear.findUniqueOrThrow({ where: { id: input.yearId }, select: { id: true, year: true, phase: true } });
    assertYearWritable(year);
    const table = await tx.criteriaTable.findUnique({ where: { emulationYearId: year.id }, select: { publishedAt: true } });
    if (!table?.publishedAt) throw new UserError(`${TABLE_NOT_PUBLISHED} Chưa thể soạn báo cáo năm ${year.year}.`);
    const existing = await tx.unitReport.findUnique({
      where: { emulationYearId_unitId_kind: { emulationYearId: year.id, unitId: target.unitId!, kind: input.kind } },
      select: { id: true },
    });
    if (existing) {
      return { data: { id: existing.id }, message: "Đơn vị đã có báo cáo này.", audit: { entityType: ENTITY, entityId: existing.id, after: { reopened: true } } };
    }
    const report = await tx.unitReport.create({
      data: { emulationYearId: year.id, unitId: target.unitId!, kind: input.kind, savedAt: new Date(), savedByName: actor.displayName },
    });
    return {
      data: { id: report.id },
      message: `Đã tạo dự thảo ${REPORT_KIND_LABELS[input.kind].toLowerCase()} năm ${year.year}.`,
      audit: { entityType: ENTITY, entityId: report.id, after: { year: year.year, kind: input.kind, status: "DRAFT" } },
    };
  },
});
