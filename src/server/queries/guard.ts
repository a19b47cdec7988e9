// Read-side checks: a query that finds nothing the actor may see answers "not found" (404).
import { notFound } from "next/navigation";
import { can, type Actor, type Permission, type Target } from "@/domain/permissions";

export function assertCan(actor: Actor, permission: Permission, target: Target | null | undefined): asserts target {
  if (!target || !can(actor, permission, target)) notFound();
}
