// The dashboard's cache (src/server/cache/versioned-cache.ts): a value is reused only under the
// version it was computed for; concurrent misses share one computation; failures are not kept; the
// least recently used key goes first.
import { describe, expect, it } from "vitest";
import { isNewerVersion, VersionedCache } from "@/server/cache/versioned-cache";

const counter = () => {
  let calls = 0;
  return { compute: (value: string) => () => (calls++, Promise.resolve(value)), calls: () => calls };
};

describe("VersionedCache", () => {
  it("reuses a value under the same version and computes again under another", async () => {
    const cache = new VersionedCache<string>(10);
    const c = counter();
    expect(await cache.get("k", "5", c.compute("a"))).toBe("a");
    expect(await cache.get("k", "5", c.compute("b"))).toBe("a");
    expect(await cache.get("k", "6", c.compute("c"))).toBe("c");
    expect(await cache.get("k", "6", c.compute("d"))).toBe("c");
    expect(c.calls()).toBe(2);
  });

  it("shares one computation between concurrent requests", async () => {
    const cache = new VersionedCache<string>(10);
    let release!: (v: string) => void;
    let calls = 0;
    const slow = () => (calls++, new Promise<string>((r) => (release = r)));
    const both = Promise.all([cache.get("k", "1", slow), cache.get("k", "1", slow)]);
    release("x");
    expect(await both).toEqual(["x", "x"]);
    expect(calls).toBe(1);
  });

  it("does not keep a failure", async () => {
    const cache = new VersionedCache<string>(10);
    await expect(cache.get("k", "1", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await cache.get("k", "1", () => Promise.resolve("ok"))).toBe("ok");
  });

  it("does not let a request that read an older version replace a newer value", async () => {
    const cache = new VersionedCache<string>(10);
    await cache.get("k", "10", () => Promise.resolve("new"));
    expect(await cache.get("k", "9", () => Promise.resolve("old"))).toBe("old"); // computed for that request only
    const c = counter();
    expect(await cache.get("k", "10", c.compute("again"))).toBe("new");
    expect(c.calls()).toBe(0);
  });

  it("forgets the least recently used key beyond its size", async () => {
    const cache = new VersionedCache<string>(2);
    await cache.get("a", "1", () => Promise.resolve("A"));
    await cache.get("b", "1", () => Promise.resolve("B"));
    await cache.get("a", "1", () => Promise.resolve("A2")); // a is now the most recent
    await cache.get("c", "1", () => Promise.resolve("C")); // b goes
    const c = counter();
    expect(await cache.get("a", "1", c.compute("A3"))).toBe("A");
    expect(await cache.get("b", "1", c.compute("B2"))).toBe("B2");
    expect(c.calls()).toBe(1);
  });

  it("orders composite versions (the data version, then the reminders count) part by part", async () => {
    expect(isNewerVersion("10", "9")).toBe(true);
    expect(isNewerVersion("9", "10")).toBe(false);
    expect(isNewerVersion("10.3", "10.2")).toBe(true);
    expect(isNewerVersion("11.0", "10.7")).toBe(true);
    expect(isNewerVersion("10.7", "11.0")).toBe(false);
    expect(isNewerVersion("10.2", "10.2")).toBe(false);
    const cache = new VersionedCache<string>(10);
    await cache.get("k", "11.0", () => Promise.resolve("new"));
    expect(await cache.get("k", "10.9", () => Promise.resolve("old"))).toBe("old");
    expect(await cache.get("k", "11.0", () => Promise.resolve("again"))).toBe("new");
  });
});
