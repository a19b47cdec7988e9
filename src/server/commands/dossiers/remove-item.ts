import { z } from "zod";
import { isEditable, NOT_EDITABLE } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { itemDossier, lockDossier } from "@/server/store/dossiers";
import { defineCommand, NotFoundError, UserError } from "../command";
import { itemIdField } from "./shared";

/** Takes a proposal out while the dossier is with the cluster; one that has objections is kept, marked withdrawn. */
export const removeDossierItem = defineCommand({
  name: "dossier.item.remove",
  label: "Bỏ đề nghị khỏi hồ sơ",
  phases: "results",
  permission: "dossier.manage",
  input: z.object({ itemId: itemIdField }),
  async target(tx, input): Promise<Target> {
    const found = await itemDossier(tx, input.itemId);
    return found ? { clusterId: found.clusterId, yearId: found.yearId } : {};
  },
  async run(tx, input, _actor, target) {
    const found = (await itemDossier(tx, input.itemId))!;
    const dossier = await lockDossier(tx, found.dossierId, target.clusterId!);
    if (!isEditable(dossier.status)) throw new UserError(NOT_EDITABLE);
    const item = await tx.dossierItem.findUnique({ where: { id: input.itemId }, select: { id: true, kind: true, unitId: true, officerId: true, titleCode: true, commendationForm: true, status: true, _count: { select: { objections: true } } } });
    if (!item) throw new NotFoundError();
    if (item.status !== "PROPOSED") throw new UserError("Đề nghị này đã được rút hoặc đã được giải quyết.");
    const { _count, ...before } = item;
    if (_count.objections > 0) {
      await tx.dossierItem.update({ where: { id: item.id }, data: { status: "WITHDRAWN" } });
    } else {
      await tx.dossierItem.delete({ where: { id: item.id } });
    }
    return {
      message: _count.objections > 0 ? "Đã rút đề nghị (giữ lại cùng các ý kiến đã gửi về đề nghị này)." : "Đã bỏ đề nghị khỏi hồ sơ.",
      audit: { entityType: "DossierItem", entityId: item.id, before, after: _count.objections > 0 ? { ...before, status: "WITHDRAWN" } : undefined },
    };
  },
});
