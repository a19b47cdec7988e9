import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  afterFailure,
  afterSuccess,
  counted,
  EMPTY_THROTTLE,
  isBlocked,
  LOGIN_THROTTLE,
  reserve,
  secondsUntil,
  settled,
  waitText,
  type ThrottlePolicy,
  type ThrottleState,
  type Ticket,
} from "@/domain/login-throttle";

const t0 = new Date("2026-03-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const { pair, account } = LOGIN_THROTTLE;

/** One complete attempt (reserve, then the verdict) at each time; refused attempts change nothing. */
function attempts(policy: ThrottlePolicy, times: number[], verdict: "failure" | "success" = "failure", from: ThrottleState = EMPTY_THROTTLE) {
  let s = from;
  let refused = 0;
  for (const ms of times) {
    const r = reserve(s, at(ms), policy);
    if (!r.ok) {
      refused++;
      continue;
    }
    s = verdict === "failure" ? afterFailure(r.state, at(ms), policy).state : afterSuccess(r.state, at(ms), policy, r.ticket);
  }
  return { state: s, refused };
}

describe("login throttle: the pair (account, address) lock", () => {
  it("locks on the fifth failure, for 15 minutes, then starts a fresh count", () => {
    const four = attempts(pair, [0, 1000, 2000, 3000]).state;
    expect(isBlocked(four, at(3000))).toBe(false);
    const fifth = reserve(four, at(4000), pair);
    expect(fifth.ok).toBe(true);
    const five = afterFailure(fifth.ok ? fifth.state : four, at(4000), pair);
    expect(five.blocked).toBe(true);
    expect(secondsUntil(five.state.blockedUntil!, at(4000))).toBe(15 * 60);
    expect(reserve(five.state, at(4000 + pair.lockMs - 1), pair)).toEqual({ ok: false, retryAt: at(4000 + pair.lockMs) });
    const later = reserve(five.state, at(4000 + pair.lockMs), pair);
    expect(later.ok && counted(later.state)).toBe(0);
  });

  it("starts counting again after a quiet window", () => {
    const s = attempts(pair, [0, 1000, 2000, 3000, 3000 + pair.windowMs]).state;
    expect(s.failures).toBe(1);
    expect(isBlocked(s, at(3000 + pair.windowMs))).toBe(false);
  });

  it("counts an attempt before its password is checked: with 20 at once, only 5 get a slot", () => {
    let s = EMPTY_THROTTLE;
    const tickets: Ticket[] = [];
    let refused = 0;
    for (let i = 0; i < 20; i++) {
      const r = reserve(s, t0, pair);
      if (r.ok) {
        s = r.state;
        tickets.push(r.ticket);
      } else refused++;
    }
    expect(tickets).toHaveLength(pair.free);
    expect(refused).toBe(20 - pair.free);
    for (const _ of tickets) s = afterFailure(s, t0, pair).state;
    expect(isBlocked(s, t0)).toBe(true);
    expect(s.pending).toBe(0);
  });

  it("a success frees its own slot and forgives only the failures counted before it reserved", () => {
    let s = attempts(pair, [0, 1, 2]).state; // three failures
    const win = reserve(s, at(10), pair);
    const lose = win.ok ? reserve(win.state, at(10), pair) : win;
    expect(win.ok && lose.ok).toBe(true);
    if (!win.ok || !lose.ok) return;
    s = afterFailure(lose.state, at(11), pair).state; // a failure the success did not see
    s = afterSuccess(s, at(12), pair, win.ticket);
    expect(s.pending).toBe(0);
    expect(counted(s)).toBe(1);
  });

  it("never has more failures plus attempts in flight than `free`, whatever the interleaving (property)", () => {
    // Operations: 0 = a new attempt reserves; 1 = the oldest attempt in flight fails; 2 = it succeeds.
    // Failures + slots ≤ free at every step means no password is checked once `free` have failed.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 80 }), (ops) => {
        let s = EMPTY_THROTTLE;
        const inFlight: Ticket[] = [];
        for (const op of ops) {
          if (op === 0) {
            const r = reserve(s, t0, pair);
            if (r.ok) {
              s = r.state;
              inFlight.push(r.ticket);
            }
          } else if (inFlight.length) {
            const ticket = inFlight.shift()!;
            s = op === 1 ? afterFailure(s, t0, pair).state : afterSuccess(s, t0, pair, ticket);
          }
          if (s.pending !== inFlight.length || counted(s) + s.pending > pair.free) return false;
        }
        return true;
      }),
    );
  });

  it("a success never forgives a failure that completed after it reserved (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 60 }), (ops) => {
        let s = EMPTY_THROTTLE;
        const inFlight: { ticket: Ticket; failuresAtStart: number }[] = [];
        let completedFailures = 0;
        let forgivable = 0; // most failures any completed success had seen
        for (const op of ops) {
          if (op === 0) {
            const r = reserve(s, t0, pair);
            if (r.ok) {
              s = r.state;
              inFlight.push({ ticket: r.ticket, failuresAtStart: completedFailures });
            }
          } else if (inFlight.length) {
            const { ticket, failuresAtStart } = inFlight.shift()!;
            if (op === 1) {
              s = afterFailure(s, t0, pair).state;
              completedFailures++;
            } else {
              s = afterSuccess(s, t0, pair, ticket);
              forgivable = Math.max(forgivable, failuresAtStart);
            }
          }
          if (s.generation > 0) return true; // a lock was served: a new count (not reached at one instant)
          if (counted(s) !== completedFailures - forgivable) return false;
        }
        return true;
      }),
    );
  });
});

