// Movements and drives on Postgres (issue 17 item 1; docs/domain.md §10): launched by the secretariat
// (its cluster) or the admin (a block, the Ministry), edited while open, figures entered by the
// participating units within the period, closed (audited) and then read-only; bad figures refused with
// their reason and nothing written; the summary's totals and ranks.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { closeMovement, deleteMovementEvidence, launchMovement, saveMovementFigures, updateMovement, uploadMovementEvidence } from "@/server/commands/movements";
import { movementDetail, movementList } from "@/server/queries/movements";
import { MOVEMENT_CLOSED } from "@/domain/movements";
import { expectNotFound, expectOk, expectRefused, runOk } from "../support/action-result";
import { fingerprint } from "./command-cases/world";
import { makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
let secretariat: Actor, otherSecretariat: Actor, admin: Actor, officerA1: Actor, headA2: Actor, officerB1: Actor, ministry: Actor;
let A1: { id: string }, A2: { id: string };

const FORM = {
  name: "Đợt thi đua “Giọt máu nghĩa tình”",
  purpose: "Vận động cán bộ, chiến sĩ hiến máu tình nguyện, chung tay đẩy lùi COVID-19.",
  fromDate: "01/01/2020",
  toDate: "31/12/2099",
  scope: "CLUSTER",
  "label.0": "Số đơn vị máu hiến tặng",
  "unitLabel.0": "đơn vị",
  "label.1": "Số lượt người tham gia",
  "unitLabel.1": "lượt người",
};

async function launched(extra: Record<string, string> = {}) {
  const { id } = await runOk(launchMovement, secretariat, { ...FORM, ...extra });
  const figures = await prisma.movementFigure.findMany({ where: { movementId: id }, orderBy: { position: "asc" } });
  return { id, blood: figures[0]!.id, people: figures[1]!.id };
}

beforeAll(async () => {
  await resetDatabase();
  const clusterA = await makeCluster("Cụm thi đua số 2");
  const clusterB = await makeCluster("Cụm thi đua số 5");
  A1 = await makeUnit(clusterA.id, "Cục Kỹ thuật nghiệp vụ");
  A2 = await makeUnit(clusterA.id, "Cục Ngoại tuyến");
  const B1 = await makeUnit(clusterB.id, "Công an tỉnh Cao Bằng");
  secretariat = await makeActor("SECRETARIAT", { clusterId: clusterA.id });
  otherSecretariat = await makeActor("SECRETARIAT", { clusterId: clusterB.id });
  admin = await makeActor("ADMIN");
  ministry = await makeActor("MINISTRY");
  officerA1 = await makeActor("UNIT_OFFICER", { clusterId: clusterA.id, unitId: A1.id });
  headA2 = await makeActor("UNIT_HEAD", { clusterId: clusterA.id, unitId: A2.id });
  officerB1 = await makeActor("UNIT_OFFICER", { clusterId: clusterB.id, unitId: B1.id });
});

describe("launching and editing", () => {
  it("the secretariat launches its cluster's movement with its figures, audited", async () => {
    const m = await launched();
    const stored = await prisma.movement.findUniqueOrThrow({ where: { id: m.id }, include: { figures: { orderBy: { position: "asc" } } } });
    expect(stored).toMatchObject({ scope: "CLUSTER", clusterId: secretariat.clusterId, status: "OPEN", launchedByName: secretariat.displayName });
    expect(stored.figures.map((f) => `${f.label} (${f.unitLabel})`)).toEqual(["Số đơn vị máu hiến tặng (đơn vị)", "Số lượt người tham gia (lượt người)"]);
    expect(await prisma.auditLog.count({ where: { action: "movement.launch", entityId: m.id } })).toBe(1);
  });

  it("refuses a period that ends before it starts, a movement without figures, a figure without its unit", async () => {
    const before = await fingerprint();
    const period = await executeCommand(launchMovement, secretariat, { ...FORM, fromDate: "01/06/2021", toDate: "31/05/2021" });
    expect(expectRefused(period)).toBeTruthy();
    expect(!period.ok && period.fieldErrors?.toDate).toEqual(["Ngày kết thúc phải sau hoặc trùng ngày bắt đầu."]);
    const none = await executeCommand(launchMovement, secretariat, { ...FORM, "label.0": "", "unitLabel.0": "", "label.1": "", "unitLabel.1": "" });
    expect(!none.ok && none.fieldErrors?.["label.0"]).toEqual(["Phong trào cần ít nhất một số liệu để các đơn vị báo cáo."]);
    const unit = await executeCommand(launchMovement, secretariat, { ...FORM, "unitLabel.1": "" });
    expect(!unit.ok && unit.fieldErrors?.["unitLabel.1"]).toEqual(["Vui lòng nhập đơn vị tính."]);
    expect(await fingerprint()).toEqual(before);
  });

  it("the admin launches a block's or the Ministry's, not a cluster's; the secretariat not beyond its cluster", async () => {
    const cluster = await prisma.cluster.findUniqueOrThrow({ where: { id: secretariat.clusterId! } });
    expectOk(await executeCommand(launchMovement, admin, { ...FORM, scope: "BLOCK", blockId: cluster.blockId }));
    expectOk(await executeCommand(launchMovement, admin, { ...FORM, scope: "MINISTRY" }));
    expectRefused(await executeCommand(launchMovement, admin, { ...FORM, scope: "CLUSTER" }), "Phong trào của một cụm do Thư ký cụm phát động; Quản trị phát động phong trào của khối hoặc toàn Bộ.");
    expectRefused(await executeCommand(launchMovement, secretariat, { ...FORM, scope: "MINISTRY" }), NOT_FOUND);
    expectRefused(await executeCommand(launchMovement, officerA1, FORM), NOT_FOUND);
  });

  it("edits an open movement: renames a figure (its values stay), adds one, refuses removing a reported one", async () => {
    const m = await launched();
    await runOk(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "12" });
    const edit = { ...FORM, movementId: m.id, "figureId.0": m.blood, "figureId.1": m.people, "label.0": "Số đơn vị máu", "label.2": "Số tiền ủng hộ", "unitLabel.2": "triệu đồng" };
    await runOk(updateMovement, secretariat, edit);
    const figures = await prisma.movementFigure.findMany({ where: { movementId: m.id }, orderBy: { position: "asc" }, include: { values: true } });
    expect(figures.map((f) => [f.label, f.values.length])).toEqual([["Số đơn vị máu", 1], ["Số lượt người tham gia", 0], ["Số tiền ủng hộ", 0]]);
    const before = await fingerprint();
    const removal = await executeCommand(updateMovement, secretariat, { ...edit, "label.0": "", "unitLabel.0": "" });
    expectRefused(removal, 'Đã có 1 đơn vị báo cáo số liệu "Số đơn vị máu"; không thể xóa. Có thể sửa tên hoặc đơn vị tính.');
    expect(await fingerprint()).toEqual(before);
    // An unreported figure can go.
    await runOk(updateMovement, secretariat, { ...edit, "figureId.2": figures[2]!.id, "label.1": "", "unitLabel.1": "" });
    expect(await prisma.movementFigure.count({ where: { movementId: m.id } })).toBe(2);
    expectRefused(await executeCommand(updateMovement, otherSecretariat, edit), NOT_FOUND);
  });
});

