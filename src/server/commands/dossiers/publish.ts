import { z } from "zod";
import { disclosureWindow, DOSSIER_STATUSES, isEditable } from "@/domain/awards";
import { formatIso } from "@/domain/excel-rows";
import { parseYearSettings } from "@/domain/year-settings";
import { dossierScope, lockDossier } from "@/server/store/dossiers";
import { holidaysFrom } from "@/server/store/holidays";
import { defineCommand, UserError } from "../command";
import { dossierIdField, dossierSnapshot, ENTITY, recordEvent, today } from "./shared";

/**
 * Publishes the list to every member unit for the disclosure window (the year's setting, in working
 * days: no weekends, no public holidays from the admin's calendar). From DRAFT, or again after the
 * Ministry returned it (a new window; earlier objections and answers are kept).
 */
export const publishDossier = defineCommand({
  name: "dossier.publish",
  label: "Công khai hồ sơ đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.manage",
  input: z.object({ dossierId: dossierIdField }),
  target: (tx, input) => dossierScope(tx, input.dossierId),
  async run(tx, input, actor, target) {
    const dossier = await lockDossier(tx, input.dossierId, target.clusterId!);
    if (!isEditable(dossier.status)) throw new UserError(`Hồ sơ ${DOSSIER_STATUSES[dossier.status].toLowerCase()}; không thể công khai lại.`);
    const proposed = await tx.dossierItem.count({ where: { dossierId: dossier.id, status: "PROPOSED" } });
    if (proposed === 0) throw new UserError("Hồ sơ chưa có đề nghị nào để công khai.");
    const before = await dossierSnapshot(tx, dossier);
    const days = parseYearSettings(dossier.emulationYear.settings).disclosureWorkingDays;
    const publishedOn = today();
    const { lastDay } = disclosureWindow(publishedOn, days, await holidaysFrom(publishedOn, tx));
    const updated = await tx.dossier.update({
      where: { id: dossier.id },
      data: { status: "DISCLOSING", disclosedAt: new Date(), disclosureDays: days, disclosureEndsOn: new Date(`${lastDay}T00:00:00Z`) },
    });
    await recordEvent(tx, dossier.id, actor, "PUBLISHED", { snapshot: { days, lastDay, proposed } });
    return {
      message: `Đã công khai ${proposed} đề nghị cho các đơn vị trong cụm; các đơn vị gửi ý kiến đến hết ngày ${formatIso(lastDay)} (${days} ngày làm việc).`,
      audit: { entityType: ENTITY, entityId: dossier.id, before, after: await dossierSnapshot(tx, { ...updated, status: "DISCLOSING" }) },
    };
  },
});
