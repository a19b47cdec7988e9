import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, EMPTY_THROTTLE, isLocked, LOGIN_THROTTLE, minutesLocked, type ThrottleState } from "@/domain/login-throttle";

const t0 = new Date("2026-03-01T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(times: number[]): ThrottleState {
  return times.reduce((s, ms) => afterFailure(s, at(ms)), EMPTY_THROTTLE);
}

describe("login throttle", () => {
  it("locks on the fifth failure inside the window, for the lock period", () => {
    const four = failTimes([0, 1000, 2000, 3000]);
    expect(isLocked(four, at(3000))).toBe(false);
    const five = afterFailure(four, at(4000));
    expect(isLocked(five, at(4000))).toBe(true);
    expect(minutesLocked(five, at(4000))).toBe(15);
    expect(isLocked(five, at(4000 + LOGIN_THROTTLE.lockMs - 1))).toBe(true);
    expect(isLocked(five, at(4000 + LOGIN_THROTTLE.lockMs))).toBe(false);
  });

  it("starts counting again when the window has passed", () => {
    const s = failTimes([0, 1000, 2000, 3000, LOGIN_THROTTLE.windowMs + 1]);
    expect(s.failures).toBe(1);
    expect(isLocked(s, at(LOGIN_THROTTLE.windowMs + 1))).toBe(false);
  });

  it("starts a fresh count after a lock has expired", () => {
    const locked = failTimes([0, 1, 2, 3, 4]);
    const after = afterFailure(locked, at(4 + LOGIN_THROTTLE.lockMs + 1));
    expect(after.failures).toBe(1);
    expect(isLocked(after, at(4 + LOGIN_THROTTLE.lockMs + 1))).toBe(false);
  });

  it("never locks with fewer failures than the limit inside any window (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 * 60_000 }), { maxLength: LOGIN_THROTTLE.maxFailures - 1 }), (gaps) => {
        let ms = 0;
        const times = gaps.map((g) => (ms += g));
        const s = failTimes(times);
        return !isLocked(s, at(ms));
      }),
    );
  });

  it("always locks after maxFailures failures within one minute (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: LOGIN_THROTTLE.maxFailures, maxLength: LOGIN_THROTTLE.maxFailures }), (gaps) => {
        let ms = 0;
        const times = gaps.map((g) => (ms += g));
        return isLocked(failTimes(times), at(ms));
      }),
    );
  });
});
