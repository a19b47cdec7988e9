import { z } from "zod";
import type { Tx } from "@/server/db";
import type { Permission, Target } from "@/domain/permissions";
import { commandFamily, NotFoundError, UserError } from "../command";

const CODE_TAKEN = "Mã đã tồn tại.";
export const codeUnique = { code: { field: "code", message: CODE_TAKEN } };

/**
 * A status flag for update commands: "on"/"true" → true, "false" → false, absent → unchanged.
 * (Edit forms do not carry it: status changes go through the set…Active / setUserDisabled commands,
 * behind a confirmation, so a stale edit form can never undo them.)
 */
export const optionalFlag = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "on" || v === "true" || v === true));

/** A required true/false flag, as posted by a status button. */
export const requiredFlag = (label: string) =>
  z
    .union([z.literal("true"), z.literal("false"), z.boolean()], { error: `${label} không hợp lệ.` })
    .transform((v) => v === "true" || v === true);

/** Row lock, so that concurrent admin commands check rules against settled data. */
export async function lockRow(tx: Tx, table: "Block" | "Cluster" | "Unit" | "User" | "TitleDefinition", id: string) {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${table}" WHERE "id" = $1::uuid FOR UPDATE`, id);
  if (rows.length === 0) throw new NotFoundError();
}

/**
 * The admin's commands on one stored row: the row locked before anything is checked, filed under
 * `scope`, and loaded for the run as it was before the command (the audit's "before").
 */
export const storedRowCommand = <T>(
  permission: Permission,
  table: "Block" | "Cluster",
  load: (tx: Tx, id: string) => Promise<T>,
  scope: (id: string) => Target = () => ({}),
) =>
  commandFamily({
    permission,
    target: async (tx, input: { id: string }) => {
      await lockRow(tx, table, input.id);
      return scope(input.id);
    },
    load: (tx, input) => load(tx, input.id),
  });

export const fieldError = (field: string, message: string) => new UserError(message, { [field]: [message] });

export async function enabledAccountsIn(tx: Tx, where: { unitId?: string; clusterId?: string }) {
  return tx.user.count({ where: { ...where, disabled: false } });
}

/** What an admin command that creates a row answers: its id, the message, and the audit entry of what was written. */
export const createdRow = (entityType: string, id: string, message: string, after: unknown) => ({
  data: { id },
  message,
  audit: { entityType, entityId: id, after },
});

/** What an admin edit answers: its id, "Đã lưu thay đổi.", and the audit entry of the row before and after. */
export const savedRow = (entityType: string, id: string, before: unknown, after: unknown) => ({
  data: { id },
  message: "Đã lưu thay đổi.",
  audit: { entityType, entityId: id, before, after },
});
