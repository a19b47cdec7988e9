// Failed-login throttling: after MAX_FAILURES failures within WINDOW the username is locked for LOCK.
// Pure state transitions; the state itself is stored in Postgres (shared by every app instance).

export const LOGIN_THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

export type ThrottleState = { failures: number; firstFailedAt: Date | null; lockedUntil: Date | null };

export const EMPTY_THROTTLE: ThrottleState = { failures: 0, firstFailedAt: null, lockedUntil: null };

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: ThrottleState, now: Date, limits = LOGIN_THROTTLE): ThrottleState {
  const windowOpen =
    state.firstFailedAt !== null && now.getTime() - state.firstFailedAt.getTime() < limits.windowMs && !lockExpired(state, now);
  const failures = windowOpen ? state.failures + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  const lockedUntil = failures >= limits.maxFailures ? new Date(now.getTime() + limits.lockMs) : state.lockedUntil;
  return { failures, firstFailedAt, lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null };
}

function lockExpired(state: ThrottleState, now: Date) {
  return state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
}

/** Minutes left on a lock, rounded up, for the message shown to the user. */
export function minutesLocked(state: ThrottleState, now: Date): number {
  if (!isLocked(state, now)) return 0;
  return Math.ceil((state.lockedUntil!.getTime() - now.getTime()) / 60_000);
}
