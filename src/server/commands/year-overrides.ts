// The secretariat allows one kind of work outside its phases for a year (src/domain/year-phase-rules.ts),
// with a reason and an optional last day, and revokes it; both audited, listed on the year page.
import { z } from "zod";
import { endOfVietnamDay } from "@/domain/registration-window";
import { idField, optionalText, requiredText } from "@/domain/validation";
import { checkOverride, checkOverrideUntil, isPhaseActionKey, OVERRIDABLE_ACTIONS, overrideActive, PHASE_ACTIONS, type PhaseActionKey } from "@/domain/year-phase-rules";
import type { YearPhase } from "@/domain/year-phases";
import { formatDate, parseVietnameseDate } from "@/lib/format";
import { appNow } from "@/server/clock";
import { loadWritableYear } from "@/server/store/years";
import { defineCommand, UserError } from "./command";
import { yearSettingsCommand } from "./year-commands";

const yearIdField = idField("Năm thi đua");

/** The override's last day, dd/mm/yyyy; empty: until revoked. */
const untilField = z
  .string()
  .optional()
  .transform((raw, ctx): string | null => {
    const text = (raw ?? "").trim();
    if (text === "") return null;
    const iso = parseVietnameseDate(text);
    if (!iso) {
      ctx.addIssue({ code: "custom", message: `Cho phép đến hết ngày: "${text}" không phải là ngày hợp lệ (nhập theo dạng dd/mm/yyyy).` });
      return z.NEVER;
    }
    return iso;
  });

const OVERRIDE_ENTITY = "PhaseOverride";

export const grantPhaseOverrideInput = z.object({
  yearId: yearIdField,
  action: z.enum(OVERRIDABLE_ACTIONS as [PhaseActionKey, ...PhaseActionKey[]], { error: "Vui lòng chọn việc được cho phép." }),
  reason: requiredText("Lý do cho phép", 500),
  /** Empty: until revoked. */
  until: untilField,
});

export const grantPhaseOverride = yearSettingsCommand({
  name: "year.override.grant",
  label: "Cho phép làm ngoài giai đoạn",
  phases: "yearSetup",
  input: grantPhaseOverrideInput,
  async run(tx, input, year, actor) {
    const refusal = checkOverride(input.action, year.phase as YearPhase);
    if (refusal) throw new UserError(refusal, { action: [refusal] });
    const now = appNow();
    if (input.until) {
      const untilError = checkOverrideUntil(input.until, now);
      if (untilError) throw new UserError(untilError, { until: [untilError] });
    }
    const existing = await tx.phaseOverride.findMany({ where: { emulationYearId: year.id, action: input.action, revokedAt: null } });
    if (existing.some((o) => overrideActive(o, now))) {
      const message = `“${PHASE_ACTIONS[input.action].label}” đã được cho phép ngoài giai đoạn; thu hồi cho phép đang có trước khi cho phép lại.`;
      throw new UserError(message, { action: [message] });
    }
    const expiresAt = input.until ? endOfVietnamDay(input.until) : null;
    const created = await tx.phaseOverride.create({
      data: { emulationYearId: year.id, action: input.action, reason: input.reason, expiresAt, createdById: actor.userId, createdByName: actor.displayName },
    });
    return {
      data: { id: created.id },
      message: `Đã cho phép “${PHASE_ACTIONS[input.action].label}” ngoài giai đoạn trong năm ${year.year}${input.until ? ` đến hết ngày ${formatDate(input.until)}` : ""}.`,
      audit: {
        entityType: OVERRIDE_ENTITY,
        entityId: created.id,
        after: { year: year.year, phase: year.phase, action: input.action, actionLabel: PHASE_ACTIONS[input.action].label, reason: input.reason, expiresAt: expiresAt?.toISOString() ?? null },
      },
    };
  },
});

export const revokePhaseOverrideInput = z.object({
  overrideId: idField("Cho phép ngoài giai đoạn"),
  reason: optionalText("Lý do thu hồi", 500),
});

export const revokePhaseOverride = defineCommand({
  name: "year.override.revoke",
  label: "Thu hồi cho phép làm ngoài giai đoạn",
  permission: "year.manage",
  input: revokePhaseOverrideInput,
  async target(tx, input) {
    const o = await tx.phaseOverride.findUnique({ where: { id: input.overrideId }, select: { emulationYear: { select: { id: true, clusterId: true } } } });
    return o ? { clusterId: o.emulationYear.clusterId, yearId: o.emulationYear.id } : {};
  },
  phases: "yearSetup",
  async run(tx, input, actor, target) {
    const year = await loadWritableYear(tx, target.yearId!, target.clusterId!);
    const o = await tx.phaseOverride.findUniqueOrThrow({ where: { id: input.overrideId } });
    if (o.revokedAt) throw new UserError("Cho phép này đã được thu hồi.");
    const revokedAt = new Date();
    await tx.phaseOverride.update({ where: { id: o.id }, data: { revokedAt, revokedByName: actor.displayName, revokeReason: input.reason } });
    const label = isPhaseActionKey(o.action) ? PHASE_ACTIONS[o.action].label : o.action;
    return {
      message: `Đã thu hồi cho phép “${label}” ngoài giai đoạn (năm ${year.year}).`,
      audit: {
        entityType: OVERRIDE_ENTITY,
        entityId: o.id,
        before: { year: year.year, action: o.action, reason: o.reason, expiresAt: o.expiresAt?.toISOString() ?? null, revokedAt: null },
        after: { year: year.year, action: o.action, revokedAt: revokedAt.toISOString(), revokeReason: input.reason },
      },
    };
  },
});
