// Runs once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressStamp } = await import("./server/security/peer-address");
    installPeerAddressStamp();
  }
}
