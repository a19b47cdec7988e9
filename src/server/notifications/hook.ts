// The notifications a command causes, written in the command's own transaction right after its audit
// entry (src/server/commands/command.ts calls notifyFromCommand): they exist exactly when the change
// does. Each mapping names who is told (roles around the subject) and the permission that each of
// them must have on the subject (the permission table decides; see src/domain/notifications.ts).
// The command's author is never notified of their own action. Unmapped actions cost nothing.
import type { Actor, Target } from "@/domain/permissions";
import type { AuditRecord } from "@/server/commands/command";
import type { Tx } from "@/server/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { NOTIFICATION_KINDS } from "@/domain/notifications";
import { notify, type NotificationDraft } from "./deliver";
import { allowed, usersAround, type Recipient } from "./recipients";
import { can } from "@/domain/permissions";

export type CommandEvent = { action: string; target: Target; audit: AuditRecord; actor: Actor };

type Handler = (tx: Tx, event: CommandEvent) => Promise<void>;

const REPORT_LABEL = { YEAR_END: "Báo cáo tổng kết", MIDYEAR: "Báo cáo sơ kết 6 tháng" } as const;

async function reportOf(tx: Tx, id: string | null) {
  if (!id) return null;
  const r = await tx.unitReport.findUnique({
    where: { id },
    select: { id: true, kind: true, unitId: true, submissionCount: true, returnReason: true, unit: { select: { name: true } }, emulationYear: { select: { year: true, clusterId: true } } },
  });
  if (!r) return null;
  return { ...r, label: `${REPORT_LABEL[r.kind]} năm ${r.emulationYear.year}`, target: { clusterId: r.emulationYear.clusterId, unitId: r.unitId } };
}

const others = (recipients: Recipient[], actor: Actor) => recipients.filter((r) => r.actor.userId !== actor.userId);

const reportDraft = (r: NonNullable<Awaited<ReturnType<typeof reportOf>>>, d: Pick<NotificationDraft, "kind" | "title" | "body"> & { coalesce?: boolean }): NotificationDraft => ({
  ...d,
  subjectType: "REPORT",
  subjectId: r.id,
  clusterId: r.target.clusterId,
  unitId: r.unitId,
  href: `/reports/${r.id}`,
});

