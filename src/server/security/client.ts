// Who is on the other end of a request: its address (as trusted per TRUST_PROXY_HOPS) and user agent.
import { clientAddress, trustedHops } from "@/domain/client-address";
import { peerAddressOf } from "./peer-address";

type HeaderBag = { get(name: string): string | null };

export type Client = { address: string; userAgent: string | null };

export function clientOf(headers: HeaderBag): Client {
  const address = clientAddress({
    peer: peerAddressOf(headers),
    forwardedFor: headers.get("x-forwarded-for"),
    hops: trustedHops(process.env.TRUST_PROXY_HOPS),
  });
  const agent = headers.get("user-agent");
  // Stored as text: no control characters, no lone surrogates (Postgres and the driver refuse or mangle them).
  const clean = agent?.replace(/[\u0000-\u001f\u007f]/g, "").toWellFormed().slice(0, 300);
  return { address, userAgent: clean || null };
}

/** The client of the current request (server components and actions). */
export async function currentClient(): Promise<Client> {
  const { headers } = await import("next/headers");
  return clientOf(await headers());
}
