// Every command module, so that what is said about all commands is said once, from the commands
// themselves: the audit viewer's action names (src/server/audit/labels.ts). A new command module is
// added here; tests/unit/audit-diff.test.ts fails on a command that this list misses.
import * as account from "./account";
import * as admin from "./admin";
import * as amendments from "./amendments";
import * as commendations from "./commendations";
import type { Command } from "./command";
import * as criteria from "./criteria";
import * as dossiers from "./dossiers";
import * as holidays from "./holidays";
import * as notifications from "./notifications";
import * as officers from "./officers";
import * as registration from "./registration";
import * as reports from "./reports";
import * as results from "./results";
import * as scoring from "./scoring";
import * as transfers from "./transfers";
import * as votes from "./votes";
import * as yearOverrides from "./year-overrides";
import * as years from "./years";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCommand = Command<any, any>;

const MODULES: Record<string, unknown>[] = [account, admin, amendments, commendations, criteria, dossiers, holidays, notifications, officers, registration, reports, results, scoring, transfers, votes, years, yearOverrides];

const isCommand = (value: unknown): value is AnyCommand =>
  typeof value === "object" && value !== null && typeof (value as AnyCommand).name === "string" && typeof (value as AnyCommand).run === "function";

/** Every command once (a module may re-export another's), by its audit action name. */
export const COMMANDS: ReadonlyMap<string, AnyCommand> = new Map(
  MODULES.flatMap((m) => Object.values(m).filter(isCommand)).map((c) => [c.name, c] as const),
);

/** Audit action → what the viewer calls it. */
export const COMMAND_LABELS: Readonly<Record<string, string>> = Object.fromEntries([...COMMANDS.values()].map((c) => [c.name, c.label]));
