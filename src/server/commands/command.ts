// Every write goes through executeCommand: authenticate → authorise (role, then the target's scope as
// stored in the database) → validate with zod → one transaction → the year's phase allows it (for a
// year-scoped command) → an audit entry in that transaction.
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { ImportError } from "@/domain/excel-rows";
import { can, roleMay, type Actor, type Permission, type Target } from "@/domain/permissions";
import type { PhaseActionKey } from "@/domain/year-phase-rules";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { bumpDataVersion } from "@/server/cache/data-version";
import { isDatabaseUnavailable, prisma, type Tx } from "@/server/db";
import { errorField, log } from "@/server/log";
import { observeCommand } from "@/server/ops/metrics";
import { INVALID_INPUT, NOT_FOUND, NOT_SIGNED_IN, NotFoundError, RowErrorsError, UserError } from "@/server/errors";
import { recordAccessDenied } from "@/server/security/access";
import { notifyFromCommand } from "@/server/notifications/hook";
import { assertPhaseAllows } from "@/server/year-phase-guard";

export { INVALID_INPUT, NOT_FOUND, NOT_SIGNED_IN, NotFoundError, RowErrorsError, UserError };

/** How the closed-year trigger's message starts (prisma/migrations/20261128053500_closed_year_guard). */
const CLOSED_YEAR_GUARD_PREFIX = "Năm thi đua đã khóa sổ:";

export type ActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; rowErrors?: ImportError[] };

