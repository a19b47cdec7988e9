import { z } from "zod";
import { criterionLabel, SECTION_KIND_LABELS } from "@/domain/scoring";
import { idField } from "@/domain/validation";
import { UserError } from "../command";
import { amendmentReasonField, TABLES, renumber, recordAmendment, ENTITY, tableEditCommand } from "./shared";

function moved<T extends { id: string }>(items: T[], id: string, direction: "up" | "down"): T[] | null {
  const i = items.findIndex((x) => x.id === id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= items.length) return null;
  const out = [...items];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const moveInput = z.object({
  part: z.enum(["section", "criterion", "figure"]),
  id: idField("Mục"),
  direction: z.enum(["up", "down"], { error: "Hướng di chuyển không hợp lệ." }),
  amendmentReason: amendmentReasonField,
});

/** The part the form moves, named by its kind and id. */
const movedPart = tableEditCommand((input: { part: "section" | "criterion" | "figure"; id: string; amendmentReason: string }) => [input.part, input.id]);

export const moveCriteriaPart = movedPart({
  name: "criteria.move",
  label: "Đổi thứ tự tiêu chí",
  phases: "criteria",
  input: moveInput,
  async run(tx, input, ctx, actor) {
    const t = ctx.table;
    let order: { id: string }[] | null;
    let table: keyof typeof TABLES;
    let what: string;
    if (input.part === "section") {
      order = moved(t.sections, input.id, input.direction);
      table = "CriteriaSection";
      const s = t.sections.find((x) => x.id === input.id);
      what = s?.kind === "SCORED" ? `mục "${s.title}"` : `nhóm ${SECTION_KIND_LABELS[s?.kind ?? "BONUS"].toLowerCase()}`;
    } else if (input.part === "criterion") {
      const section = t.sections.find((s) => s.criteria.some((c) => c.id === input.id))!;
      order = moved(section.criteria, input.id, input.direction);
      table = "Criterion";
      what = `tiêu chí ${criterionLabel(t, input.id)}`;
    } else {
      order = moved(t.keyFigures, input.id, input.direction);
      table = "KeyFigureDefinition";
      what = `số liệu "${t.keyFigures.find((f) => f.id === input.id)?.label ?? ""}"`;
    }
    if (!order) throw new UserError(input.direction === "up" ? "Mục này đã ở vị trí đầu." : "Mục này đã ở vị trí cuối.");
    await renumber(tx, table, order.map((x) => x.id));
    const summary = `Chuyển ${what} ${input.direction === "up" ? "lên" : "xuống"} một vị trí`;
    const amended = await recordAmendment(tx, ctx, actor, input.amendmentReason, summary, { part: input.part, id: input.id, direction: input.direction });
    return {
      message: `Đã chuyển ${what} ${input.direction === "up" ? "lên" : "xuống"}${amended.suffix}.`,
      audit: { entityType: ENTITY, entityId: t.id, after: { move: input.part, id: input.id, direction: input.direction, tableVersion: amended.version } },
    };
  },
});
