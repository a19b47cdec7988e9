import { z } from "zod";
import { dependantsOf, type LaterRecord, type RevokedAward } from "@/domain/awards";
import { titleLabel, type CollectiveTitle, type IndividualTitle } from "@/domain/eligibility";
import type { Target } from "@/domain/permissions";
import { idField, reasonText, requiredText } from "@/domain/validation";
import { allowClosedYearWrites } from "@/server/closed-year-guard";
import type { Tx } from "@/server/db";
import { lockCluster } from "@/server/store/locks";
import { defineCommand, NotFoundError, UserError } from "../command";
import { officerScope } from "../results/shared";

const KINDS = ["UNIT_TITLE", "OFFICER_TITLE", "COMMENDATION"] as const;
type Kind = (typeof KINDS)[number];

export const revokeAwardInput = z.object({
  kind: z.enum(KINDS, { error: "Loại khen thưởng không hợp lệ." }),
  id: idField("Khen thưởng"),
  reason: reasonText("Lý do thu hồi", "Vui lòng nêu lý do thu hồi."),
  decisionNo: requiredText("Số quyết định thu hồi", 60),
});

async function scopeOf(tx: Tx, kind: Kind, id: string): Promise<Target> {
  if (kind === "UNIT_TITLE") {
    const r = await tx.unitYearResult.findUnique({ where: { id }, select: { unitId: true, emulationYear: { select: { clusterId: true } } } });
    return r ? { clusterId: r.emulationYear.clusterId, unitId: r.unitId } : {};
  }
  if (kind === "OFFICER_TITLE") {
    const r = await tx.officerYearResult.findUnique({ where: { id }, select: { officerId: true } });
    return r ? officerScope(tx, r.officerId) : {};
  }
  const c = await tx.commendation.findUnique({ where: { id }, select: { officerId: true, unitId: true, unit: { select: { clusterId: true } } } });
  if (!c) return {};
  return c.officerId ? officerScope(tx, c.officerId) : { clusterId: c.unit!.clusterId, unitId: c.unitId };
}

/** Later records of the same officer or unit (years Y…Y+5) the rules may have read the award for. */
async function laterRecords(tx: Tx, kind: Kind, subject: { officerId?: string | null; unitId: string }, year: number): Promise<LaterRecord[]> {
  const out: LaterRecord[] = [];
  const years = { gte: year, lte: year + 5 };
  if (subject.officerId) {
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: subject.officerId }, select: { fullName: true } });
    const rows = await tx.officerYearResult.findMany({ where: { officerId: subject.officerId, year: { gt: year, lte: year + 5 }, awardedTitleCode: { not: null } }, select: { id: true, year: true, awardedTitleCode: true } });
    out.push(...rows.map((r) => ({ id: r.id, kind: "OFFICER_TITLE" as const, year: r.year, title: r.awardedTitleCode!, subject: officer.fullName })));
    const items = await tx.dossierItem.findMany({ where: { officerId: subject.officerId, status: "PROPOSED", dossier: { emulationYear: { year: { gt: year, lte: year + 5 } } } }, select: { id: true, titleCode: true, dossier: { select: { emulationYear: { select: { year: true } } } } } });
    out.push(...items.filter((i) => i.titleCode).map((i) => ({ id: i.id, kind: "DOSSIER_ITEM" as const, year: i.dossier.emulationYear.year, title: i.titleCode!, subject: officer.fullName })));
  }
  if (kind !== "COMMENDATION") {
    const units = await tx.unitYearResult.findMany({
      where: { unitId: subject.unitId, awardedTitleCode: { not: null }, emulationYear: { year: years } },
      select: { id: true, awardedTitleCode: true, unit: { select: { name: true } }, emulationYear: { select: { year: true } } },
    });
    out.push(...units.map((u) => ({ id: u.id, kind: "UNIT_TITLE" as const, year: u.emulationYear.year, title: u.awardedTitleCode!, subject: u.unit.name })));
  }
  return out;
}

