import { z } from "zod";
import { INDIVIDUAL_TITLES, titleLabel } from "@/domain/eligibility";
import { idField, requiredText } from "@/domain/validation";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { registrationRefusals } from "@/server/store/registration-refusals";
import { UserError } from "../command";
import { officerScope } from "../results/shared";
import { yearIdField, unitYearCommand } from "./shared";

export const overrideRegistrationInput = z.object({
  emulationYearId: yearIdField,
  officerId: idField("Cán bộ"),
  titleCode: z.enum(INDIVIDUAL_TITLES, { error: "Vui lòng chọn danh hiệu." }),
  reason: requiredText("Lý do cho phép", 1000),
});

/**
 * The secretariat lifts a registration refusal (docs/domain.md §4 step 2: a condition already decided,
 * such as a discipline of the year or a missing past prerequisite year) for one officer and title of a
 * year, with a written reason; audited with the refusal it lifts. The unit then registers as usual.
 */
export const overrideRegistration = unitYearCommand("registration.reopen", (tx, input: { officerId: string }) => officerScope(tx, input.officerId))({
  name: "registration.title.override",
  label: "Cho phép đăng ký danh hiệu bị từ chối",
  phases: "yearSetup",
  input: overrideRegistrationInput,
  async run(tx, input, { unitYear }, actor) {
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true, code: true, active: true } });
    if (!officer.active) throw new UserError(`Cán bộ ${officer.fullName} không còn công tác; không đăng ký danh hiệu.`, { officerId: ["Cán bộ không còn công tác."] });
    const { year } = unitYear;
    if (year.phase === "CLOSED") throw new UserError(YEAR_CLOSED_MESSAGE);
    const existing = await tx.registrationOverride.findUnique({
      where: { emulationYearId_officerId_titleCode: { emulationYearId: year.id, officerId: input.officerId, titleCode: input.titleCode } },
      select: { id: true },
    });
    if (existing) throw new UserError(`${officer.fullName} đã được cho phép đăng ký ${titleLabel(input.titleCode)} năm ${year.year}.`, { titleCode: ["Đã được cho phép."] });
    const refusal = (await registrationRefusals(tx, year, [{ officerId: input.officerId, officerName: `${officer.fullName} (${officer.code})`, title: input.titleCode }])).get(input.officerId);
    if (!refusal) {
      const message = `Không cần cho phép: ${officer.fullName} đăng ký được ${titleLabel(input.titleCode)} năm ${year.year} (điều kiện còn thiếu, nếu có, chỉ là cảnh báo).`;
      throw new UserError(message, { titleCode: [message] });
    }
    const row = await tx.registrationOverride.create({
      data: { emulationYearId: year.id, officerId: input.officerId, titleCode: input.titleCode, reason: input.reason, createdById: actor.userId, createdByName: actor.displayName },
      select: { id: true },
    });
    return {
      data: { id: row.id },
      message: `Đã cho phép ${officer.fullName} đăng ký ${titleLabel(input.titleCode)} năm ${year.year}.`,
      audit: { entityType: "RegistrationOverride", entityId: row.id, after: { year: year.year, officerId: input.officerId, titleCode: input.titleCode, reason: input.reason, refusal } },
    };
  },
});
