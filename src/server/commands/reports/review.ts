import { z } from "zod";
import { P } from "@/domain/scoring/permissions";
import { idField, reasonText } from "@/domain/validation";
import type { Tx } from "@/server/db";
import { NotFoundError, UserError, commandFamily } from "../command";
import { lockCluster } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { reportTarget, ENTITY } from "./shared";

export const returnReportInput = z.object({
  reportId: idField("Báo cáo"),
  reason: reasonText("Lý do trả lại", "Vui lòng nêu lý do trả lại báo cáo."),
});

async function loadForReview(tx: Tx, reportId: string, clusterId: string) {
  await lockCluster(tx, clusterId, "exclusive");
  await tx.$queryRaw`SELECT id FROM "UnitReport" WHERE id = ${reportId}::uuid FOR UPDATE`;
  const report = await tx.unitReport.findUniqueOrThrow({
    where: { id: reportId },
    include: { emulationYear: { select: { year: true, phase: true, clusterId: true } }, unit: { select: { name: true } } },
  });
  if (report.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(report.emulationYear);
  // A draft is invisible to the secretariat: the same answer as for a report that does not exist.
  if (report.status === "DRAFT" || (report.status === "RETURNED" && report.submissionCount === 0)) throw new NotFoundError();
  if (report.status !== "SUBMITTED") {
    throw new UserError(report.status === "ACCEPTED" ? "Báo cáo đã được chấp nhận." : "Báo cáo đã được trả lại cho đơn vị; đang chờ đơn vị gửi lại.");
  }
  return report;
}

/** The secretariat's review of a submitted report: its cluster as scope, the report locked and loaded (loadForReview). */
const reviewCommand = commandFamily({
  permission: P.reportReview,
  target: (tx, input: { reportId: string }) => reportTarget(tx, input.reportId),
  load: (tx, input, target) => loadForReview(tx, input.reportId, target.clusterId!),
});

export const returnReport = reviewCommand({
  name: "report.return",
  label: "Trả lại báo cáo",
  phases: "reportReview",
  input: returnReportInput,
  async run(tx, input, report, actor) {
    await tx.unitReport.update({ where: { id: report.id }, data: { status: "RETURNED", returnReason: input.reason } });
    await tx.reportEvent.create({ data: { reportId: report.id, kind: "RETURNED", actorId: actor.userId, actorName: actor.displayName, reason: input.reason } });
    return {
      message: `Đã trả lại báo cáo của ${report.unit.name} kèm lý do.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { status: report.status }, after: { status: "RETURNED", reason: input.reason } },
    };
  },
});

export const acceptReportInput = z.object({ reportId: idField("Báo cáo") });

export const acceptReport = reviewCommand({
  name: "report.accept",
  label: "Tiếp nhận báo cáo",
  phases: "reportReview",
  input: acceptReportInput,
  async run(tx, input, report, actor) {
    const now = new Date();
    await tx.unitReport.update({ where: { id: report.id }, data: { status: "ACCEPTED", acceptedAt: now } });
    await tx.reportEvent.create({ data: { reportId: report.id, kind: "ACCEPTED", at: now, actorId: actor.userId, actorName: actor.displayName } });
    return {
      message: `Đã chấp nhận báo cáo của ${report.unit.name}.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { status: report.status }, after: { status: "ACCEPTED" } },
    };
  },
});
