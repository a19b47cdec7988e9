// Điều động cán bộ (docs/domain.md §11): the officer moves to another member unit, of the same cluster
// (the secretariat of the officer's cluster, or the admin) or of another (the admin). What was recorded
// before the effective date stays with the unit served then (the database stamps each record's unit,
// migration officer_transfers); the officer's registrations of the transfer's year and later follow
// them within the cluster and are withdrawn when they leave it (another cluster's year is not theirs).
import { z } from "zod";
import { can } from "@/domain/permissions";
import { latestRecord, transferRefusal } from "@/domain/transfers";
import { idField, requiredDate, requiredText } from "@/domain/validation";
import { vietnamToday } from "@/domain/vietnam-calendar";
import { appNow } from "@/server/clock";
import { officerRecordDates } from "@/server/store/officer-transfers";
import { defineCommand, INVALID_INPUT, NotFoundError, UserError } from "../command";
import { namedOfficer, toDate } from "../results/shared";

export const transferOfficerInput = z.object({
  officerId: idField("Cán bộ"),
  toUnitId: idField("Đơn vị nhận"),
  effectiveDate: requiredDate("Ngày hiệu lực"),
  decisionNo: requiredText("Số quyết định", 60),
  decisionDate: requiredDate("Ngày quyết định"),
  decisionSigner: requiredText("Người ký", 120),
});


export const transferOfficer = defineCommand({
  name: "officer.transfer",
  label: "Điều động cán bộ",
  permission: "officer.transfer",
  input: transferOfficerInput,
  // The officer's present unit as stored.
  target: (tx, input) => namedOfficer(tx, input),
  async run(tx, input, actor, target) {
    if (!target.unitId || !target.clusterId) throw new NotFoundError();
    // One transfer of an officer at a time: the row locked, then read as it now is.
    await tx.$queryRaw`SELECT 1 FROM "Officer" WHERE id = ${input.officerId}::uuid FOR UPDATE`;
    const officer = await tx.officer.findUniqueOrThrow({
      where: { id: input.officerId },
      select: { id: true, code: true, fullName: true, active: true, unitId: true, subUnitId: true },
    });
    if (officer.unitId !== target.unitId) throw new UserError("Cán bộ vừa được điều động sang đơn vị khác; hãy tải lại trang.");
    const to = await tx.unit.findUnique({
      where: { id: input.toUnitId },
      select: { id: true, name: true, parentId: true, active: true, clusterId: true, cluster: { select: { active: true } } },
    });
    const refusal = transferRefusal({
      officerActive: officer.active,
      fromUnitId: officer.unitId,
      toUnit: to && { id: to.id, member: !to.parentId, active: to.active && to.cluster.active, sameCluster: to.clusterId === target.clusterId },
      mayReachCluster: !!to && can(actor, "officer.transfer", { clusterId: to.clusterId, unitId: to.id }),
      effectiveDate: input.effectiveDate,
      decisionDate: input.decisionDate,
      today: vietnamToday(appNow()),
      latest: latestRecord(await officerRecordDates(tx, officer.id)),
    });
    if (refusal) throw new UserError(refusal.field ? INVALID_INPUT : refusal.message, refusal.field ? { [refusal.field]: [refusal.message] } : undefined);
    const sameCluster = to!.clusterId === target.clusterId;

    const transfer = await tx.officerTransfer.create({
      data: {
        officerId: officer.id,
        fromUnitId: officer.unitId,
        toUnitId: to!.id,
        effectiveDate: toDate(input.effectiveDate)!,
        decisionNo: input.decisionNo,
        decisionDate: toDate(input.decisionDate)!,
        decisionSigner: input.decisionSigner,
        recordedById: actor.userId,
      },
      select: { id: true, fromUnitId: true, toUnitId: true, effectiveDate: true, decisionNo: true, decisionDate: true, decisionSigner: true },
    });
    // The sub-unit (phòng, đội) was the old unit's: the new unit places the officer.
    await tx.officer.update({ where: { id: officer.id }, data: { unitId: to!.id, subUnitId: null } });
    const fromYear = Number(input.effectiveDate.slice(0, 4));
    const found = await tx.$queryRaw<{ id: string; year: number; titleCode: string; closed: boolean }[]>`
      SELECT g.id::text AS id, y.year, g."titleCode", y.phase = 'CLOSED' AS closed FROM "OfficerRegistration" g JOIN "EmulationYear" y ON y.id = g."emulationYearId"
      WHERE g."officerId" = ${officer.id}::uuid AND y.year >= ${fromYear} AND g."unitId" = ${officer.unitId}::uuid`;
    // A closed year's registration is its books' (docs/domain.md §4 step 8): a transfer inside it would change them.
    const closed = found.find((r) => r.closed);
    if (closed) {
      const message = `Năm ${closed.year} đã khóa sổ và cán bộ có đăng ký thi đua năm đó tại đơn vị; ngày hiệu lực phải từ năm ${closed.year + 1}.`;
      throw new UserError(INVALID_INPUT, { effectiveDate: [message] });
    }
    const registrations = found.map(({ id, year, titleCode }) => ({ id, year, titleCode }));
    const ids = registrations.map((r) => r.id);
    if (ids.length > 0 && sameCluster) {
      await tx.$executeRaw`UPDATE "OfficerRegistration" SET "unitId" = ${to!.id}::uuid, "updatedAt" = now() WHERE id = ANY(${ids}::uuid[])`;
    } else if (ids.length > 0) {
      await tx.$executeRaw`DELETE FROM "OfficerRegistration" WHERE id = ANY(${ids}::uuid[])`;
    }
    const registrationNote = ids.length === 0 ? "" : sameCluster ? " Đăng ký thi đua của năm điều động được chuyển theo." : " Đăng ký thi đua tại cụm cũ của năm điều động đã được rút.";
    return {
      data: { id: transfer.id },
      message: `Đã điều động cán bộ ${officer.fullName} sang ${to!.name}.${registrationNote}`,
      audit: {
        entityType: "Officer",
        entityId: officer.id,
        before: { unitId: officer.unitId, subUnitId: officer.subUnitId },
        after: {
          unitId: to!.id,
          subUnitId: null,
          transfer,
          registrations: registrations.map((r) => ({ ...r, outcome: sameCluster ? "moved" : "withdrawn" })),
        },
      },
      alsoWroteTo: sameCluster ? undefined : { clusterId: to!.clusterId, unitId: to!.id },
    };
  },
});
