// The holiday calendar (issue 16): days that are not working days for deadline reminders. The admin
// adds or removes days; the seeded years 2019–2027 come from a migration (src/domain/holidays-vn.ts).
import { z } from "zod";
import { requiredDate, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { UserError, commandFamily } from "./command";

const dateOnly = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The admin's holiday calendar (no scope): each command starts from the stored day its input names, if any. */
const holidayCommand = commandFamily({
  permission: "holiday.manage",
  target: async (_tx, _input: { date: string }) => ({}),
  load: (tx, input) => tx.holiday.findUnique({ where: { date: dateOnly(input.date) } }),
});

export const addHolidayInput = z.object({
  date: requiredDate("Ngày nghỉ"),
  name: requiredText("Tên ngày nghỉ", 200),
});

export const addHoliday = holidayCommand({
  name: "holiday.add",
  label: "Thêm ngày nghỉ lễ",
  input: addHolidayInput,
  async run(tx, input, existing) {
    if (existing) throw new UserError(`Ngày ${formatDate(input.date)} đã là ngày nghỉ (${existing.name}).`, { date: [`Đã có: ${existing.name}.`] });
    await tx.holiday.create({ data: { date: dateOnly(input.date), name: input.name } });
    return {
      message: `Đã thêm ngày nghỉ ${formatDate(input.date)} (${input.name}).`,
      audit: { entityType: "Holiday", entityId: input.date, after: { date: input.date, name: input.name } },
    };
  },
  uniqueFields: { date: { field: "date", message: "Ngày này đã là ngày nghỉ." } },
});

export const removeHolidayInput = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ngày không hợp lệ."),
});

export const removeHoliday = holidayCommand({
  name: "holiday.remove",
  label: "Bỏ ngày nghỉ lễ",
  input: removeHolidayInput,
  async run(tx, input, existing) {
    if (!existing) throw new UserError(`Ngày ${formatDate(input.date)} không có trong danh sách ngày nghỉ.`);
    await tx.holiday.delete({ where: { date: existing.date } });
    return {
      message: `Đã bỏ ngày nghỉ ${formatDate(input.date)} (${existing.name}).`,
      audit: { entityType: "Holiday", entityId: input.date, before: { date: input.date, name: existing.name } },
    };
  },
});
