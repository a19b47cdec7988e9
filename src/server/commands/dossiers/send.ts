import { z } from "zod";
import { sendRefusal } from "@/domain/awards";
import { dossierScope, isoOfDate, lockDossier } from "@/server/store/dossiers";
import { defineCommand, UserError } from "../command";
import { dossierIdField, dossierSnapshot, ENTITY, recordEvent, today } from "./shared";

/** Sends the dossier to the Ministry office: the window has ended and every objection has its answer. */
export const sendDossier = defineCommand({
  name: "dossier.send",
  label: "Gửi hồ sơ đề nghị khen thưởng lên Bộ",
  phases: "results",
  permission: "dossier.manage",
  input: z.object({ dossierId: dossierIdField }),
  target: (tx, input) => dossierScope(tx, input.dossierId),
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    const [unanswered, proposed, addedSincePublication] = await Promise.all([
      tx.dossierObjection.count({ where: { dossierId: dossier.id, answer: null } }),
      tx.dossierItem.count({ where: { dossierId: dossier.id, status: "PROPOSED" } }),
      dossier.disclosedAt ? tx.dossierItem.count({ where: { dossierId: dossier.id, status: "PROPOSED", addedAt: { gt: dossier.disclosedAt } } }) : Promise.resolve(0),
    ]);
    const refusal = sendRefusal({ status: dossier.status, today: today(), lastDay: isoOfDate(dossier.disclosureEndsOn), unanswered, proposed, addedSincePublication });
    if (refusal) throw new UserError(refusal);
    const before = await dossierSnapshot(tx, dossier);
    const updated = await tx.dossier.update({ where: { id: dossier.id }, data: { status: "SENT", sentAt: new Date(), sendCount: { increment: 1 } } });
    const after = await dossierSnapshot(tx, { ...updated, status: "SENT" });
    await recordEvent(tx, dossier.id, actor, "SENT", { snapshot: after });
    return {
      message: `Đã gửi hồ sơ (${proposed} đề nghị) lên Thường trực Hội đồng Thi đua – Khen thưởng Bộ${updated.sendCount > 1 ? ` (lần ${updated.sendCount})` : ""}.`,
      audit: { entityType: ENTITY, entityId: dossier.id, before, after },
    };
  },
});
