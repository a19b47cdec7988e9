// Commands of the secretariat on its cluster's emulation years (docs/domain.md §4 step 1 and step 8).
// The cluster always comes from the database (the actor's own cluster, or the stored year), never
// from the form. Every command of a cluster's years locks the cluster row first, so two app
// instances cannot interleave (e.g. closing a year while its settings are being saved).
import { z } from "zod";
import { PASS_THRESHOLDS, CSTDCS_BASES, TIE_BREAKS, parseYearSettings, yearSettingsSchema, type YearSettings } from "@/domain/year-settings";
import { PHASE_LABELS, YEAR_PHASES, type YearPhase } from "@/domain/year-phases";
import {
  checkLeadership,
  checkSettingsForYear,
  checkYearToOpen,
  DEFAULT_MOVEMENT,
  MAX_YEAR,
  MIN_YEAR,
  movePhase,
  settingsForNewYear,
  YEAR_SETTING_LABELS,
  type MemberUnitInfo,
  type PhaseMove,
} from "@/domain/year-rules";
import { checkbox, dateText, idField, optionalIdField, requiredText } from "@/domain/validation";
import { formatDate } from "@/lib/format";
import { vietnamToday } from "@/domain/registration-window";
import type { Tx } from "@/server/db";
import { throwIfErrors } from "@/server/errors";
import { lockCluster } from "@/server/store/locks";
import { ownClusterScope } from "@/server/store/unit-scopes";
import { defineCommand, UserError } from "./command";
import { electedLeadership } from "@/server/store/vote-results";
import { yearSettingsCommand } from "./year-commands";

const ENTITY = "EmulationYear";

// ---------------------------------------------------------------------------------------------
// Shared steps

/** The secretariat's own cluster, from the database. */

async function memberUnits(tx: Tx, clusterId: string): Promise<MemberUnitInfo[]> {
  return tx.unit.findMany({
    where: { clusterId, parentId: null },
    select: { id: true, name: true, active: true },
    orderBy: { sortKey: "asc" },
  });
}

const yearIdField = idField("Năm thi đua");

// ---------------------------------------------------------------------------------------------
// Open a year

const yearNumber = z.coerce
  .number({ error: "Năm thi đua phải là một số." })
  .int("Năm thi đua phải là số nguyên.")
  .min(MIN_YEAR, `Năm thi đua phải từ ${MIN_YEAR} trở đi.`)
  .max(MAX_YEAR, `Năm thi đua không được sau ${MAX_YEAR}.`);

const movementField = z
  .union([z.literal(""), requiredText("Phong trào thi đua", 300)])
  .optional()
  .transform((s) => s || null);

/** The year's chair and deputy units and the movement's name, as opening the year and the leadership form both ask them. */
const leadershipFields = {
  chairUnitId: z.union([z.literal(""), idField("Đơn vị Cụm trưởng")], { error: "Vui lòng chọn đơn vị Cụm trưởng." }).transform((s) => s || null),
  deputyUnitId: optionalIdField("Đơn vị Cụm phó"),
  movement: movementField,
};

export const openYearInput = z.object({ year: yearNumber, ...leadershipFields });

