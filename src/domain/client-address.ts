// Which address a request came from, for login throttling and the security log.
//
// Next.js copies the socket's address into X-Forwarded-For only when the request has none, so that
// header alone is whatever the client chose to send. The server stamps the socket's address into a
// header of its own (src/server/security/peer-address.ts), under a secret only this process knows; a
// client cannot forge it. X-Forwarded-For is believed only for as many proxies as TRUST_PROXY_HOPS says
// sit in front of the app, read from the right (each proxy appends the address it received from).

/** The header the server stamps: "<process secret> <socket address>". */
export const PEER_HEADER = "x-sothidua-peer";

/** TRUST_PROXY_HOPS: a whole number ≥ 0 (0, the default, ignores X-Forwarded-For). */
export function trustedHops(value: string | undefined): number {
  const n = Number(value ?? "0");
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** A textual IP address as written in headers, normalised (IPv4-mapped IPv6 → IPv4; lower case), or null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  let a = (raw ?? "").trim().toLowerCase();
  if (a.startsWith("[") && a.includes("]")) a = a.slice(1, a.indexOf("]")); // [v6]:port
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":")); // v4:port
  if (a.startsWith("::ffff:") && /^\d{1,3}(\.\d{1,3}){3}$/.test(a.slice(7))) a = a.slice(7);
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return a.split(".").every((o) => Number(o) <= 255) ? a : null;
  if (/^[0-9a-f:.]{2,45}$/.test(a) && a.includes(":")) return a;
  return null;
}

/**
 * The client's address: with `hops` trusted proxies, the `hops`-th entry of X-Forwarded-For from the
 * right (the address the outermost trusted proxy received the request from); otherwise, or when the
 * header has fewer entries, the socket's address. "unknown" when neither is usable.
 */
export function clientAddress(input: { peer: string | null; forwardedFor: string | null; hops: number }): string {
  if (input.hops > 0 && input.forwardedFor) {
    const entries = input.forwardedFor.split(",").map((e) => e.trim()).filter(Boolean);
    if (entries.length >= input.hops) {
      const address = normaliseAddress(entries[entries.length - input.hops]);
      if (address) return address;
    }
  }
  return normaliseAddress(input.peer) ?? "unknown";
}
