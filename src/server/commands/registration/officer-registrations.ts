import { z } from "zod";
import { titleCodeField, yearIdField, touch, unitYearAudit, unitRegistrationCommand } from "./shared";
import { applyRegistrations, savedMessage } from "./apply-rows";

/** Most rows one save may carry (the table sends one page of 50; an import may send more). */
export const MAX_BATCH_ROWS = 5000;

/** A JSON text (from the table form) or an array (from code and tests). */
const jsonArray = (value: unknown) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const rowsField = z.preprocess(
  jsonArray,
  z
    .array(
      z.object({
        officerId: z.uuid("Mã cán bộ không hợp lệ."),
        titleCode: titleCodeField(),
        was: titleCodeField().optional(),
      }),
      { error: "Danh sách đăng ký không hợp lệ." },
    )
    .min(1, "Không có thay đổi nào để lưu.")
    .max(MAX_BATCH_ROWS, `Mỗi lần lưu tối đa ${MAX_BATCH_ROWS} cán bộ.`),
);

export const saveOfficerRegistrationsInput = z.object({ emulationYearId: yearIdField, rows: rowsField });

export const saveOfficerRegistrations = unitRegistrationCommand({
  name: "registration.officers.save",
  label: "Lưu đăng ký của cán bộ",
  phases: "registration",
  input: saveOfficerRegistrationsInput,
  async run(tx, input, { scope, unitYear }) {
    const result = await applyRegistrations(tx, scope, unitYear, input.rows);
    await touch(tx, unitYear.registration.id);
    const changed = result.added + result.changed + result.removed;
    return {
      data: { added: result.added, changed: result.changed, removed: result.removed },
      message: savedMessage(result, `Đã lưu đăng ký của ${changed} cán bộ`),
      audit: unitYearAudit(
        unitYear,
        { registrations: result.audit.before },
        { registrations: result.audit.after, quota: result.quota.message },
      ),
    };
  },
});
