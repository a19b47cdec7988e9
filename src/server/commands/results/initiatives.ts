import { z } from "zod";
import { INITIATIVE_LEVELS } from "@/domain/eligibility";
import { vietnamToday } from "@/domain/registration-window";
import { idField } from "@/domain/validation";
import { MAX_YEAR, MIN_YEAR } from "@/domain/year-rules";
import { UserError } from "../command";
import { plainText, optionalPlain, assertCalendarYearsOpen, officerHistoryCommand } from "./shared";

export const requiredPlain = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .pipe(plainText(label, max))
    .refine((s) => s.length > 0, `${label} là bắt buộc.`);

// Initiatives and discipline records (permission history.manage)

export const INITIATIVE_LEVEL_CODES = Object.keys(INITIATIVE_LEVELS) as [keyof typeof INITIATIVE_LEVELS, ...(keyof typeof INITIATIVE_LEVELS)[]];

export const addInitiativeInput = z.object({
  officerId: idField("Cán bộ"),
  year: z.coerce
    .number({ error: "Năm công nhận phải là một số." })
    .int("Năm công nhận phải là số nguyên.")
    .min(MIN_YEAR, `Năm công nhận phải từ ${MIN_YEAR} trở đi.`)
    .max(MAX_YEAR, `Năm công nhận không được sau ${MAX_YEAR}.`),
  level: z.enum(INITIATIVE_LEVEL_CODES, { error: "Vui lòng chọn cấp sáng kiến." }),
  title: requiredPlain("Tên sáng kiến", 300),
  decisionNo: optionalPlain("Số quyết định công nhận", 60),
});

export const addInitiative = officerHistoryCommand({
  name: "initiative.add",
  label: "Thêm sáng kiến",
  input: addInitiativeInput,
  async run(tx, input, target) {
    const thisYear = Number(vietnamToday(new Date()).slice(0, 4));
    if (input.year > thisYear) {
      const message = `Năm công nhận không được sau năm nay (${thisYear}).`;
      throw new UserError(message, { year: [message] });
    }
    await assertCalendarYearsOpen(tx, target.clusterId!, [input.year]);
    const officer = await tx.officer.findUniqueOrThrow({ where: { id: input.officerId }, select: { fullName: true } });
    const created = await tx.initiative.create({
      data: { officerId: input.officerId, year: input.year, level: input.level, title: input.title, decisionNo: input.decisionNo },
    });
    return {
      data: { id: created.id },
      message: `Đã thêm sáng kiến năm ${input.year} của ${officer.fullName}.`,
      audit: { entityType: "Initiative", entityId: created.id, after: created },
    };
  },
});