const HANDLERS: Record<string, Handler> = {
  // The officer saved the draft: the unit's head has a report to read and approve.
  async "report.saveDraft"(tx, { audit, actor }) {
    const r = await reportOf(tx, audit.entityId);
    if (!r) return;
    const heads = allowed(await usersAround(tx, { roles: ["UNIT_HEAD"], clusterIds: [r.target.clusterId], unitIds: [r.unitId] }), "report.approve", r.target);
    await notify(
      tx,
      others(heads, actor),
      reportDraft(r, {
        kind: "REPORT_AWAITING_APPROVAL",
        title: `${r.label} chờ lãnh đạo đơn vị duyệt`,
        body: `${actor.displayName} đã cập nhật ${r.label.toLowerCase()} của ${r.unit.name} lúc ${formatDateTime(new Date())}. Vui lòng đọc, duyệt và gửi Thư ký Cụm.`,
        coalesce: true,
      }),
    );
  },

  // The head submitted: the secretariat has a report to review.
  async "report.submit"(tx, { audit, actor }) {
    const r = await reportOf(tx, audit.entityId);
    if (!r) return;
    const secretariat = allowed(await usersAround(tx, { roles: ["SECRETARIAT"], clusterIds: [r.target.clusterId] }), "report.review", r.target);
    const again = r.submissionCount > 1;
    await notify(
      tx,
      others(secretariat, actor),
      reportDraft(r, {
        kind: "REPORT_SUBMITTED",
        title: `${r.unit.name} đã ${again ? "gửi lại" : "gửi"} ${r.label.toLowerCase()}`,
        body: `${actor.displayName} đã duyệt và ${again ? "gửi lại" : "gửi"} ${r.label.toLowerCase()} của ${r.unit.name}. Báo cáo đang chờ Thư ký Cụm tiếp nhận hoặc trả lại.`,
      }),
    );
    // The earlier "awaiting approval" notices about this report are settled.
    await tx.notification.updateMany({ where: { subjectId: r.id, kind: "REPORT_AWAITING_APPROVAL", readAt: null }, data: { readAt: new Date() } });
  },

  // Returned with a reason: the unit's officer (to edit) and head (to resubmit).
  async "report.return"(tx, { audit, actor }) {
    const r = await reportOf(tx, audit.entityId);
    if (!r) return;
    const unit = allowed(await usersAround(tx, { roles: ["UNIT_OFFICER", "UNIT_HEAD"], clusterIds: [r.target.clusterId], unitIds: [r.unitId] }), "report.view", r.target);
    const reason = (audit.after as { reason?: string } | undefined)?.reason ?? r.returnReason ?? "";
    await notify(
      tx,
      others(unit, actor),
      reportDraft(r, {
        kind: "REPORT_RETURNED",
        title: `${r.label} của ${r.unit.name} bị trả lại`,
        body: `Thư ký Cụm (${actor.displayName}) đã trả lại ${r.label.toLowerCase()}. Lý do: ${reason}`,
      }),
    );
  },

  async "report.accept"(tx, { audit, actor }) {
    const r = await reportOf(tx, audit.entityId);
    if (!r) return;
    const unit = allowed(await usersAround(tx, { roles: ["UNIT_OFFICER", "UNIT_HEAD"], clusterIds: [r.target.clusterId], unitIds: [r.unitId] }), "report.view", r.target);
    await notify(
      tx,
      others(unit, actor),
      reportDraft(r, {
        kind: "REPORT_ACCEPTED",
        title: `${r.label} của ${r.unit.name} đã được tiếp nhận`,
        body: `Thư ký Cụm (${actor.displayName}) đã tiếp nhận ${r.label.toLowerCase()}.`,
      }),
    );
  },

  "vote.round.open": voteOpened,
  "vote.round.runoff": voteOpened,

  // Cross-scoring sheets assigned: each scoring unit's officer and head.
  async "scoring.open"(tx, { audit, actor, target }) {
    if (!audit.entityId || !target.clusterId) return;
    const round = await tx.scoringRound.findUnique({
      where: { id: audit.entityId },
      select: { emulationYear: { select: { id: true, year: true, clusterId: true } }, assignments: { select: { scorerUnitId: true } } },
    });
    if (!round) return;
    const counts = new Map<string, number>();
    for (const a of round.assignments) counts.set(a.scorerUnitId, (counts.get(a.scorerUnitId) ?? 0) + 1);
    const people = await usersAround(tx, { roles: ["UNIT_OFFICER", "UNIT_HEAD"], clusterIds: [round.emulationYear.clusterId], unitIds: [...counts.keys()] });
    for (const [unitId, n] of counts) {
      const unitTarget = { clusterId: round.emulationYear.clusterId, unitId };
      await notify(tx, others(allowed(people.filter((p) => p.actor.unitId === unitId), "score.cross", unitTarget), actor), {
        kind: "CROSS_SCORING_OPENED",
        subjectType: "YEAR",
        subjectId: round.emulationYear.id,
        ...unitTarget,
        title: `Đã mở chấm chéo năm ${round.emulationYear.year}`,
        body: `Đơn vị được phân công chấm ${n} báo cáo của đơn vị khác. Vui lòng chấm và gửi phiếu chấm chéo trước hội nghị tổng kết.`,
        href: "/reports/cross",
      });
    }
  },
};

// A round opens: every member unit's head, its delegate, may now vote.
async function voteOpened(tx: Tx, { audit, actor }: CommandEvent) {
  if (!audit.entityId) return;
  const round = await tx.voteRound.findUnique({
    where: { id: audit.entityId },
    select: { id: true, title: true, state: true, emulationYear: { select: { year: true, clusterId: true } } },
  });
  if (!round || round.state !== "OPEN") return;
  const clusterId = round.emulationYear.clusterId;
  const members = await tx.unit.findMany({ where: { clusterId, parentId: null, active: true }, select: { id: true } });
  const heads = await usersAround(tx, { roles: ["UNIT_HEAD"], clusterIds: [clusterId], unitIds: members.map((m) => m.id) });
  const byUnit = new Map<string, Recipient[]>();
  for (const h of heads) if (h.actor.unitId && can(h.actor, "vote.cast", { clusterId, unitId: h.actor.unitId })) byUnit.set(h.actor.unitId, [...(byUnit.get(h.actor.unitId) ?? []), h]);
  for (const [unitId, recipients] of byUnit) {
    await notify(tx, others(recipients, actor), {
      kind: "VOTE_OPENED",
      subjectType: "VOTE_ROUND",
      subjectId: round.id,
      clusterId,
      unitId,
      title: `Mở bỏ phiếu: ${round.title}`,
      body: `Thư ký Cụm đã mở vòng bỏ phiếu “${round.title}” (năm ${round.emulationYear.year}). Đồng chí là đại biểu bỏ phiếu của đơn vị.`,
      href: `/conference/rounds/${round.id}/vote`,
    });
  }
}

