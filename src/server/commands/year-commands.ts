// Command families on one stored year (src/server/commands/command.ts `commandFamily`): the scope is
// the year's cluster, and every command starts by locking the cluster and loading the year, a closed
// year refused (src/server/store/years.ts `loadWritableYear`).
import type { Permission } from "@/domain/permissions";
import type { PhaseActionKey } from "@/domain/year-phase-rules";
import { existingYearScope, loadWritableYear, yearScope } from "@/server/store/years";
import { commandFamily } from "./command";

export const writableYearCommand = (permission: Permission, { scope = yearScope, phases }: { scope?: typeof yearScope; phases?: PhaseActionKey } = {}) =>
  commandFamily({
    permission,
    phases,
    target: (tx, input: { yearId: string }) => scope(tx, input.yearId),
    load: (tx, input, target) => loadWritableYear(tx, input.yearId, target.clusterId!),
  });

/**
 * The secretariat's settings of a year (year.manage), changed while the year is being set up
 * (docs/domain.md §4); an unknown year is plainly "not found".
 */
export const yearSettingsCommand = writableYearCommand("year.manage", { scope: existingYearScope, phases: "yearSetup" });
