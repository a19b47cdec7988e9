// The demo's open year, the one containing today (docs/domain.md §1): in registration, with the dates
// of calendar.ts demoCurrentYearPlan — the registration deadline passed a few days ago, the report
// deadline and the conference ahead. Cục An ninh mạng… and Cục Quản lý xuất nhập cảnh submitted on
// time; Cục Ngoại tuyến and Bộ Tư lệnh Cảnh vệ are drafting on the extension the secretariat granted;
// Cục Kỹ thuật nghiệp vụ has only signed its agreement and is late. The criteria table is copied from
// last year and published. Registrations follow the engine on the whole generated history; a
// discipline record opened after a unit submitted shows on its page as a warning, as it would live.
import { endOfVietnamDay } from "@/domain/registration-window";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { DEMO_UNIT_CODES, displayDay, type CurrentYearPlan, type DemoUnitCode } from "./calendar";
import { criteriaSpecFor, insertCriteriaTable } from "./criteria-2022";
import { agreementSigner, writeDisciplines } from "./later-years";
import { openDisciplines, planRegistrations, type DemoWorld } from "./officer-years";

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** yyyy-mm-ddTHH:mm, Hà Nội time. */
const at = (local: string) => new Date(`${local}:00+07:00`);

export type OpenYearSummary = {
  year: number;
  units: Record<DemoUnitCode, { state: string; registered: number; officers: number; target: string | null }>;
};

export async function seedOpenYear(tx: Tx, world: DemoWorld, ctx: { yearId: string; plan: CurrentYearPlan }): Promise<OpenYearSummary> {
  const { plan, yearId } = ctx;
  const { year, today } = plan;
  await writeDisciplines(tx, openDisciplines(world, year, today));
  await insertCriteriaTable(tx, yearId, criteriaSpecFor(year), { publishedAt: new Date(`${plan.tablePublishedOn}T09:00:00+07:00`), copiedFromYear: year - 1 });

  const units = {} as OpenYearSummary["units"];
  const unitRegistrations: Prisma.UnitRegistrationCreateManyInput[] = [];
  const officerRegistrations: Prisma.OfficerRegistrationCreateManyInput[] = [];
  for (const unit of DEMO_UNIT_CODES) {
    const state = plan.units[unit];
    const knownOn = state.submittedAt?.slice(0, 10) ?? today;
    const planned = planRegistrations(world, unit, year, state, knownOn);
    for (const p of planned.proposals) officerRegistrations.push({ emulationYearId: yearId, unitId: world.unitIds[unit], officerId: p.officerId, titleCode: p.title });
    const target = state.state === "LATE" ? null : (planned.target ?? (state.state === "SUBMITTED" ? state.targets.at(-1)! : null));
    unitRegistrations.push({
      emulationYearId: yearId,
      unitId: world.unitIds[unit],
      targetTitleCode: target,
      status: state.state === "SUBMITTED" ? "SUBMITTED" : "DRAFT",
      submittedAt: state.submittedAt ? at(state.submittedAt) : null,
      ...(state.state === "DRAFT"
        ? {
            reopenedUntil: endOfVietnamDay(plan.extendedUntil),
            reopenReason: `Gia hạn theo đề nghị của đơn vị (bổ sung đăng ký của cán bộ, chiến sĩ) đến hết ngày ${displayDay(plan.extendedUntil)}.`,
          }
        : {}),
      agreementSignedOn: dateOf(state.agreementSignedOn),
      agreementSigner: agreementSigner(world, unit),
      // When each row was last touched: the submission, the extension, the agreement.
      createdAt: at(`${state.agreementSignedOn}T10:00`),
      updatedAt: state.submittedAt ? at(state.submittedAt) : state.state === "DRAFT" ? at(`${plan.extendedOn}T15:30`) : at(`${state.agreementSignedOn}T10:00`),
    });
    units[unit] = { state: state.state, registered: planned.proposals.length, officers: world.byUnit[unit].length, target };
  }
  await tx.unitRegistration.createMany({ data: unitRegistrations });
  if (officerRegistrations.length) await tx.officerRegistration.createMany({ data: officerRegistrations });

  const summary: OpenYearSummary = { year, units };
  await tx.auditLog.create({
    data: {
      actorName: "Hệ thống",
      action: "seed.open-year",
      entityType: "System",
      entityId: null,
      clusterId: world.clusterId,
      after: { ...summary, today, deadlines: plan.deadlines, extendedUntil: plan.extendedUntil },
    },
  });
  return summary;
}
