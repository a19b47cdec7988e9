import { z } from "zod";
import { ITEM_KINDS, subjectKey, type HeldUnitTitle } from "@/domain/awards";
import { collectiveLevel, titleLabel, type CollectiveTitle } from "@/domain/eligibility";
import { idField, optionalText } from "@/domain/validation";
import { eligibilitySettingsOf, parseYearSettings } from "@/domain/year-settings";
import { appNow } from "@/server/clock";
import { calendarToday } from "@/server/store/dossiers";
import { checkUnitTitle, conferenceFacts } from "@/server/store/dossier-evidence";
import { loadWritableYear, yearScope } from "@/server/store/years";
import { defineCommand, UserError } from "../command";
import { ENTITY, heldUnitTitles } from "./shared";

const AFTER_CONFERENCE = new Set(["CONFERENCE", "RESULTS"]);

/**
 * Builds the cluster-year's dossier from what the conference decided: every unit elected in a closed
 * acclaim round is proposed for that title, with its evidence, when the rules admit it (highest title
 * first); those the rules refuse are named with the rule in the answer. Further items (officers,
 * commendations, units proposed for a title without a vote) are added one by one.
 */
export const buildDossier = defineCommand({
  name: "dossier.build",
  label: "Lập hồ sơ đề nghị khen thưởng",
  phases: "results",
  permission: "dossier.manage",
  input: z.object({ yearId: idField("Năm thi đua"), memoNo: optionalText("Số tờ trình", 60) }),
  target: (tx, input) => yearScope(tx, input.yearId),
  async run(tx, input, actor, target) {
    const year = await loadWritableYear(tx, input.yearId, target.clusterId!);
    if (!AFTER_CONFERENCE.has(year.phase)) throw new UserError(`Năm ${year.year} chưa đến hội nghị tổng kết; hồ sơ đề nghị khen thưởng được lập từ kết quả hội nghị.`);
    if (await tx.dossier.findUnique({ where: { emulationYearId: year.id }, select: { id: true } })) throw new UserError(`Cụm đã có hồ sơ đề nghị khen thưởng năm ${year.year}.`);
    const dossier = await tx.dossier.create({ data: { emulationYearId: year.id, memoNo: input.memoNo } });
    const facts = await conferenceFacts(tx, year.id);
    const settings = eligibilitySettingsOf(parseYearSettings(year.settings));
    const units = new Map((await tx.unit.findMany({ where: { clusterId: year.clusterId, parentId: null }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
    const held: HeldUnitTitle[] = await heldUnitTitles(tx, dossier);
    const takenAt = appNow();
    const asOf = calendarToday();
    const added: string[] = [];
    const refused: string[] = [];
    const acclaimed = [...facts.acclaimed].sort((a, b) => collectiveLevel(b.titleCode as CollectiveTitle) - collectiveLevel(a.titleCode as CollectiveTitle));
    for (const { unitId, titleCode } of acclaimed) {
      const unitName = units.get(unitId);
      if (!unitName) continue;
      const title = titleCode as CollectiveTitle;
      const { refusal, evidence } = await checkUnitTitle(tx, { unitId, unitName, year: year.year, title, settings, facts, held, asOf, takenAt });
      if (refusal) {
        refused.push(refusal.message);
        continue;
      }
      await tx.dossierItem.create({
        data: { dossierId: dossier.id, kind: "UNIT_TITLE", unitId, titleCode: title, subjectKey: subjectKey("UNIT_TITLE", unitId), evidence, addedByName: actor.displayName },
      });
      held.push({ unitId, unitName, title });
      added.push(`${unitName} — ${titleLabel(title)}`);
    }
    return {
      data: { id: dossier.id },
      message:
        `Đã lập hồ sơ đề nghị khen thưởng năm ${year.year}` +
        (added.length ? ` với ${added.length} ${ITEM_KINDS.UNIT_TITLE.toLowerCase()} từ kết quả suy tôn: ${added.join("; ")}.` : "; chưa có đơn vị nào được suy tôn trong vòng bỏ phiếu đã kết thúc.") +
        (refused.length ? ` Không đưa vào hồ sơ: ${refused.join(" ")}` : ""),
      audit: { entityType: ENTITY, entityId: dossier.id, after: { yearId: year.id, status: "DRAFT", items: added.length, refused } },
    };
  },
});
