// Read-side checks: a query that finds nothing the actor may see answers "not found" (404).
import { can, type Actor, type Permission, type Target } from "@/domain/permissions";
import { recordAccessDenied } from "@/server/security/access";
import { notFound } from "@/server/errors";

export function assertCan(actor: Actor, permission: Permission, target: Target | null | undefined): asserts target {
  if (!target) notFound();
  if (!can(actor, permission, target)) {
    // Answered like a missing record; recorded without holding up the answer.
    void recordAccessDenied(actor, { permission, via: "read", target });
    notFound();
  }
}
