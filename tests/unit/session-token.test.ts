// The session cookie read without Auth.js's session round (src/server/auth/session-token.ts): only a
// token this server issued, for this cookie name, before its expiry, gives a user id.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIES } from "@/lib/session-cookies";
import { sessionClaimsOf, sessionUserIdOf } from "@/server/auth/session-token";

const secret = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const name = SESSION_COOKIES[1];
const mint = (sub: string | undefined, maxAge = 3600, salt: string = name, key = secret) => encode({ token: sub ? { sub } : {}, secret: key, salt, maxAge });

describe("sessionUserIdOf", () => {
  it("gives the subject of a token this server issued, the same on every later request", async () => {
    const token = await mint("user-1");
    expect(await sessionUserIdOf(token, name, secret)).toBe("user-1");
    expect(await sessionUserIdOf(token, name, secret)).toBe("user-1");
  });

  it("refuses a token issued with another secret, for the other cookie name, tampered with, or not a token", async () => {
    expect(await sessionUserIdOf(await mint("user-2", 3600, name, "another-secret-0123456789abcdefghijklmnop"), name, secret)).toBeNull();
    const forSecure = await mint("user-3", 3600, SESSION_COOKIES[0]);
    expect(await sessionUserIdOf(forSecure, name, secret)).toBeNull();
    expect(await sessionUserIdOf(forSecure, SESSION_COOKIES[0], secret)).toBe("user-3");
    const token = await mint("user-4");
    const parts = token.split(".");
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith("AA") ? "BB" : "AA");
    expect(await sessionUserIdOf(parts.join("."), name, secret)).toBeNull();
    expect(await sessionUserIdOf("not-a-token", name, secret)).toBeNull();
    expect(await sessionUserIdOf(await mint(undefined), name, secret)).toBeNull();
  });

  it("refuses an expired token, also one it has read before (checked on every use)", async () => {
    expect(await sessionUserIdOf(await mint("user-5", -60), name, secret)).toBeNull();
    const token = await mint("user-6", 60);
    expect(await sessionUserIdOf(token, name, secret)).toBe("user-6");
    expect(await sessionUserIdOf(token, name, secret, Date.now() + 70_000)).toBe("user-6"); // within the 15 s tolerance
    expect(await sessionUserIdOf(token, name, secret, Date.now() + 80_000)).toBeNull();
  });

  it("gives the session id the token names (none for a token from before sessions had rows)", async () => {
    const token = await encode({ token: { sub: "user-7", sid: "session-7" }, secret, salt: name, maxAge: 60 });
    expect(await sessionClaimsOf(token, name, secret)).toEqual({ userId: "user-7", sessionId: "session-7" });
    expect(await sessionClaimsOf(await mint("user-8"), name, secret)).toEqual({ userId: "user-8", sessionId: null });
  });
});
