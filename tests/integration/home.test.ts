// The home page's to-do list (issue 13 item 4) per role, on a real Postgres: what homeSummary loads for
// each kind of user (their own unit, their own cluster, their notifications) and what the list then
// asks of them as the year moves through its phases. The wording and ordering rules themselves are
// pinned down in tests/unit/todo.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/permissions";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { homeSummary } from "@/server/queries/home";
import { makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const at = (isoDay: string) => new Date(`${isoDay}T09:00:00+07:00`);
const MARCH_20 = at("2026-03-20");
const titles = async (actor: Actor, now = MARCH_20) => (await homeSummary(actor, now)).todos.map((t) => t.title);

type Setup = Awaited<ReturnType<typeof build>>;

async function build() {
  await prisma.titleDefinition.createMany({
    data: [
      { code: "CST", name: "Chiến sĩ tiên tiến", shortName: "CST", kind: "INDIVIDUAL", level: 1, prerequisites: "" },
      { code: "DV_TIEN_TIEN", name: "Đơn vị tiên tiến", shortName: "ĐVTT", kind: "COLLECTIVE", level: 1, prerequisites: "" },
    ],
  });
  const cluster = await makeCluster("Cụm thi đua số 2");
  const a = await makeUnit(cluster.id, "Cục An ninh mạng");
  const b = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
  const c = await makeUnit(cluster.id, "Cục Ngoại tuyến");
  await prisma.emulationYear.create({ data: { clusterId: cluster.id, year: 2025, phase: "CLOSED", chairUnitId: a.id, settings: DEFAULT_YEAR_SETTINGS } });
  const year = await prisma.emulationYear.create({
    data: {
      clusterId: cluster.id,
      year: 2026,
      phase: "REGISTRATION",
      chairUnitId: b.id,
      settings: { ...DEFAULT_YEAR_SETTINGS, registrationDeadline: "2026-03-31", reportDeadline: "2026-11-15", conferenceDate: "2026-12-10" },
    },
  });
  // A: 3 officers, 2 registered, a draft registration with its title; B: sent; C: nothing yet.
  const officers = [await makeOfficer(a.id, "Nguyễn Văn An"), await makeOfficer(a.id, "Trần Thị Bình"), await makeOfficer(a.id, "Lê Văn Cường")];
  await prisma.officerRegistration.createMany({ data: officers.slice(0, 2).map((o) => ({ emulationYearId: year.id, unitId: a.id, officerId: o.id, titleCode: "CST" })) });
  await prisma.unitRegistration.create({ data: { emulationYearId: year.id, unitId: a.id, status: "DRAFT", targetTitleCode: "DV_TIEN_TIEN" } });
  await prisma.unitRegistration.create({ data: { emulationYearId: year.id, unitId: b.id, status: "SUBMITTED", targetTitleCode: "DV_TIEN_TIEN", submittedAt: new Date() } });

  const other = await makeCluster("Cụm thi đua số 5");
  const otherUnit = await makeUnit(other.id, "Công an tỉnh Cao Bằng");
  return {
    cluster,
    a,
    b,
    c,
    year,
    officerA: await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: a.id }),
    headA: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: a.id }),
    headB: await makeActor("UNIT_HEAD", { clusterId: cluster.id, unitId: b.id }),
    secretariat: await makeActor("SECRETARIAT", { clusterId: cluster.id }),
    admin: await makeActor("ADMIN"),
    otherSecretariat: await makeActor("SECRETARIAT", { clusterId: other.id }),
    otherOfficer: await makeActor("UNIT_OFFICER", { clusterId: other.id, unitId: otherUnit.id }),
  };
}

