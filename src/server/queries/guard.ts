// Read-side checks: a query that finds nothing the actor may see answers "not found" (404).
import { can, type Actor, type Permission, type Target } from "@/domain/permissions";
import { recordAccessDenied } from "@/server/security/access";
import { isUuid } from "@/domain/validation";
import { notFound } from "@/server/errors";

export function assertCan(actor: Actor, permission: Permission, target: Target | null | undefined): asserts target {
  if (!target) notFound();
  if (!can(actor, permission, target)) {
    // Answered like a missing record; recorded without holding up the answer.
    void recordAccessDenied(actor, { permission, via: "read", target });
    notFound();
  }
}

/** The record a URL names: an id that is not a UUID is not looked up and, like a missing record, is "not found". */
export async function named<T>(id: string, find: (id: string) => Promise<T | null>): Promise<T> {
  if (!isUuid(id)) notFound();
  return (await find(id)) ?? notFound();
}