// Proposal dossiers (issue 14): the units are told when the list is published; the secretariat when a
// unit objects, when the Ministry returns the dossier and when it records a decision.
async function dossierOf(tx: Tx, dossierId: string | null) {
  if (!dossierId) return null;
  const d = await tx.dossier.findUnique({ where: { id: dossierId }, select: { id: true, returnReason: true, disclosureEndsOn: true, emulationYear: { select: { id: true, year: true, clusterId: true } } } });
  return d && { ...d, clusterId: d.emulationYear.clusterId, year: d.emulationYear.year, yearId: d.emulationYear.id };
}

async function toSecretariat(tx: Tx, event: CommandEvent, dossierId: string | null, kind: "DOSSIER_OBJECTION" | "DOSSIER_RETURNED" | "DECISION_RECORDED", text: (d: NonNullable<Awaited<ReturnType<typeof dossierOf>>>) => { title: string; body: string }) {
  const d = await dossierOf(tx, dossierId);
  if (!d) return;
  const target = { clusterId: d.clusterId };
  const secretariat = allowed(await usersAround(tx, { roles: ["SECRETARIAT"], clusterIds: [d.clusterId] }), NOTIFICATION_KINDS[kind].permission, target);
  await notify(tx, others(secretariat, event.actor), { kind, subjectType: "YEAR", subjectId: d.yearId, clusterId: d.clusterId, unitId: null, href: `/dossiers/${d.id}`, ...text(d) });
}

Object.assign(HANDLERS, {
  async "dossier.publish"(tx: Tx, event: CommandEvent) {
    const d = await dossierOf(tx, event.audit.entityId);
    if (!d) return;
    const people = allowed(await usersAround(tx, { roles: ["UNIT_OFFICER", "UNIT_HEAD"], clusterIds: [d.clusterId] }), "dossier.disclosure", { clusterId: d.clusterId });
    await notify(tx, others(people, event.actor), {
      kind: "DOSSIER_PUBLISHED",
      subjectType: "YEAR",
      subjectId: d.yearId,
      clusterId: d.clusterId,
      unitId: null,
      title: `Công khai danh sách đề nghị khen thưởng năm ${d.year}`,
      body: `Thư ký Cụm đã công khai danh sách đề nghị khen thưởng năm ${d.year}. Đơn vị có ý kiến về đề nghị nào thì gửi đến hết ngày ${formatDate(d.disclosureEndsOn)}.`,
      href: `/dossiers/${d.id}`,
    });
  },
  async "dossier.objection.lodge"(tx: Tx, event: CommandEvent) {
    const after = event.audit.after as { dossierId?: string } | undefined;
    await toSecretariat(tx, event, after?.dossierId ?? null, "DOSSIER_OBJECTION", (d) => ({
      title: `Có ý kiến về đề nghị khen thưởng năm ${d.year}`,
      body: `${event.actor.displayName} đã gửi ý kiến về một đề nghị trong danh sách công khai. Vui lòng trả lời trước khi gửi hồ sơ lên Bộ.`,
    }));
  },
  async "dossier.return"(tx: Tx, event: CommandEvent) {
    await toSecretariat(tx, event, event.audit.entityId, "DOSSIER_RETURNED", (d) => ({
      title: `Bộ trả lại hồ sơ đề nghị khen thưởng năm ${d.year}`,
      body: `Thường trực Hội đồng Thi đua – Khen thưởng Bộ đã trả lại hồ sơ. Lý do: ${d.returnReason ?? ""}`,
    }));
  },
  async "decision.record"(tx: Tx, event: CommandEvent) {
    const after = event.audit.after as { dossierId?: string; number?: string; approved?: number } | undefined;
    await toSecretariat(tx, event, after?.dossierId ?? null, "DECISION_RECORDED", (d) => ({
      title: `Quyết định khen thưởng năm ${d.year}: số ${after?.number ?? ""}`,
      body: `Bộ đã ghi quyết định số ${after?.number ?? ""}: ${after?.approved ?? 0} đề nghị được khen thưởng; kết quả đã vào lịch sử thi đua.`,
    }));
  },
} satisfies Record<string, Handler>);

/** Called by executeCommand after the audit insert, in the same transaction. */
export async function notifyFromCommand(tx: Tx, event: CommandEvent): Promise<void> {
  const handler = HANDLERS[event.action];
  if (handler) await handler(tx, event);
}

/** The actions that notify (tests and docs). */
export const NOTIFYING_ACTIONS = Object.keys(HANDLERS);
