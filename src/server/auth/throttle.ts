// The login throttle's rows in Postgres (rules: src/domain/login-throttle.ts). Each step is one
// transaction that locks the attempt's rows (in key order, so concurrent attempts cannot deadlock),
// applies a pure transition and writes the result: every app instance sees one consistent count.
import {
  afterFailure,
  afterSuccess,
  expiresAt,
  isTrusted,
  LOGIN_THROTTLE,
  reserve,
  throttleKeys,
  type ThrottleKind,
  type ThrottlePolicy,
  type ThrottleState,
  type Ticket,
} from "@/domain/login-throttle";
import { prisma, type Tx } from "@/server/db";

type Held = { kind: ThrottleKind; key: string; ticket: Ticket };

/** The slots an attempt holds while its password is checked. */
export type AttemptSlot = { username: string; held: Held[] };

export type ReserveOutcome = { ok: true; slot: AttemptSlot } | { ok: false; retryAt: Date; kind: ThrottleKind };

const policyOf = (kind: ThrottleKind): ThrottlePolicy => LOGIN_THROTTLE[kind];

type Row = ThrottleState & { key: string };

/** Creates the missing rows, then locks and reads them all, in key order. */
async function lockRows(tx: Tx, keys: { key: string; username: string | null }[], now: Date): Promise<Map<string, Row>> {
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  await tx.loginThrottle.createMany({ data: sorted.map((k) => ({ key: k.key, username: k.username, expiresAt: now })), skipDuplicates: true });
  const names = sorted.map((k) => k.key);
  await tx.$queryRaw`SELECT "key" FROM "LoginThrottle" WHERE "key" = ANY(${names}::text[]) ORDER BY "key" FOR UPDATE`;
  const rows = await tx.loginThrottle.findMany({ where: { key: { in: names } } });
  return new Map(rows.map((r) => [r.key, r]));
}

async function write(tx: Tx, key: string, state: ThrottleState, now: Date, policy: ThrottlePolicy) {
  const { failures, forgiven, pending, generation, lastFailure, blockedUntil, trustedUntil } = state;
  await tx.loginThrottle.update({
    where: { key },
    data: { failures, forgiven, pending, generation, lastFailure, blockedUntil, trustedUntil, expiresAt: expiresAt(state, now, policy) },
  });
}

/**
 * Reserves a slot on every key of the attempt before its password is checked, or refuses it (and
 * reserves nothing) when one of them is blocked or full. The account key is skipped for an address
 * the account signed in from lately.
 */
export async function reserveAttempt(username: string, address: string, now: Date): Promise<ReserveOutcome> {
  const keys = throttleKeys(username, address);
  return prisma.$transaction(async (tx) => {
    const rows = await lockRows(
      tx,
      [
        { key: keys.pair, username },
        { key: keys.account, username },
        { key: keys.address, username: null },
      ],
      now,
    );
    const kinds: ThrottleKind[] = isTrusted(rows.get(keys.pair)!, now) ? ["pair", "address"] : ["pair", "account", "address"];
    const granted: { kind: ThrottleKind; key: string; state: ThrottleState; ticket: Ticket }[] = [];
    let refusal: { retryAt: Date; kind: ThrottleKind } | null = null;
    for (const kind of kinds) {
      const r = reserve(rows.get(keys[kind])!, now, policyOf(kind));
      if (r.ok) granted.push({ kind, key: keys[kind], state: r.state, ticket: r.ticket });
      else if (!refusal || r.retryAt > refusal.retryAt) refusal = { retryAt: r.retryAt, kind };
    }
    if (refusal) return { ok: false as const, ...refusal };
    for (const g of granted) await write(tx, g.key, g.state, now, policyOf(g.kind));
    return { ok: true as const, slot: { username, held: granted.map(({ kind, key, ticket }) => ({ kind, key, ticket })) } };
  });
}

export type SettleOutcome = { blocked: { kind: ThrottleKind; until: Date }[] };

/** Gives the slots back with the verdict: a failure counts (and may block), a success forgives what it saw. */
export async function settleAttempt(slot: AttemptSlot, verdict: "success" | "failure", now: Date): Promise<SettleOutcome> {
  return prisma.$transaction(async (tx) => {
    const rows = await lockRows(
      tx,
      slot.held.map((h) => ({ key: h.key, username: h.kind === "address" ? null : slot.username })),
      now,
    );
    const blocked: SettleOutcome["blocked"] = [];
    for (const h of slot.held) {
      const policy = policyOf(h.kind);
      const row = rows.get(h.key)!;
      if (verdict === "success") {
        await write(tx, h.key, afterSuccess(row, now, policy, h.ticket, h.kind === "pair" ? LOGIN_THROTTLE.trustMs : undefined), now, policy);
      } else {
        const next = afterFailure(row, now, policy);
        if (next.blocked && next.state.blockedUntil) blocked.push({ kind: h.kind, until: next.state.blockedUntil });
        await write(tx, h.key, next.state, now, policy);
      }
    }
    return { blocked };
  });
}

/**
 * Deletes a bounded number of rows nothing depends on any more (their time has passed, no attempt in
 * flight; a slot left by a crashed process is given up after an hour). Called on every attempt, so the
 * table holds about what the last window's attempts made.
 */
export async function deleteExpiredThrottles(now: Date, limit = 200): Promise<number> {
  const stuck = new Date(now.getTime() - 60 * 60_000);
  return prisma.$executeRaw`
    DELETE FROM "LoginThrottle" WHERE "key" IN (
      SELECT "key" FROM "LoginThrottle"
       WHERE "expiresAt" < ${now}::timestamp AND ("pending" = 0 OR "expiresAt" < ${stuck}::timestamp)
       LIMIT ${limit} FOR UPDATE SKIP LOCKED)`;
}

/** Lifts every lock and delay on an account (a password reset): its account and pair keys. */
export async function liftAccountThrottles(tx: Tx, username: string): Promise<void> {
  await tx.loginThrottle.deleteMany({ where: { username } });
}