describe("login throttle: the account and address delays", () => {
  it("lets the free attempts through, then one at a time with a doubling delay, capped", () => {
    const times = Array.from({ length: account.free }, (_, i) => i);
    const free = attempts(account, times).state;
    expect(isBlocked(free, at(account.free))).toBe(true);
    expect(secondsUntil(free.blockedUntil!, at(account.free - 1))).toBe(account.firstDelayMs / 1000);
    // The next attempt after the delay fails: the delay doubles.
    const r = reserve(free, at(account.free + account.firstDelayMs), account);
    expect(r.ok).toBe(true);
    const next = afterFailure(r.ok ? r.state : free, at(account.free + account.firstDelayMs), account).state;
    expect(next.blockedUntil!.getTime() - (t0.getTime() + account.free + account.firstDelayMs)).toBe(2 * account.firstDelayMs);
    // Far past the limit, the delay stays at the cap.
    let s = next;
    let ms = account.free + account.firstDelayMs;
    for (let i = 0; i < 20; i++) {
      ms = s.blockedUntil!.getTime() - t0.getTime();
      const again = reserve(s, at(ms), account);
      expect(again.ok).toBe(true);
      s = afterFailure(again.ok ? again.state : s, at(ms), account).state;
    }
    expect(s.blockedUntil!.getTime() - at(ms).getTime()).toBe(account.maxDelayMs);
  });

  it("past the free attempts, a second attempt in flight is refused", () => {
    const full = attempts(account, Array.from({ length: account.free }, () => 0)).state;
    const afterDelay = at(account.maxDelayMs);
    const one = reserve(full, afterDelay, account);
    expect(one.ok).toBe(true);
    expect(one.ok && reserve(one.state, afterDelay, account).ok).toBe(false);
  });

  it("keeps the count through a served delay, and forgets it after a quiet window", () => {
    const full = attempts(account, Array.from({ length: account.free }, () => 0)).state;
    expect(settled(full, at(account.firstDelayMs), account).failures).toBe(account.free);
    expect(settled(full, at(account.windowMs), account).failures).toBe(0);
  });
});

describe("waiting messages", () => {
  it("reads seconds and minutes in Vietnamese", () => {
    expect(waitText(15)).toBe("15 giây");
    expect(waitText(60)).toBe("1 phút");
    expect(waitText(900)).toBe("15 phút");
    expect(waitText(61)).toBe("2 phút");
  });
});
