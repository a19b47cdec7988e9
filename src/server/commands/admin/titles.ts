import { z } from "zod";
import { checkbox, idField, requiredText } from "@/domain/validation";
import { defineCommand } from "../command";
import { lockRow, savedRow } from "./shared";

/** Multi-line text (textarea): line breaks kept, other control characters refused. */
const multilineText = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim().normalize("NFC"))
    .pipe(
      z
        .string()
        .min(1, `${label} là bắt buộc.`)
        .max(max, `${label} tối đa ${max} ký tự.`)
        .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(s) && s.isWellFormed(), `${label} chứa ký tự không hợp lệ.`),
    );

const titleSnapshot = (t: { code: string; name: string; shortName: string; prerequisites: string; active: boolean }) => ({
  code: t.code,
  name: t.name,
  shortName: t.shortName,
  prerequisites: t.prerequisites,
  active: t.active,
});

// Title catalogue (seeded: edited, never created or deleted here)

export const updateTitle = defineCommand({
  name: "title.update",
  label: "Sửa danh hiệu thi đua",
  permission: "title.manage",
  input: z.object({
    id: idField("Danh hiệu"),
    name: requiredText("Tên danh hiệu", 200),
    shortName: requiredText("Tên viết tắt", 40),
    prerequisites: multilineText("Điều kiện", 2000),
    active: checkbox,
  }),
  async target(tx, input) {
    await lockRow(tx, "TitleDefinition", input.id);
    return {};
  },
  async run(tx, input) {
    const before = await tx.titleDefinition.findUniqueOrThrow({ where: { id: input.id } });
    const after = await tx.titleDefinition.update({
      where: { id: input.id },
      data: { name: input.name, shortName: input.shortName, prerequisites: input.prerequisites, active: input.active },
    });
    return savedRow("TitleDefinition", after.id, titleSnapshot(before), titleSnapshot(after));
  },
});