export type AuditRecord = {
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

/** What every command says about itself: its names, its input, what it does, and the pipeline's options. */
export type CommandBody<I> = {
  /** Also the audit action, e.g. "officer.create". */
  name: string;
  /** What the audit viewer calls the action, in Vietnamese (its map is built from the commands: registry.ts). */
  label: string;
  /**
   * A year-scoped command: the action it belongs to (src/domain/year-phase-rules.ts), which says in
   * which phases of the year it runs; outside them it is refused unless the secretariat allowed it
   * (src/server/year-phase-guard.ts). Absent: the command writes nothing of an emulation year.
   */
  phases?: PhaseActionKey;
  input: z.ZodType<I>;
  /** Transaction limits for commands that many people run at the same moment (e.g. casting ballots). */
  transaction?: { maxWait?: number; timeout?: number };
  /** Field to blame when a unique constraint fails, by constraint column. */
  uniqueFields?: Record<string, { field: string; message: string }>;
  /**
   * True for a command that writes nothing an overview page shows (a user's own notifications or
   * e-mail address): the cached dashboards and histories stay (src/server/cache/data-version.ts).
   */
  keepsOverviews?: boolean;
  /**
   * The shape of the audit entry's { before, after }, where readers of the log rely on it. A mismatch
   * is the command's bug: the transaction is rolled back and the user sees the system error.
   */
  auditPayload?: z.ZodType;
};

export type CommandOutcome<R> = {
  data?: R;
  message?: string;
  audit: AuditRecord;
  /** A second scope the command wrote to (an officer transferred to another cluster): its overviews are renewed too. */
  alsoWroteTo?: Target;
};

export type Command<I, R> = CommandBody<I> & {
  permission: Permission;
  /** The scope of what the command touches, read from the database (never from the form). */
  target(tx: Tx, input: I, actor: Actor): Promise<Target>;
  run(tx: Tx, input: I, actor: Actor, target: Target): Promise<CommandOutcome<R>>;
};

export function defineCommand<I, R = undefined>(command: Command<I, R>): Command<I, R> {
  return command;
}

/** A command of a family (commandFamily): its run receives what the family loaded for it. */
export type FamilyCommand<I, R, L> = CommandBody<I> & {
  run(tx: Tx, input: I, loaded: L, actor: Actor): Promise<CommandOutcome<R>>;
};

type Family<K, L> = {
  permission: Permission;
  /** The phase action every command of the family belongs to (CommandBody.phases), when they share one. */
  phases?: PhaseActionKey;
  target(tx: Tx, input: K, actor: Actor): Promise<Target>;
  /** What every command of the family starts with, once the target passed: lock and load what it acts on. */
  load?: (tx: Tx, input: K, target: Target, actor: Actor) => Promise<L>;
};

/**
 * Commands that share their permission, their target lookup and their first step (e.g. every command
 * on a vote round: vote.manage, the round's stored cluster, the round locked in the state it needs)
 * say so once, in their folder's shared.ts:
 *
 *   export const roundCommand = (state: RoundState) => commandFamily({ permission: "vote.manage",
 *     target: (tx, input: { roundId: string }) => roundTarget(tx, input.roundId),
 *     load: (tx, input, target) => loadRound(tx, input.roundId, target.clusterId!, state) });
 *   export const openRound = roundCommand("DRAFT")({ name, label, input, async run(tx, input, round, actor) { … } });
 *
 * The result is an ordinary command (defineCommand); without `load`, run receives the target. A family
 * whose commands all belong to one phase action names it once (`phases`).
 */
export function commandFamily<K, L = Target>(family: Family<K, L>) {
  return <I extends K, R = undefined>({ run, ...body }: FamilyCommand<I, R, L>): Command<I, R> =>
    defineCommand<I, R>({
      ...(family.phases ? { phases: family.phases } : {}),
      ...body,
      permission: family.permission,
      target: family.target,
      run: async (tx, input, actor, target) => run(tx, input, family.load ? await family.load(tx, input, target, actor) : (target as L), actor),
    });
}

/** The permission table refused the target's scope: answered as "not found", recorded as a security event. */
class ScopeRefused extends NotFoundError {
  constructor(readonly target: Target) {
    super();
  }
}

/** What a command answers when it failed for a reason of the system's, not the user's. */
export const COMMAND_FAILED = "Đã có lỗi hệ thống; thay đổi chưa được lưu. Vui lòng thử lại.";
/** The database is down or too busy: the outcome of a save under way is unknown (issue 18, fault 5). */
export const SYSTEM_BUSY = "Hệ thống đang bận hoặc không sẵn sàng; thay đổi có thể chưa được lưu. Vui lòng tải lại trang để kiểm tra rồi thử lại sau ít phút.";

/** Runs a command (runCommand) and logs and counts its outcome (docs/operations.md). */
export async function executeCommand<I, R>(command: Command<I, R>, actor: Actor | null, raw: unknown): Promise<ActionResult<R>> {
  const result = await runCommand(command, actor, raw);
  const outcome = result.ok ? "ok" : result.message === COMMAND_FAILED ? "error" : result.message === SYSTEM_BUSY ? "unavailable" : "refused";
  observeCommand(command.name, outcome);
  if (outcome === "refused") {
    // An expected refusal: one line, the message the user read and the names of the fields, no stack.
    const fields = !result.ok && result.fieldErrors ? Object.keys(result.fieldErrors) : undefined;
    log.info({ event: "command.refused", command: command.name, userId: actor?.userId, reason: !result.ok ? result.message : undefined, fields }, "command refused");
  }
  return result;
}

async function runCommand<I, R>(command: Command<I, R>, actor: Actor | null, raw: unknown): Promise<ActionResult<R>> {
  if (!actor) return { ok: false, message: NOT_SIGNED_IN };
  // Same answer for "no such record" and "not yours": nothing leaks about other units.
  if (!roleMay(actor, command.permission)) {
    await recordAccessDenied(actor, { permission: command.permission, via: "write", command: command.name });
    return { ok: false, message: NOT_FOUND };
  }

  try {
    // Inside the try: a schema's transform that throws is a system error like any other, not a crash.
    const parsed = command.input.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, message: INVALID_INPUT, fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    }
    const input = parsed.data;
    return await prisma.$transaction(async (tx) => {
      const target = await command.target(tx, input, actor);
      if (!can(actor, command.permission, target)) throw new ScopeRefused(target);
      if (command.phases) await assertPhaseAllows(tx, command.phases, target, input);
      const out = await command.run(tx, input, actor, target);
      if (command.auditPayload) checkAuditPayload(command, out.audit);
      const { seq } = await tx.auditLog.create({
        select: { seq: true },
        data: {
          actorId: actor.userId,
          actorName: actor.displayName,
          action: command.name,
          entityType: out.audit.entityType,
          entityId: out.audit.entityId,
          clusterId: target.clusterId ?? null,
          unitId: target.unitId ?? null,
          before: toJson(out.audit.before),
          after: toJson(out.audit.after),
        },
      });
      // The overview caches of what this wrote to are renewed (src/server/cache/data-version.ts).
      if (!command.keepsOverviews) await bumpDataVersion(tx, command.permission, target, seq);
      if (out.alsoWroteTo && !command.keepsOverviews) await bumpDataVersion(tx, command.permission, out.alsoWroteTo, seq);
      await notifyFromCommand(tx, { action: command.name, target, audit: out.audit, actor });
      return { ok: true as const, message: out.message, data: out.data };
    }, command.transaction);
  } catch (error) {
    // After the rollback, so the trace stays.
    if (error instanceof ScopeRefused) await recordAccessDenied(actor, { permission: command.permission, via: "write", command: command.name, target: error.target });
    if (error instanceof RowErrorsError) return { ok: false, message: error.message, rowErrors: error.rows };
    if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const columns = uniqueColumns(error);
      const hit = columns.map((c) => command.uniqueFields?.[c]).find(Boolean);
      if (hit) return { ok: false, message: hit.message, fieldErrors: { [hit.field]: [hit.message] } };
      return { ok: false, message: "Dữ liệu bị trùng với bản ghi đã có." };
    }
    // The database's own closed-year guard (migration closed_year_guard) caught a write the command's
    // checks let through: the same answer as theirs, and worth a log line (a missing check).
    if (isClosedYearGuard(error)) {
      log.error({ event: "command.closed-year-guard", command: command.name }, "refused by the database's closed-year guard");
      return { ok: false, message: YEAR_CLOSED_MESSAGE };
    }
    if (isDatabaseUnavailable(error)) {
      log.warn({ event: "command.unavailable", command: command.name, userId: actor.userId, error: errorField(error, false) }, "database unavailable");
      return { ok: false, message: SYSTEM_BUSY };
    }
    log.error({ event: "command.error", command: command.name, userId: actor.userId, error: errorField(error) }, "command failed");
    return { ok: false, message: COMMAND_FAILED };
  }
}

