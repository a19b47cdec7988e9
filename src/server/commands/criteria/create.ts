import { z } from "zod";
import { DEFAULT_TOTAL_HALF } from "@/domain/scoring";
import { P } from "@/domain/scoring/permissions";
import { idField } from "@/domain/validation";
import { loadTable, type LoadedTable } from "@/server/store/criteria-table";
import { UserError } from "../command";
import { ENTITY } from "./shared";
import { writableYearCommand } from "../year-commands";

export const createCriteriaTableInput = z.object({
  yearId: idField("Năm thi đua"),
  source: z.enum(["previous", "empty"], { error: "Vui lòng chọn cách tạo bảng tiêu chí." }),
});

export const createCriteriaTable = writableYearCommand(P.criteriaManage)({
  name: "criteria.create",
  label: "Tạo bảng tiêu chí",
  phases: "criteria",
  input: createCriteriaTableInput,
  uniqueFields: { emulationYearId: { field: "source", message: "Năm thi đua này đã có bảng tiêu chí." } },
  async run(tx, input, year) {
    if (await tx.criteriaTable.findUnique({ where: { emulationYearId: year.id }, select: { id: true } })) {
      throw new UserError("Năm thi đua này đã có bảng tiêu chí.");
    }
    let source: LoadedTable | null = null;
    let sourceYear: number | null = null;
    if (input.source === "previous") {
      const previous = await tx.emulationYear.findFirst({
        where: { clusterId: year.clusterId, year: { lt: year.year }, criteriaTable: { isNot: null } },
        orderBy: { year: "desc" },
        select: { year: true, criteriaTable: { select: { id: true } } },
      });
      if (!previous?.criteriaTable) {
        throw new UserError("Các năm trước chưa có bảng tiêu chí để sao chép; hãy tạo bảng trống.", { source: ["Không có bảng tiêu chí năm trước để sao chép."] });
      }
      source = await loadTable(tx, { id: previous.criteriaTable.id });
      sourceYear = previous.year;
    }
    const table = await tx.criteriaTable.create({
      data: { emulationYearId: year.id, totalHalf: source?.totalHalf ?? DEFAULT_TOTAL_HALF, copiedFromYear: sourceYear },
    });
    if (source) {
      for (const [i, s] of source.sections.entries()) {
        const section = await tx.criteriaSection.create({ data: { tableId: table.id, kind: s.kind, position: i + 1, title: s.title, maxHalf: s.maxHalf } });
        await tx.criterion.createMany({
          data: s.criteria.map((c, j) => ({
            tableId: table.id,
            sectionId: section.id,
            position: j + 1,
            title: c.title,
            guidance: c.guidance ?? null,
            maxHalf: c.maxHalf,
            evidenceRequired: c.evidenceRequired,
            inMidyear: c.inMidyear,
          })),
        });
      }
      await tx.keyFigureDefinition.createMany({
        data: source.keyFigures.map((f, i) => ({ tableId: table.id, position: i + 1, label: f.label, unitLabel: f.unitLabel, required: f.required, inMidyear: f.inMidyear })),
      });
    }
    const criteriaCount = source ? source.sections.reduce((n, s) => n + s.criteria.length, 0) : 0;
    return {
      data: { id: table.id },
      message: source
        ? `Đã tạo bảng tiêu chí năm ${year.year} từ bảng năm ${sourceYear} (${source.sections.length} mục, ${criteriaCount} tiêu chí, ${source.keyFigures.length} số liệu). Hãy rà soát và chỉnh sửa trước khi công bố.`
        : `Đã tạo bảng tiêu chí trống cho năm ${year.year}.`,
      audit: { entityType: ENTITY, entityId: table.id, after: { year: year.year, copiedFromYear: sourceYear, sections: source?.sections.length ?? 0, criteria: criteriaCount } },
    };
  },
});
