// Login throttling: pure state transitions; the states themselves are rows in Postgres, shared by every
// app instance (src/server/auth/throttle.ts).
//
// Three keys are throttled for each attempt:
// - the pair (account, client address): 5 failures lock that pair for 15 minutes. This is the lock an
//   attacker hits; the account's owner, on another address, is not affected by it.
// - the account, from any address: after 10 failures each further attempt waits a delay that doubles
//   (15 s, 30 s, … up to 10 minutes). It slows a guesser spread over many addresses without locking the
//   owner out; an address the account signed in from in the last 30 days skips it.
// - the client address, whatever the account: after 100 failures a doubling delay (up to 15 minutes),
//   against one address trying many accounts (high: an office behind one NAT address shares it).
//
// Attempts are counted BEFORE the password is checked: an attempt first reserves a slot (`pending`), and
// a key refuses new attempts while its failures plus the attempts in flight reach its limit. So however
// many attempts arrive at once, at most `free` passwords can fail on a key before it blocks (lock mode),
// and no attempt that arrives after the block has its password checked. A success forgives only the
// failures that had been counted when it reserved its slot, never one it did not see.

export type ThrottlePolicy =
  | { mode: "lock"; free: number; windowMs: number; lockMs: number }
  | { mode: "delay"; free: number; windowMs: number; firstDelayMs: number; maxDelayMs: number };

const MINUTE = 60_000;

export const LOGIN_THROTTLE = {
  pair: { mode: "lock", free: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  account: { mode: "delay", free: 10, windowMs: 15 * MINUTE, firstDelayMs: 15_000, maxDelayMs: 10 * MINUTE },
  address: { mode: "delay", free: 100, windowMs: 15 * MINUTE, firstDelayMs: 15_000, maxDelayMs: 15 * MINUTE },
  /** How long a successful sign-in makes its address known to the account (skips the account's delay). */
  trustMs: 30 * 24 * 60 * MINUTE,
  /** How long to wait when a key's slots are all taken by attempts still being checked. */
  busyMs: 5_000,
} as const satisfies Record<"pair" | "account" | "address", ThrottlePolicy> & { trustMs: number; busyMs: number };

export type ThrottleKind = "pair" | "account" | "address";

export type ThrottleState = {
  /** Failures of the current count (`generation`), forgiven ones included. */
  failures: number;
  /** How many of the first failures a success has forgiven. */
  forgiven: number;
  /** Attempts whose password is being checked now (a slot each). */
  pending: number;
  /** Bumped when the count starts again. */
  generation: number;
  lastFailure: Date | null;
  blockedUntil: Date | null;
  trustedUntil: Date | null;
};

export const EMPTY_THROTTLE: ThrottleState = {
  failures: 0,
  forgiven: 0,
  pending: 0,
  generation: 0,
  lastFailure: null,
  blockedUntil: null,
  trustedUntil: null,
};

/** What an attempt saw when it reserved its slot: a success forgives no more than this. */
export type Ticket = { generation: number; failures: number };

export type Reservation = { ok: true; state: ThrottleState; ticket: Ticket } | { ok: false; retryAt: Date };

/** Failures that count towards the limit. */
export function counted(state: ThrottleState): number {
  return state.failures - state.forgiven;
}

export function isBlocked(state: ThrottleState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil.getTime() > now.getTime();
}

export function isTrusted(state: ThrottleState, now: Date): boolean {
  return state.trustedUntil !== null && state.trustedUntil.getTime() > now.getTime();
}

/** The state as time has left it: an expired block lifted, a count left quiet for a window started again. */
export function settled(state: ThrottleState, now: Date, policy: ThrottlePolicy): ThrottleState {
  let s = state;
  let restart = false;
  if (s.blockedUntil && !isBlocked(s, now)) {
    s = { ...s, blockedUntil: null };
    restart = policy.mode === "lock"; // a lock served wipes the slate; a delay served keeps the count growing
  }
  if (!s.blockedUntil && s.lastFailure && now.getTime() - s.lastFailure.getTime() >= policy.windowMs) restart = true;
  if (restart && (s.failures > 0 || s.lastFailure)) s = { ...s, failures: 0, forgiven: 0, generation: s.generation + 1, lastFailure: null };
  return s;
}

/** Takes a slot for an attempt about to check a password, or says when to come back. */
export function reserve(state: ThrottleState, now: Date, policy: ThrottlePolicy, busyMs: number = LOGIN_THROTTLE.busyMs): Reservation {
  const s = settled(state, now, policy);
  if (s.blockedUntil) return { ok: false, retryAt: s.blockedUntil };
  const free = counted(s) + s.pending < policy.free;
  // Past its free attempts, a delay key lets one attempt at a time through; each failure then sets the delay.
  const oneAtATime = policy.mode === "delay" && s.pending === 0;
  if (!free && !oneAtATime) return { ok: false, retryAt: new Date(now.getTime() + busyMs) };
  return { ok: true, state: { ...s, pending: s.pending + 1 }, ticket: { generation: s.generation, failures: s.failures } };
}

/** The slot's password was wrong. `blocked` is true when this failure started a block. */
export function afterFailure(state: ThrottleState, now: Date, policy: ThrottlePolicy): { state: ThrottleState; blocked: boolean } {
  const s = settled(state, now, policy);
  const next: ThrottleState = { ...s, pending: Math.max(0, s.pending - 1), failures: s.failures + 1, lastFailure: now };
  const over = counted(next) - policy.free; // ≥ 0: at or past the limit
  if (over < 0) return { state: next, blocked: false };
  const ms = policy.mode === "lock" ? policy.lockMs : Math.min(policy.firstDelayMs * 2 ** Math.min(over, 30), policy.maxDelayMs);
  const until = new Date(now.getTime() + ms);
  const blockedUntil = s.blockedUntil && s.blockedUntil > until ? s.blockedUntil : until;
  return { state: { ...next, blockedUntil }, blocked: !isBlocked(s, now) };
}

/**
 * The slot's password was right: the slot is freed, and the failures counted before the slot was taken
 * (in the same count) are forgiven — never a failure that came later. `trustMs` marks a pair key known.
 */
export function afterSuccess(state: ThrottleState, now: Date, policy: ThrottlePolicy, ticket: Ticket, trustMs?: number): ThrottleState {
  const s = settled(state, now, policy);
  const forgiven = s.generation === ticket.generation ? Math.min(s.failures, Math.max(s.forgiven, ticket.failures)) : s.forgiven;
  const trustedUntil = trustMs ? new Date(now.getTime() + trustMs) : s.trustedUntil;
  return { ...s, pending: Math.max(0, s.pending - 1), forgiven, trustedUntil };
}

/** When the row may be deleted: nothing in it matters any more. */
export function expiresAt(state: ThrottleState, now: Date, policy: ThrottlePolicy): Date {
  const times = [now.getTime() + policy.windowMs, state.blockedUntil?.getTime() ?? 0, state.trustedUntil?.getTime() ?? 0];
  return new Date(Math.max(...times));
}

/** Seconds until `retryAt`, rounded up (at least 1), for the message shown to the user. */
export function secondsUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
}

/** "15 phút", "30 giây": how long to wait, in Vietnamese. */
export function waitText(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)} phút` : `${seconds} giây`;
}

/** The throttle keys of an attempt (username already normalised; address as resolved, or "unknown"). */
export function throttleKeys(username: string, address: string): Record<ThrottleKind, string> {
  return { pair: `pair:${username}|${address}`, account: `account:${username}`, address: `address:${address}` };
}
