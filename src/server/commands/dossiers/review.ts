import { z } from "zod";
import { reasonText } from "@/domain/validation";
import { dossierScope, lockDossier } from "@/server/store/dossiers";
import { defineCommand, UserError } from "../command";
import { dossierIdField, dossierSnapshot, ENTITY, recordEvent } from "./shared";

const NOT_SENT = "Hồ sơ không ở trạng thái chờ Bộ xem xét.";

/** The Ministry office returns a sent dossier with a reason: the cluster amends it and sends it again. */
export const returnDossier = defineCommand({
  name: "dossier.return",
  label: "Trả lại hồ sơ đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.review",
  input: z.object({ dossierId: dossierIdField, reason: reasonText("Lý do trả lại", "Vui lòng nêu lý do trả lại hồ sơ.") }),
  target: (tx, input) => dossierScope(tx, input.dossierId),
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    if (dossier.status !== "SENT") throw new UserError(NOT_SENT);
    const before = await dossierSnapshot(tx, dossier);
    const updated = await tx.dossier.update({ where: { id: dossier.id }, data: { status: "RETURNED", returnedAt: new Date(), returnReason: input.reason } });
    await recordEvent(tx, dossier.id, actor, "RETURNED", { reason: input.reason });
    return {
      message: "Đã trả lại hồ sơ cho cụm kèm lý do.",
      audit: { entityType: ENTITY, entityId: dossier.id, before, after: { ...(await dossierSnapshot(tx, { ...updated, status: "RETURNED" })), reason: input.reason } },
    };
  },
});

/** The Ministry office accepts a sent dossier: decisions may then be recorded on it. */
export const acceptDossier = defineCommand({
  name: "dossier.accept",
  label: "Tiếp nhận hồ sơ đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.review",
  input: z.object({ dossierId: dossierIdField }),
  target: (tx, input) => dossierScope(tx, input.dossierId),
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    if (dossier.status !== "SENT") throw new UserError(NOT_SENT);
    const before = await dossierSnapshot(tx, dossier);
    const updated = await tx.dossier.update({ where: { id: dossier.id }, data: { status: "ACCEPTED", acceptedAt: new Date() } });
    await recordEvent(tx, dossier.id, actor, "ACCEPTED");
    return {
      message: "Đã tiếp nhận hồ sơ; có thể ghi quyết định khen thưởng.",
      audit: { entityType: ENTITY, entityId: dossier.id, before, after: await dossierSnapshot(tx, { ...updated, status: "ACCEPTED" }) },
    };
  },
});
