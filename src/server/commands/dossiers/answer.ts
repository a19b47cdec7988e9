import { z } from "zod";
import { OBJECTION_ANSWERS, type ObjectionAnswer } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { idField, reasonText } from "@/domain/validation";
import { lockDossier } from "@/server/store/dossiers";
import { defineCommand, NotFoundError, UserError } from "../command";

const ANSWERS = Object.keys(OBJECTION_ANSWERS) as [ObjectionAnswer, ...ObjectionAnswer[]];

/**
 * The secretariat answers an objection (kept, withdrawn, amended) while the dossier is with the
 * cluster. "Withdrawn" withdraws the item it is about; "amended" says what changed (the secretariat
 * edits the items after a return). Each objection is answered once; the answer goes to the Ministry.
 */
export const answerObjection = defineCommand({
  name: "dossier.objection.answer",
  label: "Trả lời ý kiến về đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.manage",
  input: z.object({
    objectionId: idField("Ý kiến"),
    answer: z.enum(ANSWERS, { error: "Vui lòng chọn cách giải quyết." }),
    answerText: reasonText("Nội dung trả lời", "Vui lòng nêu nội dung trả lời.", 2000),
  }),
  async target(tx, input): Promise<Target> {
    const rows = await tx.$queryRaw<{ clusterId: string; yearId: string }[]>`
      SELECT y."clusterId"::text AS "clusterId", y.id::text AS "yearId" FROM "DossierObjection" o JOIN "Dossier" d ON d.id = o."dossierId" JOIN "EmulationYear" y ON y.id = d."emulationYearId"
      WHERE o.id = ${input.objectionId}::uuid`;
    return rows[0] ? { clusterId: rows[0].clusterId, yearId: rows[0].yearId } : {};
  },
  async run(tx, input, actor, target) {
    const objection = await tx.dossierObjection.findUnique({ where: { id: input.objectionId }, select: { id: true, dossierId: true, itemId: true, answer: true } });
    if (!objection) throw new NotFoundError();
    const dossier = await lockDossier(tx, objection.dossierId, target.clusterId!);
    if (dossier.status === "SENT" || dossier.status === "ACCEPTED") throw new UserError("Hồ sơ đã gửi Bộ; không thể trả lời thêm.");
    if (objection.answer) throw new UserError("Ý kiến này đã được trả lời.");
    const after = { answer: input.answer, answerText: input.answerText, answeredAt: new Date(), answeredByName: actor.displayName };
    await tx.dossierObjection.update({ where: { id: objection.id }, data: after });
    if (input.answer === "WITHDRAWN") await tx.dossierItem.updateMany({ where: { id: objection.itemId, status: "PROPOSED" }, data: { status: "WITHDRAWN" } });
    return {
      message: `Đã trả lời ý kiến: ${OBJECTION_ANSWERS[input.answer].toLowerCase()}.`,
      audit: { entityType: "DossierObjection", entityId: objection.id, before: { answer: null }, after: { answer: input.answer, answerText: input.answerText, itemWithdrawn: input.answer === "WITHDRAWN" } },
    };
  },
});
