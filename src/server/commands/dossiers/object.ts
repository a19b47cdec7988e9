import { createHash } from "node:crypto";
import { z } from "zod";
import { objectionRefusal } from "@/domain/awards";
import type { Target } from "@/domain/permissions";
import { checkEvidenceFile } from "@/domain/scoring";
import { reasonText } from "@/domain/validation";
import { isoOfDate, itemDossier, lockDossier } from "@/server/store/dossiers";
import { ownUnitScope } from "@/server/store/unit-scopes";
import { defineCommand, UserError } from "../command";
import { itemIdField, today } from "./shared";

export const lodgeObjectionInput = z.object({
  itemId: itemIdField,
  reason: reasonText("Nội dung ý kiến", "Vui lòng nêu nội dung ý kiến.", 2000),
  /** Optional evidence (PDF or image), checked by its first bytes. */
  file: z.instanceof(File).optional(),
});

/**
 * A member unit's officer or head objects to an item during the disclosure window. The objection is
 * filed under the objecting unit (its own scope); the dossier must be of that unit's cluster.
 */
export const lodgeObjection = defineCommand({
  name: "dossier.objection.lodge",
  label: "Gửi ý kiến về đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.object",
  input: lodgeObjectionInput,
  async target(tx, input, actor): Promise<Target> {
    const [found, own] = await Promise.all([itemDossier(tx, input.itemId), ownUnitScope(tx, actor)]);
    return found && own.clusterId === found.clusterId ? { ...own, yearId: found.yearId } : {};
  },
  async run(tx, input, actor, target) {
    const found = (await itemDossier(tx, input.itemId))!;
    const dossier = await lockDossier(tx, found.dossierId, target.clusterId!);
    const item = await tx.dossierItem.findUniqueOrThrow({ where: { id: input.itemId }, select: { id: true, status: true } });
    const refusal = objectionRefusal({ status: dossier.status, lastDay: isoOfDate(dossier.disclosureEndsOn), today: today(), itemStatus: item.status });
    if (refusal) throw new UserError(refusal);
    let file: { fileName: string; fileType: string; fileSize: number; file: Uint8Array<ArrayBuffer> } | null = null;
    let sha256: string | null = null;
    if (input.file && input.file.size > 0) {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const check = checkEvidenceFile({ name: input.file.name, size: bytes.byteLength, declaredType: input.file.type, head: bytes.subarray(0, 16) });
      if (!check.ok) throw new UserError(check.message, { file: [check.message] });
      file = { fileName: check.fileName, fileType: check.contentType, fileSize: bytes.byteLength, file: bytes };
      sha256 = createHash("sha256").update(bytes).digest("hex");
    }
    const objection = await tx.dossierObjection.create({
      data: { dossierId: dossier.id, itemId: item.id, unitId: target.unitId!, authorName: actor.displayName, reason: input.reason, ...(file ?? {}) },
      select: { id: true },
    });
    return {
      data: { id: objection.id },
      message: "Đã gửi ý kiến; Thư ký Cụm sẽ trả lời trước khi gửi hồ sơ lên Bộ.",
      audit: { entityType: "DossierObjection", entityId: objection.id, after: { dossierId: dossier.id, itemId: item.id, unitId: target.unitId, reason: input.reason, fileName: file?.fileName ?? null, sha256 } },
    };
  },
});
