// Refused reads and writes (the permission table said no for the record's scope, or the role has no
// such permission at all) leave a security event: who, what, and the scope they reached for.
import type { Actor, Permission, Target } from "@/domain/permissions";
import { currentClient } from "./client";
import { recordSecurityEvent } from "./events";

export async function recordAccessDenied(
  actor: Actor,
  refusal: { permission: Permission; via: "read" | "write"; command?: string; target?: Target | null },
): Promise<void> {
  // Outside a request (tests, scripts) there is no client to name.
  const address = (await currentClient().catch(() => null))?.address ?? null;
  await recordSecurityEvent({
    kind: "access.denied",
    username: actor.username,
    userId: actor.userId,
    address,
    detail: {
      via: refusal.via,
      permission: refusal.permission,
      ...(refusal.command ? { command: refusal.command } : {}),
      ...(refusal.target ? { clusterId: refusal.target.clusterId ?? null, unitId: refusal.target.unitId ?? null } : {}),
    },
  });
}
