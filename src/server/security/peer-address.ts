// Stamps every incoming HTTP request with the address of its TCP peer, in a header Next.js then hands
// to pages, server actions and Auth.js like any other (PEER_HEADER, src/domain/client-address.ts).
// Next.js exposes no socket to application code, and the X-Forwarded-For it fills in is kept as the
// client sent it when the client sent one. Whatever the client sent under our header is replaced, and
// the value carries a secret made for this process, so a forged header is recognised and ignored.
import { randomBytes } from "node:crypto";
import http from "node:http";
import { PEER_HEADER } from "@/domain/client-address";

const STATE = Symbol.for("sothidua.peer-address");
type State = { secret: string };
const globalState = globalThis as unknown as { [STATE]?: State };

/** Installs the stamp on every HTTP server of this process (once). Called from src/instrumentation.ts. */
export function installPeerAddressStamp(): void {
  if (globalState[STATE]) return;
  const state: State = { secret: randomBytes(18).toString("base64url") };
  globalState[STATE] = state;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = `${state.secret} ${req.socket?.remoteAddress ?? ""}`;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

/** The socket address stamped on a request's headers, or null (no stamp, or a forged one). */
export function peerAddressOf(headers: { get(name: string): string | null }): string | null {
  const state = globalState[STATE];
  const value = headers.get(PEER_HEADER);
  if (!state || !value) return null;
  const space = value.indexOf(" ");
  return space > 0 && value.slice(0, space) === state.secret ? value.slice(space + 1) : null;
}
