import { z } from "zod";
import { COLLECTIVE_TITLES } from "@/domain/eligibility";
import { UserError } from "../command";
import { yearIdField, titleCodeField, unitYearAudit, unitRegistrationCommand } from "./shared";

const COLLECTIVE = new Set<string>(COLLECTIVE_TITLES);

export const setUnitTargetInput = z.object({
  emulationYearId: yearIdField,
  titleCode: titleCodeField(z.string({ error: "Vui lòng chọn danh hiệu của đơn vị." })),
});

export const setUnitTarget = unitRegistrationCommand({
  name: "registration.unit.target",
  label: "Đăng ký danh hiệu tập thể",
  phases: "registration",
  input: setUnitTargetInput,
  async run(tx, input, { unitYear }) {
    const code = input.titleCode || null;
    let name: string | null = null;
    if (code) {
      const title = await tx.titleDefinition.findUnique({ where: { code }, select: { kind: true, active: true, name: true } });
      if (!title || title.kind !== "COLLECTIVE" || !title.active || !COLLECTIVE.has(code)) {
        const message = "Danh hiệu không hợp lệ hoặc không phải danh hiệu tập thể đang áp dụng.";
        throw new UserError(message, { titleCode: [message] });
      }
      name = title.name;
    }
    const before = unitYear.registration.targetTitleCode;
    await tx.unitRegistration.update({ where: { id: unitYear.registration.id }, data: { targetTitleCode: code } });
    return {
      message: before === code ? "Không có thay đổi nào." : name ? `Đã lưu danh hiệu đăng ký của đơn vị: ${name}.` : "Đã bỏ danh hiệu đăng ký của đơn vị.",
      audit: unitYearAudit(unitYear, { targetTitleCode: before }, { targetTitleCode: code }),
    };
  },
});
