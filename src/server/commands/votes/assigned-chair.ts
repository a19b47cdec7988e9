import { z } from "zod";
import { idField, requiredText } from "@/domain/validation";
import { UserError } from "../command";
import { yearIdField, voteYearCommand } from "./shared";

export const recordAssignedChairInput = z.object({
  yearId: yearIdField,
  chairUnitId: z.string({ error: "Vui lòng chọn đơn vị Cụm trưởng." }).min(1, "Vui lòng chọn đơn vị Cụm trưởng.").pipe(idField("Đơn vị Cụm trưởng")),
  chairAssignmentRef: requiredText("Số, ngày văn bản chỉ định", 200),
});

// A chair assigned by the Ministry instead of elected (with the document reference).

export const recordAssignedChair = voteYearCommand({
  name: "vote.chair.assign",
  label: "Ghi nhận cụm trưởng do Bộ chỉ định",
  phases: "chairAssignment",
  input: recordAssignedChairInput,
  async run(tx, input, year) {
    const unit = await tx.unit.findFirst({
      where: { id: input.chairUnitId, clusterId: year.clusterId, parentId: null, active: true },
      select: { id: true, name: true },
    });
    if (!unit) throw new UserError("Cụm trưởng phải là một đơn vị thành viên đang hoạt động của cụm.", { chairUnitId: ["Cụm trưởng phải là một đơn vị thành viên đang hoạt động của cụm."] });
    // The Ministry's decision stands over the cluster's rotation rule; the deputy must still differ.
    const deputyUnitId = year.deputyUnitId === unit.id ? null : year.deputyUnitId;
    const updated = await tx.emulationYear.update({
      where: { id: year.id },
      data: { chairUnitId: unit.id, deputyUnitId, chairAssignmentRef: input.chairAssignmentRef },
    });
    return {
      message: `Đã ghi nhận ${unit.name} là Cụm trưởng năm ${year.year} theo văn bản ${input.chairAssignmentRef}.${deputyUnitId !== year.deputyUnitId ? " Đơn vị này trước đó là Cụm phó; vui lòng chọn lại Cụm phó." : ""}`,
      audit: {
        entityType: "EmulationYear",
        entityId: year.id,
        before: { chairUnitId: year.chairUnitId, deputyUnitId: year.deputyUnitId, chairAssignmentRef: year.chairAssignmentRef },
        after: { chairUnitId: updated.chairUnitId, deputyUnitId: updated.deputyUnitId, chairAssignmentRef: updated.chairAssignmentRef },
      },
    };
  },
});