describe("a unit's figures", () => {
  it("are entered by the unit officer or head of a participating unit, audited with what changed", async () => {
    const m = await launched();
    const saved = expectOk(await executeCommand(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "1.250", [`value.${m.people}`]: "12,5" }));
    expect(saved).toEqual({ values: { [m.blood]: "1.250", [m.people]: "12,5" } });
    await runOk(saveMovementFigures, headA2, { movementId: m.id, [`value.${m.blood}`]: "300" });
    const rows = await prisma.movementUnitFigure.findMany({ where: { figure: { movementId: m.id } }, orderBy: { value: "desc" } });
    expect(rows.map((r) => [r.unitId, r.value.toString()])).toEqual([[A1.id, "1250"], [A2.id, "300"], [A1.id, "12.5"]]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "movement.figures.save", unitId: A1.id }, orderBy: { seq: "desc" } });
    expect(audit.after).toMatchObject({ unitId: A1.id, changes: { "Số đơn vị máu hiến tặng (đơn vị)": { before: null, after: "1250" } } });
    // Emptying a figure withdraws it.
    await runOk(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "1250", [`value.${m.people}`]: "" });
    expect(await prisma.movementUnitFigure.count({ where: { figureId: m.people, unitId: A1.id } })).toBe(0);
  });

  it("refuses a negative figure and one that is not a number, with the reason next to the field; nothing written", async () => {
    const m = await launched();
    await runOk(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "40" });
    const before = await fingerprint();
    const negative = await executeCommand(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "-5", [`value.${m.people}`]: "7" });
    expectRefused(negative, "Chưa lưu: có 1 số liệu chưa hợp lệ. Vui lòng sửa các ô được đánh dấu.");
    expect(!negative.ok && negative.fieldErrors).toEqual({ [`value.${m.blood}`]: ["Số đơn vị máu hiến tặng: Số liệu không được âm."] });
    const nan = await executeCommand(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.people}`]: "khoảng 100" });
    expect(!nan.ok && nan.fieldErrors?.[`value.${m.people}`]).toEqual(["Số lượt người tham gia: Số liệu phải là một số, ví dụ 1.250 hoặc 12,5."]);
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a unit of another cluster (not found), and outside the period", async () => {
    const m = await launched();
    expectRefused(await executeCommand(saveMovementFigures, officerB1, { movementId: m.id, [`value.${m.blood}`]: "1" }), NOT_FOUND);
    expectRefused(await executeCommand(saveMovementFigures, secretariat, { movementId: m.id, [`value.${m.blood}`]: "1" }), NOT_FOUND);
    const past = await launched({ fromDate: "01/03/2021", toDate: "31/10/2021" });
    expectRefused(await executeCommand(saveMovementFigures, officerA1, { movementId: past.id, [`value.${past.blood}`]: "1" }), "Phong trào đã kết thúc ngày 31/10/2021; không thể nhập số liệu.");
  });

  it("evidence: a PDF is kept for the unit, a file that is not PDF or image refused, the unit removes its own", async () => {
    const m = await launched();
    const { id } = await runOk(uploadMovementEvidence, officerA1, { movementId: m.id, file: new File([PDF], "minh-chung.pdf", { type: "application/pdf" }) });
    expect(await prisma.movementEvidence.findUniqueOrThrow({ where: { id } })).toMatchObject({ unitId: A1.id, fileName: "minh-chung.pdf", contentType: "application/pdf" });
    const html = await executeCommand(uploadMovementEvidence, officerA1, { movementId: m.id, file: new File(["<html>"], "a.pdf", { type: "application/pdf" }) });
    expect(!html.ok && html.fieldErrors?.file?.[0]).toBeTruthy();
    expectRefused(await executeCommand(deleteMovementEvidence, headA2, { movementId: m.id, fileId: id }), NOT_FOUND);
    await runOk(deleteMovementEvidence, officerA1, { movementId: m.id, fileId: id });
    expect(await prisma.movementEvidence.count({ where: { id } })).toBe(0);
  });
});

describe("closing", () => {
  it("asks for confirmation, records the totals, and leaves the movement read-only", async () => {
    const m = await launched();
    await runOk(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "40", [`value.${m.people}`]: "35" });
    await runOk(saveMovementFigures, headA2, { movementId: m.id, [`value.${m.blood}`]: "40", [`value.${m.people}`]: "52" });
    const unconfirmed = await executeCommand(closeMovement, secretariat, { movementId: m.id });
    expect(!unconfirmed.ok && unconfirmed.fieldErrors?.confirm).toEqual(["Vui lòng xác nhận trước khi tổng kết phong trào."]);
    await runOk(closeMovement, secretariat, { movementId: m.id, confirm: "on" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "movement.close", entityId: m.id } });
    expect(audit.after).toMatchObject({ status: "CLOSED", totals: [{ total: "80", reported: 2 }, { total: "87", reported: 2 }] });

    const before = await fingerprint();
    expectRefused(await executeCommand(saveMovementFigures, officerA1, { movementId: m.id, [`value.${m.blood}`]: "41" }), MOVEMENT_CLOSED);
    expectRefused(await executeCommand(uploadMovementEvidence, officerA1, { movementId: m.id, file: new File([PDF], "a.pdf", { type: "application/pdf" }) }), MOVEMENT_CLOSED);
    expectRefused(await executeCommand(updateMovement, secretariat, { ...FORM, movementId: m.id, "figureId.0": m.blood, "figureId.1": m.people }), MOVEMENT_CLOSED);
    expectRefused(await executeCommand(closeMovement, secretariat, { movementId: m.id, confirm: "on" }), MOVEMENT_CLOSED);
    expect(await fingerprint()).toEqual(before);

    // The summary: totals, each unit's figures and rank (ties share the rank).
    const detail = await movementDetail(officerA1, m.id);
    expect(detail.seesAll).toBe(true);
    expect(detail.summary.figures.map((f) => [f.total, f.ranking.map((r) => [r.unitId, r.rank])])).toEqual([
      ["80", [[A1.id, 1], [A2.id, 1]]],
      ["87", [[A2.id, 1], [A1.id, 2]]],
    ]);
  });
});

describe("reading", () => {
  it("each sees the movements their cluster takes part in; others' are not found", async () => {
    const m = await launched();
    await expectNotFound(movementDetail(officerB1, m.id));
    await expectNotFound(movementDetail(otherSecretariat, m.id));
    expect((await movementDetail(ministry, m.id)).seesAll).toBe(true);
    // While open, a unit sees its own figures only.
    const own = await movementDetail(headA2, m.id);
    expect(own.units.map((u) => u.id)).toEqual([A2.id]);
    expect(own.entry?.unitId).toBe(A2.id);
    const listB = await movementList(officerB1, 1);
    expect(listB.rows.map((r) => r.id)).not.toContain(m.id);
    // The Ministry-wide movement the admin launched reaches cluster B too.
    expect(listB.rows.some((r) => r.reach === "Toàn Bộ Công an")).toBe(true);
  });
});