export const openYear = defineCommand({
  name: "year.open",
  label: "Mở năm thi đua",
  permission: "year.manage",
  input: openYearInput,
  target: (tx, _input, actor) => ownClusterScope(tx, actor),
  uniqueFields: {
    clusterId: { field: "year", message: "Năm thi đua này đã được mở." },
    year: { field: "year", message: "Năm thi đua này đã được mở." },
  },
  async run(tx, input, _actor, target) {
    const clusterId = target.clusterId!;
    await lockCluster(tx, clusterId);
    const latest = await tx.emulationYear.findFirst({
      where: { clusterId },
      orderBy: { year: "desc" },
      select: { id: true, year: true, chairUnitId: true, settings: true },
    });
    // Left empty, chair and deputy come from the previous year's conference election.
    const elected = latest ? await electedLeadership(tx, latest.id) : { chairUnitId: null, deputyUnitId: null };
    const chairUnitId = input.chairUnitId ?? elected.chairUnitId;
    const deputyUnitId = input.deputyUnitId ?? (elected.deputyUnitId !== chairUnitId ? elected.deputyUnitId : null);
    const yearError = checkYearToOpen(input.year, latest?.year ?? null);
    const previousSettings = latest ? parseYearSettings(latest.settings) : null;
    const settings = settingsForNewYear(previousSettings);
    // Every problem at once: the year and the leadership.
    const errors = checkLeadership(
      { chairUnitId, deputyUnitId },
      {
        year: input.year,
        members: await memberUnits(tx, clusterId),
        previous: latest && {
          year: latest.year,
          chairUnitId: latest.chairUnitId,
          outgoingChairMayBeReelected: previousSettings!.outgoingChairMayBeReelected,
        },
        next: null,
        outgoingChairMayBeReelected: settings.outgoingChairMayBeReelected,
      },
    );
    throwIfErrors(yearError ? { year: [yearError], ...errors } : errors);

    const created = await tx.emulationYear.create({
      data: {
        clusterId,
        year: input.year,
        phase: "SETUP",
        movement: input.movement ?? DEFAULT_MOVEMENT,
        chairUnitId,
        deputyUnitId,
        settings,
      },
    });
    return {
      data: { id: created.id },
      message: `Đã mở năm thi đua ${created.year}.`,
      audit: {
        entityType: ENTITY,
        entityId: created.id,
        after: {
          year: created.year,
          phase: created.phase,
          movement: created.movement,
          chairUnitId: created.chairUnitId,
          deputyUnitId: created.deputyUnitId,
          settings,
          settingsCopiedFrom: latest?.year ?? null,
        },
      },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Chair, deputy (and the movement's name)

/** An absent or empty movement leaves the stored name unchanged. */
export const updateYearLeadershipInput = z.object({ yearId: yearIdField, ...leadershipFields });

export const updateYearLeadership = yearSettingsCommand({
  name: "year.leadership",
  label: "Cập nhật cụm trưởng, cụm phó",
  input: updateYearLeadershipInput,
  async run(tx, input, year) {
    const [previous, next] = await Promise.all([
      tx.emulationYear.findFirst({
        where: { clusterId: year.clusterId, year: { lt: year.year } },
        orderBy: { year: "desc" },
        select: { year: true, chairUnitId: true, settings: true },
      }),
      tx.emulationYear.findFirst({
        where: { clusterId: year.clusterId, year: { gt: year.year } },
        orderBy: { year: "asc" },
        select: { year: true, chairUnitId: true },
      }),
    ]);
    throwIfErrors(
      checkLeadership(
        { chairUnitId: input.chairUnitId, deputyUnitId: input.deputyUnitId },
        {
          year: year.year,
          members: await memberUnits(tx, year.clusterId),
          previous: previous && {
            year: previous.year,
            chairUnitId: previous.chairUnitId,
            outgoingChairMayBeReelected: parseYearSettings(previous.settings).outgoingChairMayBeReelected,
          },
          next,
          outgoingChairMayBeReelected: parseYearSettings(year.settings).outgoingChairMayBeReelected,
        },
      ),
    );
    const updated = await tx.emulationYear.update({
      where: { id: year.id },
      data: { chairUnitId: input.chairUnitId, deputyUnitId: input.deputyUnitId, movement: input.movement ?? year.movement },
    });
    const pick = (y: typeof year) => ({ chairUnitId: y.chairUnitId, deputyUnitId: y.deputyUnitId, movement: y.movement });
    return {
      message: `Đã cập nhật Cụm trưởng, Cụm phó năm ${year.year}.`,
      audit: { entityType: ENTITY, entityId: year.id, before: pick(year), after: pick(updated) },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Settings, from a form: numbers typed by people (comma or dot), selects, checkboxes, dd/mm/yyyy.

const labelOf = (key: keyof YearSettings) => YEAR_SETTING_LABELS[key];

function numberField(key: keyof YearSettings, opts: { min: number; max: number; integer?: boolean; percent?: boolean; optional?: boolean }) {
  const label = labelOf(key);
  const unit = opts.percent ? "%" : "";
  return z
    .union([z.string(), z.number()])
    .optional()
    .transform((raw, ctx): number | null => {
      const text = raw === undefined ? "" : String(raw).trim().replace(",", ".");
      if (text === "") {
        if (opts.optional) return null;
        ctx.addIssue({ code: "custom", message: `${label} là bắt buộc.` });
        return z.NEVER;
      }
      if (!/^-?\d+(\.\d+)?$/.test(text)) {
        ctx.addIssue({ code: "custom", message: `${label} phải là một số.` });
        return z.NEVER;
      }
      const n = Number(text);
      if (opts.integer && !Number.isInteger(n)) ctx.addIssue({ code: "custom", message: `${label} phải là số nguyên.` });
      else if (n < opts.min) ctx.addIssue({ code: "custom", message: `${label} không được nhỏ hơn ${opts.min}${unit}.` });
      else if (n > opts.max) ctx.addIssue({ code: "custom", message: `${label} không được lớn hơn ${opts.max}${unit}.` });
      else return n;
      return z.NEVER;
    });
}

function dateField(key: keyof YearSettings) {
  const label = labelOf(key);
  return dateText((text) => `${label}: "${text}" không phải là ngày hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 19/11/2021).`);
}

function choiceField<K extends string>(key: keyof YearSettings, options: Record<K, string>) {
  return z.enum(Object.keys(options) as [K, ...K[]], { error: `${labelOf(key)}: lựa chọn không hợp lệ.` });
}

export const yearSettingsFormSchema = z.object({
  cstdcsQuotaPercent: numberField("cstdcsQuotaPercent", { min: 0, max: 100, percent: true }),
  cstdcsBasis: choiceField("cstdcsBasis", CSTDCS_BASES),
  advancedUnitMinCstPercent: numberField("advancedUnitMinCstPercent", { min: 0, max: 100, percent: true }),
  determinedUnitMinGoodPercent: numberField("determinedUnitMinGoodPercent", { min: 0, max: 100, percent: true }),
  ministryFlagsPerCluster: numberField("ministryFlagsPerCluster", { min: 0, max: 10, integer: true }),
  extraMinistryFlags: numberField("extraMinistryFlags", { min: 0, max: 10, integer: true }),
  passThreshold: choiceField("passThreshold", PASS_THRESHOLDS),
  quorumUnits: numberField("quorumUnits", { min: 1, max: 50, integer: true, optional: true }),
  allowSelfVote: checkbox,
  outgoingChairMayBeReelected: checkbox,
  rankingTieBreak: choiceField("rankingTieBreak", TIE_BREAKS),
  crossScorersPerReport: numberField("crossScorersPerReport", { min: 1, max: 9, integer: true }),
  scoreDifferencePercent: numberField("scoreDifferencePercent", { min: 1, max: 100, integer: true }),
  registrationDeadline: dateField("registrationDeadline"),
  midyearReportDeadline: dateField("midyearReportDeadline"),
  reportDeadline: dateField("reportDeadline"),
  conferenceDate: dateField("conferenceDate"),
  // Added with issue 17 (sub-units): a form without it keeps the stored value.
  subUnitDeterminedQuotaPercent: numberField("subUnitDeterminedQuotaPercent", { min: 0, max: 100, percent: true, optional: true }).transform((v) => v ?? undefined),
  // Added with issue 14: a form without it keeps the stored value.
  disclosureWorkingDays: numberField("disclosureWorkingDays", { min: 1, max: 30, integer: true, optional: true }).transform((v) => v ?? undefined),
});

export const updateYearSettingsInput = yearSettingsFormSchema.extend({ yearId: yearIdField });

export const updateYearSettings = yearSettingsCommand({
  name: "year.settings",
  label: "Sửa thiết lập năm thi đua",
  input: updateYearSettingsInput,
  async run(tx, input, year) {
    const { yearId: _yearId, ...fromForm } = input;
    const before = parseYearSettings(year.settings);
    // Keys the form does not know (added later) are kept; the schema has the last word.
    const settings = yearSettingsSchema.parse({ ...before, ...fromForm, disclosureWorkingDays: fromForm.disclosureWorkingDays ?? before.disclosureWorkingDays, subUnitDeterminedQuotaPercent: fromForm.subUnitDeterminedQuotaPercent ?? before.subUnitDeterminedQuotaPercent, quorumUnits: fromForm.quorumUnits ?? null });
    const activeMemberCount = await tx.unit.count({ where: { clusterId: year.clusterId, parentId: null, active: true } });
    throwIfErrors(checkSettingsForYear(settings, { year: year.year, activeMemberCount, openedOn: vietnamToday(year.createdAt), before }));
    await tx.emulationYear.update({ where: { id: year.id }, data: { settings } });
    return {
      message: `Đã lưu các thiết lập của năm thi đua ${year.year}.`,
      audit: { entityType: ENTITY, entityId: year.id, before, after: settings },
    };
  },
});

// ---------------------------------------------------------------------------------------------
// Phases and closing

const phaseField = z.enum(YEAR_PHASES, { error: "Giai đoạn không hợp lệ." });

/** The form says which phase it was showing, so a double click or a stale page cannot move two steps. */
const phaseMoveInput = z.object({ yearId: yearIdField, fromPhase: phaseField });

function phaseCommand(name: string, label: string, move: PhaseMove) {
  return yearSettingsCommand({
    name,
    label,
    input: phaseMoveInput,
    async run(tx, input, year) {
      if (year.phase !== input.fromPhase) {
        throw new UserError("Giai đoạn của năm thi đua vừa được thay đổi. Vui lòng tải lại trang và thử lại.");
      }
      const result = movePhase(year.phase as YearPhase, move);
      if (!result.ok) throw new UserError(result.message);
      const closedAt = result.to === "CLOSED" ? new Date() : null;
      await tx.emulationYear.update({ where: { id: year.id }, data: { phase: result.to, ...(closedAt ? { closedAt } : {}) } });
      return {
        message:
          result.to === "CLOSED"
            ? `Đã khóa sổ năm thi đua ${year.year} ngày ${formatDate(closedAt)}.`
            : `Năm thi đua ${year.year} đã ${move === "advance" ? "chuyển sang" : "quay lại"} giai đoạn "${PHASE_LABELS[result.to]}".`,
        audit: {
          entityType: ENTITY,
          entityId: year.id,
          before: { phase: year.phase },
          after: { phase: result.to, ...(closedAt ? { closedAt: closedAt.toISOString() } : {}) },
        },
      };
    },
  });
}

export const advanceYearPhase = phaseCommand("year.phase.advance", "Chuyển giai đoạn năm thi đua", "advance");
export const revertYearPhase = phaseCommand("year.phase.revert", "Quay lại giai đoạn trước", "revert");
/** Final: a closed year is read-only (later corrections are amendments, not in scope here). */
export const closeYear = phaseCommand("year.close", "Khóa sổ năm thi đua", "close");