/** Thrown (and logged as a system error) when a command's audit entry does not have the declared shape. */
class AuditPayloadMismatch extends Error {}

function checkAuditPayload(command: { name: string; auditPayload?: z.ZodType }, audit: AuditRecord) {
  const checked = command.auditPayload!.safeParse({ before: audit.before, after: audit.after });
  if (!checked.success) throw new AuditPayloadMismatch(`audit payload of ${command.name}: ${z.prettifyError(checked.error)}`);
}

/** check_violation raised by the closed-year trigger, as the pg adapter passes it on (raw or model query). */
function isClosedYearGuard(error: unknown): boolean {
  type Driver = { cause?: { originalCode?: string; originalMessage?: string } };
  const e = error as Driver & { meta?: { driverAdapterError?: Driver } };
  const cause = e?.cause ?? e?.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "23514" && (cause.originalMessage?.startsWith(CLOSED_YEAR_GUARD_PREFIX) ?? false);
}

function uniqueColumns(error: Prisma.PrismaClientKnownRequestError): string[] {
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } | undefined;
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map((f) => f.replace(/"/g, "")) : [];
}

// No before (a creation) or no after (a deletion) is SQL NULL, not a JSON null: "absent" in the audit
// chain's canonical content (src/server/audit/chain.ts).
function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Form fields as a plain object for zod (Next's internal $ACTION fields dropped). */
export function formToObject(formData: FormData): Record<string, FormDataEntryValue> {
  const out: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
  return out;
}
