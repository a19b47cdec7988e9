import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, trustedHops } from "@/domain/client-address";

describe("client address", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "::ffff:203.0.113.7", forwardedFor: "198.51.100.1", hops: 0 })).toBe("203.0.113.7");
    expect(clientAddress({ peer: null, forwardedFor: "198.51.100.1", hops: 0 })).toBe("unknown");
  });

  it("with trusted proxies, reads X-Forwarded-For from the right, past what the client prepended", () => {
    const xff = "6.6.6.6, 198.51.100.1, 10.0.0.2";
    expect(clientAddress({ peer: "10.0.0.3", forwardedFor: xff, hops: 1 })).toBe("10.0.0.2");
    expect(clientAddress({ peer: "10.0.0.3", forwardedFor: xff, hops: 2 })).toBe("198.51.100.1");
    // Fewer entries than proxies: the request did not come through them all; the socket it is.
    expect(clientAddress({ peer: "10.0.0.3", forwardedFor: "198.51.100.1", hops: 2 })).toBe("10.0.0.3");
    expect(clientAddress({ peer: "10.0.0.3", forwardedFor: "not an address", hops: 1 })).toBe("10.0.0.3");
  });

  it("normalises addresses and refuses anything else", () => {
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("203.0.113.7:5000")).toBe("203.0.113.7");
    expect(normaliseAddress("999.1.1.1")).toBeNull();
    expect(normaliseAddress("<script>")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });

  it("TRUST_PROXY_HOPS: a small whole number, else 0", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("1")).toBe(1);
    expect(trustedHops("-1")).toBe(0);
    expect(trustedHops("yes")).toBe(0);
  });
});
