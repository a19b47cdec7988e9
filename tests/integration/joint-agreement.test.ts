// The cluster's joint agreement (issue 17 item 5; docs/domain.md §10): drafted and recorded by the
// secretariat during the conference, whole when signed, read by every unit of the cluster, read-only
// once the year is closed except through the audited amendment.
import { beforeEach, describe, expect, it } from "vitest";
import { AGREEMENT_AMEND_ONLY_CLOSED, signatoryField } from "@/domain/joint-agreement";
import { YEAR_CLOSED_MESSAGE } from "@/domain/year-rules";
import { executeCommand, NOT_FOUND } from "@/server/commands/command";
import { amendJointAgreement, saveJointAgreement } from "@/server/commands/joint-agreement";
import { jointAgreementPage } from "@/server/queries/joint-agreement";
import { expectOk, expectRefused } from "../support/action-result";
import { makeActor, makeCluster, makeUnit, prisma, resetDatabase } from "./fixtures";

async function setup() {
  const cluster = await makeCluster("Cụm thi đua số 2");
  const other = await makeCluster("Cụm thi đua số 5");
  const a = await makeUnit(cluster.id, "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao");
  const b = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const year = await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2021, phase: "CONFERENCE", settings: {} } });
  const secretariat = await makeActor("SECRETARIAT", { clusterId: cluster.id });
  const otherSecretariat = await makeActor("SECRETARIAT", { clusterId: other.id });
  const headB = await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: b.id });
  const otherHead = await makeActor("UNIT_HEAD", { clusterId: other.id, unitId: (await makeUnit(other.id, "Cục Cảnh sát giao thông")).id });
  return { cluster, a, b, year, secretariat, otherSecretariat, headB, otherHead };
}

type S = Awaited<ReturnType<typeof setup>>;
const form = (s: S, extra: Record<string, string> = {}) => ({
  yearId: s.year.id,
  title: "Giao ước thi đua năm 2021",
  commitments: "1. Hoàn thành xuất sắc nhiệm vụ.\n2. Hưởng ứng phong trào “Vì An ninh Tổ quốc”.",
  place: "Hà Nội",
  signedOn: "19/11/2021",
  signed: "on",
  [signatoryField("name", s.a.id)]: "Nguyễn Minh Chính",
  [signatoryField("position", s.a.id)]: "Cục trưởng",
  [signatoryField("name", s.b.id)]: "Trần Văn Hùng",
  [signatoryField("position", s.b.id)]: "Cục trưởng",
  ...extra,
});
const AMENDING = { amendNo: "03/CTĐ2", amendDate: "10/02/2022", amendSigner: "Cụm trưởng Cụm thi đua số 2", reason: "Sửa chức vụ người ký theo biên bản hội nghị" };