/**
 * The Ministry office revokes an awarded title or a commendation (thu hồi; Luật Thi đua, khen thưởng
 * 2022, chương VII) with a reason and the revoking decision's number. The record is kept and marked
 * (a title moves to revokedTitleCode, so that no rule counts it any more); nothing is deleted. A past,
 * closed year may be corrected this way: an explicit, audited correction like an amendment. The later
 * records that relied on it are listed for the secretariat.
 */
export const revokeAward = defineCommand({
  name: "award.revoke",
  label: "Thu hồi danh hiệu, khen thưởng",
  permission: "award.revoke",
  input: revokeAwardInput,
  target: (tx, input) => scopeOf(tx, input.kind, input.id),
  async run(tx, input, _actor, target) {
    await lockCluster(tx, target.clusterId!);
    await allowClosedYearWrites(tx);
    const marks = { revokedAt: new Date(), revokeReason: input.reason, revokeDecisionNo: input.decisionNo };
    let revoked: RevokedAward;
    let subject: { officerId?: string | null; unitId: string };
    let what: string;
    if (input.kind === "COMMENDATION") {
      const c = await tx.commendation.findUnique({ where: { id: input.id } });
      if (!c) throw new NotFoundError();
      if (c.revokedAt) throw new UserError("Khen thưởng này đã bị thu hồi.");
      await tx.commendation.update({ where: { id: c.id }, data: marks });
      revoked = { kind: "COMMENDATION", year: c.year };
      subject = { officerId: c.officerId, unitId: c.unitId ?? target.unitId! };
      what = `${c.form} (Quyết định số ${c.decisionNo})`;
    } else if (input.kind === "OFFICER_TITLE") {
      const r = await tx.officerYearResult.findUnique({ where: { id: input.id }, include: { officer: { select: { unitId: true } } } });
      if (!r) throw new NotFoundError();
      if (!r.awardedTitleCode) throw new UserError(r.revokedAt ? "Danh hiệu này đã bị thu hồi." : "Năm này không có danh hiệu được công nhận để thu hồi.");
      await tx.officerYearResult.update({ where: { id: r.id }, data: { ...marks, revokedTitleCode: r.awardedTitleCode, awardedTitleCode: null } });
      revoked = { kind: "OFFICER_TITLE", year: r.year, title: r.awardedTitleCode as IndividualTitle };
      subject = { officerId: r.officerId, unitId: r.officer.unitId };
      what = `${titleLabel(r.awardedTitleCode as IndividualTitle)} năm ${r.year}`;
    } else {
      const r = await tx.unitYearResult.findUnique({ where: { id: input.id }, include: { emulationYear: { select: { year: true } } } });
      if (!r) throw new NotFoundError();
      if (!r.awardedTitleCode) throw new UserError(r.revokedAt ? "Danh hiệu này đã bị thu hồi." : "Năm này không có danh hiệu được công nhận để thu hồi.");
      await tx.unitYearResult.update({ where: { id: r.id }, data: { ...marks, revokedTitleCode: r.awardedTitleCode, awardedTitleCode: null } });
      revoked = { kind: "UNIT_TITLE", year: r.emulationYear.year, title: r.awardedTitleCode as CollectiveTitle };
      subject = { unitId: r.unitId };
      what = `${titleLabel(r.awardedTitleCode as CollectiveTitle)} năm ${r.emulationYear.year}`;
    }
    const dependants = dependantsOf(revoked, await laterRecords(tx, input.kind, subject, revoked.year));
    return {
      data: { dependants },
      message:
        `Đã thu hồi ${what} theo Quyết định số ${input.decisionNo}; hồ sơ được giữ lại và đánh dấu đã thu hồi.` +
        (dependants.length ? ` Cần xem lại ${dependants.length} kết quả về sau có dựa vào khen thưởng này: ${dependants.map((d) => `${d.subject} — ${d.title} năm ${d.year}`).join("; ")}.` : ""),
      audit: { entityType: input.kind === "COMMENDATION" ? "Commendation" : input.kind === "OFFICER_TITLE" ? "OfficerYearResult" : "UnitYearResult", entityId: input.id, after: { ...revoked, reason: input.reason, decisionNo: input.decisionNo, dependants: dependants.map((d) => ({ id: d.id, kind: d.kind, year: d.year, title: d.title })) } },
    };
  },
});
