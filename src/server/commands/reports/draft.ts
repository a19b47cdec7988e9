import { z } from "zod";
import { allCriteria, criterionLabel, readReportForm } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { formatDateTime } from "@/lib/format";
import { throwIfErrors } from "@/server/errors";
import { versionField, storedReport, ENTITY, editableReportCommand } from "./shared";

export const saveReportDraftInput = z.looseObject({ reportId: idField("Báo cáo"), version: versionField });

type Diff = Record<string, { before: unknown; after: unknown }>;

export const saveReportDraft = editableReportCommand(P.reportEdit)({
  name: "report.saveDraft",
  label: "Lưu bản nháp báo cáo",
  input: saveReportDraftInput,
  async run(tx, input, { report, form }, actor) {
    const { draft, errors } = readReportForm(form, input);
    throwIfErrors(errors, `Chưa lưu: có ${Object.keys(errors).length} ô nhập chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.`);

    const stored = await storedReport(tx, report.id, report.narrative);
    const diff: Diff = {};
    for (const c of allCriteria(form)) {
      const before = stored.scores.get(c.id) ?? { half: null, explanation: "" };
      const after = draft.scores.get(c.id)!;
      if (before.half !== after.half) diff[`score.${criterionLabel(form, c.id)}`] = { before: before.half, after: after.half };
      if (before.explanation !== after.explanation) diff[`explain.${criterionLabel(form, c.id)}`] = { before: before.explanation.length, after: after.explanation.length };
    }
    // Figures linked to a movement's are not the report's to store (issue 17).
    const typed = form.keyFigures.filter((f) => !f.movementFigureId);
    for (const f of typed) {
      const before = stored.figures.get(f.id) ?? null;
      const after = draft.figures.get(f.id) ?? null;
      if (before !== after) diff[`figure.${f.label}`] = { before, after };
    }
    if (report.narrative !== draft.narrative) diff.narrative = { before: report.narrative.length, after: draft.narrative.length };
    if (Object.keys(diff).length === 0) {
      return {
        data: { version: report.draftVersion, savedAt: (report.savedAt ?? new Date()).toISOString() },
        message: "Không có thay đổi nào cần lưu.",
        audit: { entityType: ENTITY, entityId: report.id, after: { unchanged: true } },
      };
    }

    const ids = allCriteria(form).map((c) => c.id);
    await tx.reportScore.deleteMany({ where: { reportId: report.id, criterionId: { in: ids } } });
    await tx.reportScore.createMany({
      data: ids
        .map((id) => ({ id, ...draft.scores.get(id)! }))
        .filter((s) => s.half !== null || s.explanation !== "")
        .map((s) => ({ reportId: report.id, criterionId: s.id, selfHalf: s.half, explanation: s.explanation })),
    });
    const figureIds = typed.map((f) => f.id);
    await tx.reportFigure.deleteMany({ where: { reportId: report.id, figureId: { in: figureIds } } });
    await tx.reportFigure.createMany({
      data: figureIds.filter((id) => draft.figures.get(id) != null).map((id) => ({ reportId: report.id, figureId: id, value: draft.figures.get(id)! })),
    });
    const savedAt = new Date();
    const updated = await tx.unitReport.update({
      where: { id: report.id },
      data: { narrative: draft.narrative, draftVersion: { increment: 1 }, savedAt, savedByName: actor.displayName },
      select: { draftVersion: true },
    });
    return {
      data: { version: updated.draftVersion, savedAt: savedAt.toISOString() },
      message: `Đã lưu lúc ${formatDateTime(savedAt).slice(11)}.`,
      audit: { entityType: ENTITY, entityId: report.id, before: { version: report.draftVersion }, after: { version: updated.draftVersion, changes: diff } },
    };
  },
});