describe("the joint agreement", () => {
  beforeEach(resetDatabase);

  it("the secretariat drafts it, records it signed with every member unit's signatory; a unit head of the cluster reads it", async () => {
    const s = await setup();
    // A draft may be incomplete.
    expectOk(await executeCommand(saveJointAgreement, s.secretariat, form(s, { signed: "false", signedOn: "", [signatoryField("name", s.b.id)]: "", [signatoryField("position", s.b.id)]: "" })));
    expect(await prisma.jointAgreement.findFirstOrThrow({ include: { signatories: true } })).toMatchObject({ status: "DRAFT", signatories: [{ unitId: s.a.id }] });
    // Signed: whole, or refused with the missing unit named next to its field.
    const missing = await executeCommand(saveJointAgreement, s.secretariat, form(s, { [signatoryField("name", s.b.id)]: "", [signatoryField("position", s.b.id)]: "" }));
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.fieldErrors?.[signatoryField("name", s.b.id)]).toEqual(["Chưa có người ký của Cục Kỹ thuật nghiệp vụ."]);
    const signed = await executeCommand(saveJointAgreement, s.secretariat, form(s));
    expectOk(signed);
    expect(signed.message).toBe("Đã ghi nhận giao ước thi đua năm 2021 đã ký kết.");
    const audit = await prisma.auditLog.findMany({ where: { action: "agreement.save" }, orderBy: { seq: "asc" } });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toMatchObject({ status: "DRAFT" });
    expect(audit[1]!.after).toMatchObject({ status: "SIGNED", place: "Hà Nội", signedOn: "2021-11-19T00:00:00.000Z" });

    const page = await jointAgreementPage(s.headB, s.year.id);
    expect(page.agreement).toMatchObject({ status: "SIGNED", place: "Hà Nội" });
    expect(page.agreement!.signatories.map((x) => x.name).sort()).toEqual(["Nguyễn Minh Chính", "Trần Văn Hùng"]);
    expect(page.canManage).toBe(false);
    await expect(jointAgreementPage(s.otherHead, s.year.id)).rejects.toThrow();
  });

  it("refuses bad input and other clusters, writing nothing", async () => {
    const s = await setup();
    const cases: [string, Record<string, string>, RegExp][] = [
      ["no commitments", { commitments: "  " }, /Nội dung giao ước là bắt buộc/],
      ["a date outside the year", { signedOn: "05/01/2022" }, /phải trong năm 2021/],
      ["a date that is no date", { signedOn: "32/11/2021" }, /dd\/mm\/yyyy/],
      ["no place when signed", { place: "" }, /Địa điểm ký là bắt buộc/],
      ["a name without a position", { [signatoryField("position", s.a.id)]: "" }, /chức vụ người ký/],
      ["a unit not of the cluster", { [signatoryField("name", s.otherHead.unitId!)]: "Phạm Văn X", [signatoryField("position", s.otherHead.unitId!)]: "Cục trưởng" }, /đơn vị thành viên/],
      ["a malformed unit id", { "signer_name_x'1": "A" }, /Danh sách người ký không hợp lệ/],
    ];
    for (const [what, extra, message] of cases) {
      const result = await executeCommand(saveJointAgreement, s.secretariat, form(s, extra));
      expect(result.ok, what).toBe(false);
      expect(JSON.stringify(result), what).toMatch(message);
    }
    expectRefused(await executeCommand(saveJointAgreement, s.otherSecretariat, form(s)), NOT_FOUND);
    expectRefused(await executeCommand(saveJointAgreement, s.headB, form(s)));
    // Outside the conference: refused by the phase rule.
    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "REPORTING" } });
    expect(expectRefused(await executeCommand(saveJointAgreement, s.secretariat, form(s)))).toContain("giao ước thi đua chung của cụm");
    expect(await prisma.jointAgreement.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("a closed year's agreement is read-only except through the audited amendment", async () => {
    const s = await setup();
    expectOk(await executeCommand(saveJointAgreement, s.secretariat, form(s)));
    // The amendment refuses an open year.
    expectRefused(await executeCommand(amendJointAgreement, s.secretariat, { ...form(s), ...AMENDING }), AGREEMENT_AMEND_ONLY_CLOSED);
    await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "CLOSED", closedAt: new Date() } });
    expect(expectRefused(await executeCommand(saveJointAgreement, s.secretariat, form(s, { place: "Đà Nẵng" })))).toMatch(new RegExp(`^${YEAR_CLOSED_MESSAGE}`));
    // The database refuses it too, outside an amendment.
    await expect(prisma.jointAgreementSignatory.updateMany({ data: { position: "Phó Cục trưởng" } })).rejects.toThrow(/khóa sổ/);
    // Bad amendment input: nothing written.
    expectRefused(await executeCommand(amendJointAgreement, s.secretariat, { ...form(s), ...AMENDING, reason: "" }));
    const amended = await executeCommand(amendJointAgreement, s.secretariat, { ...form(s, { [signatoryField("position", s.b.id)]: "Phó Cục trưởng phụ trách" }), ...AMENDING });
    expectOk(amended);
    expect(await prisma.jointAgreementSignatory.findFirstOrThrow({ where: { unitId: s.b.id } })).toMatchObject({ position: "Phó Cục trưởng phụ trách" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "agreement.amend" } });
    expect(audit.after).toMatchObject({ amendment: { reason: AMENDING.reason, decision: { number: "03/CTĐ2", date: "2022-02-10" } } });
    expect(await prisma.auditLog.count({ where: { action: "agreement.amend" } })).toBe(1);
  });
});
