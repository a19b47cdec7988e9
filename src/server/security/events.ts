// The security event log: sign-ins, failed sign-ins, locks, sign-outs, ended sessions and refused reads
// and writes. A table of its own beside the audit chain: the chain records changes to the records (and
// is verified entry by entry); these are attempts, many of them by nobody in particular, and would only
// bloat it. Written outside any command's transaction, so a refused command's rollback keeps its trace.
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db";
import { errorField, log } from "@/server/log";

export const SECURITY_EVENT_KINDS = {
  "login.success": "Đăng nhập",
  "login.failed": "Đăng nhập sai",
  "login.blocked": "Tạm khóa đăng nhập",
  logout: "Đăng xuất",
  "session.endOthers": "Kết thúc các phiên khác",
  "access.denied": "Từ chối truy cập",
} as const;

export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

export type SecurityEventInput = {
  kind: SecurityEventKind;
  username?: string | null;
  userId?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
};

/** Records an event; never throws (a failure to record is one line in the server log). */
export async function recordSecurityEvent(event: SecurityEventInput): Promise<void> {
  try {
    await prisma.securityEvent.create({
      data: {
        kind: event.kind,
        username: event.username?.slice(0, 64) ?? null,
        userId: event.userId ?? null,
        address: event.address?.slice(0, 64) ?? null,
        detail: event.detail ? (JSON.parse(JSON.stringify(event.detail)) as Prisma.InputJsonValue) : Prisma.DbNull,
      },
    });
  } catch (error) {
    log.error({ event: "security.record-failed", kind: event.kind, error: errorField(error, false) }, "could not record a security event");
  }
}