describe("the home page's to-do list", () => {
  let s: Setup;
  beforeAll(async () => {
    await resetDatabase();
    s = await build();
  });

  it("shows the cluster's latest year, and the registration deadline to the unit officer with what is missing", async () => {
    const home = await homeSummary(s.officerA, MARCH_20);
    expect(home).toMatchObject({ unitName: "Cục An ninh mạng", clusterName: "Cụm thi đua số 2", year: { year: 2026, phase: "REGISTRATION", chairName: "Cục Kỹ thuật nghiệp vụ" } });
    expect(home.todos).toHaveLength(1);
    expect(home.todos[0]).toMatchObject({ title: "Gửi đăng ký thi đua năm 2026", deadline: "2026-03-31", href: "/registration", status: { text: "đang mở, còn 11 ngày" } });
    expect(home.todos[0]!.detail).toContain("đã đăng ký 2/3 cán bộ, chiến sĩ");
    expect(home.todos[0]!.detail).toContain("chưa ghi nhận giao ước thi đua");
    expect(home.todos[0]!.detail).not.toContain("chưa chọn danh hiệu của đơn vị");
  });

  it("asks the unit head to follow up; a head whose unit has sent its registration has nothing to do", async () => {
    expect(await titles(s.headA)).toEqual(["Đôn đốc gửi đăng ký thi đua năm 2026"]);
    expect(await titles(s.headB)).toEqual([]);
  });

  it("shows the secretariat the registrations of its cluster's units, then who is late after the deadline", async () => {
    expect(await titles(s.secretariat)).toEqual(["Theo dõi đăng ký thi đua năm 2026: 1/3 đơn vị đã gửi"]);
    const late = (await homeSummary(s.secretariat, at("2026-04-02"))).todos[0]!;
    expect(late.status).toMatchObject({ state: "PASSED", text: "đã hết hạn 2 ngày trước" });
    expect(late.detail).toContain("2 đơn vị chưa gửi sau hạn");
  });

  it("keeps to the actor's own cluster and unit", async () => {
    // Another cluster without a year: its secretariat is asked to open one; its officer has nothing to do.
    expect(await titles(s.otherSecretariat)).toEqual(["Mở năm thi đua 2026"]);
    expect(await titles(s.otherOfficer)).toEqual([]);
    expect((await homeSummary(s.otherOfficer, MARCH_20)).year).toBeFalsy();
  });

  it("tells everyone of their own unread notifications", async () => {
    await prisma.notification.create({
      data: { userId: s.headB.userId, kind: "VOTE_OPENED", subjectType: "YEAR", title: "Thông báo", body: "…", clusterId: s.cluster.id, unitId: s.b.id },
    });
    expect(await titles(s.headB)).toEqual(["Đọc 1 thông báo chưa đọc"]);
    expect(await titles(s.headA)).not.toContain("Đọc 1 thông báo chưa đọc");
    await prisma.notification.updateMany({ where: { userId: s.headB.userId }, data: { readAt: new Date() } });
    expect(await titles(s.headB)).toEqual([]);
  });

  it("gives the admin failed e-mail deliveries and the missing holidays", async () => {
    expect(await titles(s.admin)).toEqual(["Nhập ngày nghỉ lễ năm 2026"]);
    await prisma.holiday.create({ data: { date: new Date("2026-04-30T00:00:00Z"), name: "Ngày Giải phóng miền Nam" } });
    await prisma.emailDelivery.create({ data: { userId: s.admin.userId, toAddress: "a@example.vn", subject: "x", text: "x", html: "x", status: "FAILED" } });
    expect(await titles(s.admin)).toEqual(["Xem 1 thư điện tử gửi không thành công"]);
    // From October, next year's, due by the year's end: before what has no deadline.
    expect(await titles(s.admin, at("2026-10-05"))).toEqual(["Nhập ngày nghỉ lễ năm 2027", "Xem 1 thư điện tử gửi không thành công"]);
  });

  describe("as the year moves on", () => {
    let reportA: string;
    let reportB: string;
    beforeAll(async () => {
      await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "REPORTING" } });
      reportA = (await prisma.unitReport.create({ data: { emulationYearId: s.year.id, unitId: s.a.id, kind: "YEAR_END", status: "DRAFT", savedAt: new Date(), draftVersion: 1 } })).id;
      reportB = (await prisma.unitReport.create({ data: { emulationYearId: s.year.id, unitId: s.b.id, kind: "YEAR_END", status: "SUBMITTED", submittedAt: new Date() } })).id;
    });

    it("reporting: the officer drafts (and still owes the registration, now overdue), the head approves the draft, the secretariat takes in what was submitted", async () => {
      const officer = (await homeSummary(s.officerA, at("2026-11-10"))).todos;
      expect(officer.map((t) => [t.title, t.status.text])).toEqual([
        ["Đăng ký thi đua năm 2026 chưa được gửi", "đã hết hạn 224 ngày trước"],
        ["Soạn báo cáo tổng kết năm 2026", "đang mở, còn 5 ngày"],
      ]);
      expect(officer[1]!.href).toBe(`/reports/${reportA}`);
      const head = (await homeSummary(s.headA, at("2026-11-10"))).todos;
      expect(head.find((t) => t.title === "Duyệt và nộp báo cáo tổng kết năm 2026")).toMatchObject({ href: `/reports/${reportA}`, deadline: "2026-11-15" });
      const secretariat = (await homeSummary(s.secretariat, at("2026-11-10"))).todos;
      expect(secretariat.map((t) => t.title)).toEqual(["Theo dõi báo cáo tổng kết năm 2026: 1/3 đơn vị đã nộp", "Tiếp nhận 1 báo cáo tổng kết năm 2026"]);
      expect(secretariat[1]).toMatchObject({ href: `/reports/${reportB}`, detail: expect.stringContaining("Cục Kỹ thuật nghiệp vụ") });
    });

    it("scoring and conference: cross-scoring sheets for the scoring unit, ballots for the heads who have not voted", async () => {
      await prisma.unitReport.update({ where: { id: reportB }, data: { status: "ACCEPTED" } });
      await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "CONFERENCE" } });
      const round = await prisma.scoringRound.create({ data: { emulationYearId: s.year.id, scorersPerReport: 1, seed: 1, differencePercent: 20, tieBreak: "FIRST_SECTION" } });
      await prisma.crossAssignment.create({ data: { roundId: round.id, reportId: reportB, scorerUnitId: s.a.id } });
      const vote = await prisma.voteRound.create({ data: { emulationYearId: s.year.id, kind: "CHAIR_ELECTION", title: "Bầu Cụm trưởng năm 2027", seats: 1, state: "OPEN" } });
      await prisma.voteParticipation.create({ data: { roundId: vote.id, unitId: s.a.id } });

      const december = at("2026-12-01");
      expect(await titles(s.officerA, december)).toContain("Chấm chéo 1 báo cáo năm 2026");
      expect(await titles(s.officerA, december)).not.toContain("Bỏ phiếu: Bầu Cụm trưởng năm 2027");
      // A has voted; B has not.
      expect(await titles(s.headA, december)).not.toContain("Bỏ phiếu: Bầu Cụm trưởng năm 2027");
      const headB = (await homeSummary(s.headB, december)).todos;
      expect(headB.find((t) => t.title === "Bỏ phiếu: Bầu Cụm trưởng năm 2027")).toMatchObject({ href: `/conference/rounds/${vote.id}/vote`, status: { text: "đang mở, còn 9 ngày" } });
      expect(await titles(s.secretariat, december)).toEqual([
        "Theo dõi chấm chéo năm 2026: còn 1 phiếu chưa gửi",
        "Tổ chức hội nghị tổng kết năm 2026",
        "Kết thúc vòng bỏ phiếu: Bầu Cụm trưởng năm 2027",
      ]);
    });

    it("once the year is closed, the secretariat is asked to open the next one in its calendar year, and the units have nothing to do", async () => {
      await prisma.voteRound.updateMany({ where: { emulationYearId: s.year.id }, data: { state: "CLOSED" } });
      await prisma.scoringRound.updateMany({ where: { emulationYearId: s.year.id }, data: { state: "FINALISED" } });
      await prisma.emulationYear.update({ where: { id: s.year.id }, data: { phase: "CLOSED", closedAt: new Date() } });
      expect(await titles(s.secretariat, at("2026-12-20"))).toEqual([]);
      expect(await titles(s.secretariat, at("2027-01-05"))).toEqual(["Mở năm thi đua 2027"]);
      expect(await titles(s.officerA, at("2027-01-05"))).toEqual([]);
      expect(await titles(s.headA, at("2027-01-05"))).toEqual([]);
    });
  });
});
