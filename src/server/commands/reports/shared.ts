import { z } from "zod";
import type { Target } from "@/domain/permissions";
import { formFor, type ReportKind } from "@/domain/scoring";
import { formatDateTime } from "@/lib/format";
import type { Tx } from "@/server/db";
import type { Permission } from "@/domain/permissions";
import { commandFamily, NotFoundError, UserError } from "../command";
import { loadTable } from "@/server/store/criteria-table";
import { lockCluster, lockTable } from "@/server/store/locks";
import { assertYearWritable } from "@/server/store/years";
import { TABLE_NOT_PUBLISHED } from "../criteria";

export const ENTITY = "UnitReport";

export const REPORT_LOCKED = "Báo cáo đã được gửi; không thể chỉnh sửa.";
export const EDITABLE_STATUSES = ["DRAFT", "RETURNED"] as const;
const isEditable = (status: string) => (EDITABLE_STATUSES as readonly string[]).includes(status);

/** The stored report's unit and cluster (the form only names the report). Unknown → empty scope → not found. */
export async function reportTarget(tx: Tx, reportId: string): Promise<Target> {
  const rows = await tx.$queryRaw<{ unitId: string; clusterId: string; yearId: string }[]>`
    SELECT r."unitId"::text AS "unitId", y."clusterId"::text AS "clusterId", y.id::text AS "yearId"
    FROM "UnitReport" r JOIN "EmulationYear" y ON y.id = r."emulationYearId"
    WHERE r.id = ${reportId}::uuid`;
  return rows[0] ?? {};
}

/**
 * Locks in order (cluster, table when asked, report), then loads the report with its year and the
 * table's form for the report's kind. Refuses a closed year.
 */
export async function loadReportForWrite(tx: Tx, reportId: string, clusterId: string, opts: { mode: "shared" | "exclusive"; lockTable?: boolean }) {
  await lockCluster(tx, clusterId, opts.mode);
  const head = await tx.unitReport.findUnique({ where: { id: reportId }, select: { emulationYearId: true } });
  if (!head) throw new NotFoundError();
  const tableRow = await tx.criteriaTable.findUnique({ where: { emulationYearId: head.emulationYearId }, select: { id: true } });
  if (opts.lockTable && tableRow) await lockTable(tx, tableRow.id);
  await tx.$queryRaw`SELECT id FROM "UnitReport" WHERE id = ${reportId}::uuid FOR UPDATE`;
  const report = await tx.unitReport.findUniqueOrThrow({
    where: { id: reportId },
    include: { emulationYear: { select: { id: true, year: true, phase: true, clusterId: true, settings: true } }, unit: { select: { id: true, name: true } } },
  });
  if (report.emulationYear.clusterId !== clusterId) throw new NotFoundError();
  assertYearWritable(report.emulationYear);
  const table = tableRow ? await loadTable(tx, { id: tableRow.id }) : null;
  if (!table) throw new UserError(TABLE_NOT_PUBLISHED);
  return { report, table, form: formFor(table, report.kind as ReportKind) };
}

/** The stored scores, figures, narrative and evidence counts of a report, as the pure rules read them. */
export async function storedReport(tx: Pick<Tx, "reportScore" | "reportFigure" | "evidenceFile">, reportId: string, narrative: string) {
  const [scores, figures, evidence] = await Promise.all([
    tx.reportScore.findMany({ where: { reportId }, select: { criterionId: true, selfHalf: true, explanation: true } }),
    tx.reportFigure.findMany({ where: { reportId }, select: { figureId: true, value: true } }),
    tx.evidenceFile.groupBy({ by: ["criterionId"], where: { reportId }, _count: { _all: true } }),
  ]);
  return {
    scores: new Map(scores.map((s) => [s.criterionId, { half: s.selfHalf, explanation: s.explanation }])),
    figures: new Map<string, string | null>(figures.map((f) => [f.figureId, f.value.toString()])),
    narrative,
    evidenceCounts: new Map(evidence.map((e) => [e.criterionId, e._count._all])),
  };
}

function refuseUnlessEditable(report: { status: string }) {
  if (!isEditable(report.status)) throw new UserError(REPORT_LOCKED);
}

/** The unit's preamble (edit, evidence, submit): lock and load for a unit write, refuse unless DRAFT or RETURNED. */
export async function loadEditableReport(tx: Tx, reportId: string, clusterId: string, opts: { lockTable?: boolean } = {}) {
  const loaded = await loadReportForWrite(tx, reportId, clusterId, { mode: "shared", ...opts });
  refuseUnlessEditable(loaded.report);
  return loaded;
}

export function refuseStaleVersion(report: { draftVersion: number; savedAt: Date | null; savedByName: string | null }, seen: number, forApproval = false) {
  if (report.draftVersion === seen) return;
  const when = report.savedAt ? ` lúc ${formatDateTime(report.savedAt)}${report.savedByName ? ` bởi ${report.savedByName}` : ""}` : "";
  throw new UserError(
    forApproval
      ? `Báo cáo đã được chỉnh sửa sau khi bạn mở trang${when}. Vui lòng tải lại trang và xem nội dung mới nhất trước khi duyệt.`
      : `Báo cáo vừa được lưu từ nơi khác${when}. Thay đổi của bạn chưa được lưu; vui lòng tải lại trang để tiếp tục trên bản mới nhất.`,
  );
}

export const versionField = z.coerce.number({ error: "Phiên bản báo cáo không hợp lệ." }).int().min(0);

const reportOf = (tx: Tx, input: { reportId: string }) => reportTarget(tx, input.reportId);

/** The unit's commands on its stored report (filed under the report's unit and cluster), work of the reports action. */
export const reportCommand = (permission: Permission) => commandFamily({ permission, phases: "reports", target: reportOf });

/**
 * The unit's edits of its report's content: the report loaded while still editable (loadEditableReport;
 * approving also locks the table) and as the form last saw it (refuseStaleVersion).
 */
export const editableReportCommand = (permission: Permission, forApproval = false) =>
  commandFamily({
    permission,
    phases: "reports",
    target: (tx, input: { reportId: string; version: number }) => reportOf(tx, input),
    load: async (tx, input, target) => {
      const loaded = await loadEditableReport(tx, input.reportId, target.clusterId!, forApproval ? { lockTable: true } : {});
      refuseStaleVersion(loaded.report, input.version, forApproval);
      return loaded;
    },
  });
