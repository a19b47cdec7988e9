import { describe, expect, it } from "vitest";
import { todoList, type ClusterYearFacts, type TodoFacts, type TodoItem, type UnitYearFacts, type YearFacts } from "@/domain/todo";
import type { Role } from "@/domain/permissions";
import { endOfVietnamDay } from "@/domain/registration-window";

/** An instant given in Vietnam time. */
const vn = (local: string) => new Date(`${local}+07:00`);
const NOW = vn("2026-03-20T09:00:00");

const DEADLINES = { registration: "2026-03-31", midyearReport: null, report: "2026-11-15", conference: "2026-12-10" };

function aYear(extra: Partial<YearFacts> = {}): YearFacts {
  return { id: "y-2026", year: 2026, phase: "REGISTRATION", deadlines: DEADLINES, ...extra };
}

function aUnit(extra: Partial<UnitYearFacts> = {}): UnitYearFacts {
  return {
    registration: { status: "DRAFT", hasTargetTitle: true, agreementSigned: true, reopenedUntil: null },
    officers: { active: 120, registered: 80 },
    reports: {},
    pendingCrossSheets: 0,
    roundsToVote: [],
    ...extra,
  };
}

function aCluster(extra: Partial<ClusterYearFacts> = {}): ClusterYearFacts {
  const none = { delivered: 0, accepted: 0, toReview: [] };
  return { units: 5, registrationsSubmitted: 2, reports: { MIDYEAR: none, YEAR_END: none }, scoring: null, rounds: [], ...extra };
}

function facts(role: Role, years: YearFacts[], extra: Partial<TodoFacts> = {}): TodoFacts {
  return { role, now: NOW, openYears: years, latestYear: years.at(-1)?.year ?? null, unreadNotifications: 0, ...extra };
}

const keys = (items: TodoItem[]) => items.map((i) => i.key);
const only = (items: TodoItem[]) => {
  expect(items).toHaveLength(1);
  return items[0]!;
};

describe("a unit officer's to-do list", () => {
  it("asks for the registration while it is open, with its deadline and what is still missing", () => {
    const item = only(todoList(facts("UNIT_OFFICER", [aYear({ unit: aUnit({ registration: { status: null, hasTargetTitle: false, agreementSigned: false, reopenedUntil: null } }) })])));
    expect(item).toMatchObject({ key: "registration-2026", title: "Gửi đăng ký thi đua năm 2026", deadline: "2026-03-31", href: "/registration" });
    expect(item.status).toMatchObject({ state: "OPEN", days: 11, text: "đang mở, còn 11 ngày" });
    expect(item.detail).toContain("đã đăng ký 80/120 cán bộ, chiến sĩ");
    expect(item.detail).toContain("chưa chọn danh hiệu của đơn vị");
    expect(item.detail).toContain("chưa ghi nhận giao ước thi đua");
    expect(item.detail).toContain("Excel");
  });

  it("asks nothing once the registration is sent", () => {
    expect(todoList(facts("UNIT_OFFICER", [aYear({ unit: aUnit({ registration: { status: "SUBMITTED", hasTargetTitle: true, agreementSigned: true, reopenedUntil: null } }) })]))).toEqual([]);
  });

  it("asks nothing before registration opens (set-up phase)", () => {
    expect(todoList(facts("UNIT_OFFICER", [aYear({ phase: "SETUP", unit: aUnit({ registration: { status: null, hasTargetTitle: false, agreementSigned: false, reopenedUntil: null } }) })]))).toEqual([]);
  });

  it("after the deadline, says it is overdue and to ask the secretariat for a reopen", () => {
    const item = only(todoList({ ...facts("UNIT_OFFICER", [aYear({ unit: aUnit() })]), now: vn("2026-04-03T08:00:00") }));
    expect(item.title).toBe("Đăng ký thi đua năm 2026 chưa được gửi");
    expect(item.status).toMatchObject({ state: "PASSED", days: 3, text: "đã hết hạn 3 ngày trước" });
    expect(item.detail).toContain("đề nghị Thư ký cụm mở lại đăng ký");
  });

  it("a reopen gives the registration back its own deadline (the reopen's last day)", () => {
    const reopenedUntil = endOfVietnamDay("2026-04-10"); // as the reopen command stores it
    const item = only(todoList({ ...facts("UNIT_OFFICER", [aYear({ unit: aUnit({ registration: { status: "DRAFT", hasTargetTitle: true, agreementSigned: true, reopenedUntil } }) })]), now: vn("2026-04-03T08:00:00") }));
    expect(item).toMatchObject({ title: "Gửi đăng ký thi đua năm 2026", deadline: "2026-04-10" });
    expect(item.detail).toContain("Thư ký cụm đã mở lại đăng ký");
    expect(item.status.text).toBe("đang mở, còn 7 ngày");
  });

  it("asks for the year-end report from the reporting phase on, not before", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    expect(keys(todoList(facts("UNIT_OFFICER", [aYear({ phase: "MIDYEAR", unit: aUnit({ registration: done }) })])))).not.toContain("report-YEAR_END-2026");
    const item = only(todoList(facts("UNIT_OFFICER", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done }) })])));
    expect(item).toMatchObject({ key: "report-YEAR_END-2026", title: "Soạn báo cáo tổng kết năm 2026", deadline: "2026-11-15", href: "/reports", detail: "Chưa có bản nháp." });
  });

  it("links a started report, and says a saved draft waits for the head", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const item = only(
      todoList(facts("UNIT_OFFICER", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done, reports: { YEAR_END: { id: "r1", status: "DRAFT", drafted: true, returnReason: null } } }) })])),
    );
    expect(item.href).toBe("/reports/r1");
    expect(item.detail).toContain("lãnh đạo đơn vị duyệt và nộp");
  });

  it("asks to mend a returned report, with the secretariat's reason", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const item = only(
      todoList(facts("UNIT_OFFICER", [aYear({ phase: "SCORING", unit: aUnit({ registration: done, reports: { YEAR_END: { id: "r1", status: "RETURNED", drafted: true, returnReason: "Thiếu minh chứng mục 2" } } }) })])),
    );
    expect(item).toMatchObject({ title: "Sửa báo cáo tổng kết năm 2026 bị trả lại", href: "/reports/r1" });
    expect(item.detail).toContain("Lý do trả lại: Thiếu minh chứng mục 2");
  });

  it("asks nothing of a submitted or accepted report", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    for (const status of ["SUBMITTED", "ACCEPTED"] as const) {
      expect(todoList(facts("UNIT_OFFICER", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done, reports: { YEAR_END: { id: "r1", status, drafted: true, returnReason: null } } }) })]))).toEqual([]);
    }
  });

  it("asks for the mid-year report in its phase, or later when the year has a deadline for it", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    expect(keys(todoList(facts("UNIT_OFFICER", [aYear({ phase: "MIDYEAR", unit: aUnit({ registration: done }) })])))).toEqual(["report-MIDYEAR-2026"]);
    // Optional: without a deadline, the reporting phase no longer asks for it.
    expect(keys(todoList(facts("UNIT_OFFICER", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done }) })])))).toEqual(["report-YEAR_END-2026"]);
    const withDeadline = aYear({ phase: "REPORTING", deadlines: { ...DEADLINES, midyearReport: "2026-07-15" }, unit: aUnit({ registration: done }) });
    const items = todoList(facts("UNIT_OFFICER", [withDeadline]));
    expect(keys(items)).toEqual(["report-MIDYEAR-2026", "report-YEAR_END-2026"]);
    expect(items[0]!.status.state).toBe("OPEN");
  });

  it("asks for the cross-scoring sheets, due at the conference", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const accepted = { id: "r1", status: "ACCEPTED" as const, drafted: true, returnReason: null };
    const item = only(todoList(facts("UNIT_OFFICER", [aYear({ phase: "SCORING", unit: aUnit({ registration: done, reports: { YEAR_END: accepted }, pendingCrossSheets: 2 }) })])));
    expect(item).toMatchObject({ title: "Chấm chéo 2 báo cáo năm 2026", deadline: "2026-12-10", href: "/reports/cross" });
  });

  it("never asks an officer to vote (the head is the delegate)", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const accepted = { id: "r1", status: "ACCEPTED" as const, drafted: true, returnReason: null };
    expect(todoList(facts("UNIT_OFFICER", [aYear({ phase: "CONFERENCE", unit: aUnit({ registration: done, reports: { YEAR_END: accepted }, roundsToVote: [{ id: "v1", title: "Bầu Cụm trưởng" }] }) })]))).toEqual([]);
  });

  it("lists every open year (last year's conference while this year registers)", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const accepted = { id: "r0", status: "ACCEPTED" as const, drafted: true, returnReason: null };
    const last = aYear({ id: "y-2025", year: 2025, phase: "SCORING", deadlines: { ...DEADLINES, conference: "2026-03-25" }, unit: aUnit({ registration: done, reports: { YEAR_END: accepted }, pendingCrossSheets: 1 }) });
    expect(keys(todoList(facts("UNIT_OFFICER", [last, aYear({ unit: aUnit() })])))).toEqual(["cross-2025", "registration-2026"]);
  });
});

describe("a unit head's to-do list", () => {
  const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };

  it("asks to approve and submit a drafted report", () => {
    const item = only(todoList(facts("UNIT_HEAD", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done, reports: { YEAR_END: { id: "r1", status: "DRAFT", drafted: true, returnReason: null } } }) })])));
    expect(item).toMatchObject({ title: "Duyệt và nộp báo cáo tổng kết năm 2026", href: "/reports/r1", deadline: "2026-11-15" });
  });

  it("follows up a report with no draft yet, and a returned one", () => {
    expect(only(todoList(facts("UNIT_HEAD", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done }) })]))).title).toBe("Đôn đốc soạn báo cáo tổng kết năm 2026");
    const returned = { id: "r1", status: "RETURNED" as const, drafted: true, returnReason: "Sai số liệu" };
    const item = only(todoList(facts("UNIT_HEAD", [aYear({ phase: "REPORTING", unit: aUnit({ registration: done, reports: { YEAR_END: returned } }) })])));
    expect(item.title).toBe("Duyệt và nộp lại báo cáo tổng kết năm 2026");
    expect(item.detail).toContain("Sai số liệu");
  });

  it("follows up the unit's registration (the officer sends it)", () => {
    const item = only(todoList(facts("UNIT_HEAD", [aYear({ unit: aUnit() })])));
    expect(item).toMatchObject({ title: "Đôn đốc gửi đăng ký thi đua năm 2026", deadline: "2026-03-31", href: "/registration" });
  });

  it("asks to vote in each open round the unit has not voted in, linking the ballot", () => {
    const accepted = { id: "r1", status: "ACCEPTED" as const, drafted: true, returnReason: null };
    const items = todoList(
      facts("UNIT_HEAD", [
        aYear({ phase: "CONFERENCE", deadlines: { ...DEADLINES, conference: "2026-03-20" }, unit: aUnit({ registration: done, reports: { YEAR_END: accepted }, roundsToVote: [{ id: "v1", title: "Bầu Cụm trưởng năm 2027" }, { id: "v2", title: "Suy tôn Cờ thi đua" }] }) }),
      ]),
    );
    expect(items.map((i) => [i.title, i.href, i.status.text])).toEqual([
      ["Bỏ phiếu: Bầu Cụm trưởng năm 2027", "/conference/rounds/v1/vote", "đang mở, hôm nay là ngày cuối"],
      ["Bỏ phiếu: Suy tôn Cờ thi đua", "/conference/rounds/v2/vote", "đang mở, hôm nay là ngày cuối"],
    ]);
  });
});

describe("the secretariat's to-do list", () => {
  it("asks to open the current year when the cluster has none open", () => {
    expect(only(todoList({ ...facts("SECRETARIAT", []), latestYear: 2025 }))).toMatchObject({ title: "Mở năm thi đua 2026", href: "/cluster" });
    expect(only(todoList(facts("SECRETARIAT", [])))).toMatchObject({ title: "Mở năm thi đua 2026", detail: "Cụm chưa có năm thi đua nào." });
    // This year already opened and closed: nothing to open.
    expect(todoList({ ...facts("SECRETARIAT", []), latestYear: 2026 })).toEqual([]);
  });

  it("asks to finish the set-up, naming the deadlines not set", () => {
    const item = only(todoList(facts("SECRETARIAT", [aYear({ phase: "SETUP", deadlines: { registration: null, midyearReport: null, report: "2026-11-15", conference: null }, cluster: aCluster() })])));
    expect(item).toMatchObject({ title: "Hoàn tất thiết lập năm 2026 và mở đăng ký thi đua", href: "/cluster/years/y-2026" });
    expect(item.detail).toContain("Chưa đặt: hạn đăng ký, ngày hội nghị.");
  });

  it("follows the registrations until the deadline, then says who is late and how to reopen", () => {
    const before = only(todoList(facts("SECRETARIAT", [aYear({ cluster: aCluster() })])));
    expect(before).toMatchObject({ title: "Theo dõi đăng ký thi đua năm 2026: 2/5 đơn vị đã gửi", deadline: "2026-03-31", href: "/registration" });
    const after = only(todoList({ ...facts("SECRETARIAT", [aYear({ cluster: aCluster() })]), now: vn("2026-04-02T08:00:00") }));
    expect(after.status.text).toBe("đã hết hạn 2 ngày trước");
    expect(after.detail).toContain("3 đơn vị chưa gửi sau hạn");
    expect(after.detail).toContain("mở lại đăng ký");
  });

  it("asks to move the phase on when every unit has registered", () => {
    const item = only(todoList(facts("SECRETARIAT", [aYear({ cluster: aCluster({ registrationsSubmitted: 5 }) })])));
    expect(item).toMatchObject({ title: "Chuyển năm 2026 sang giai đoạn “Sơ kết 6 tháng”", href: "/cluster/years/y-2026" });
  });

  it("asks to take in submitted reports, whatever the phase, linking the one report when there is one", () => {
    const reports = { MIDYEAR: { delivered: 0, accepted: 0, toReview: [] }, YEAR_END: { delivered: 3, accepted: 2, toReview: [{ id: "r9", unitName: "Cục Ngoại tuyến" }] } };
    const items = todoList(facts("SECRETARIAT", [aYear({ phase: "SCORING", cluster: aCluster({ registrationsSubmitted: 5, reports }) })]));
    expect(items.find((i) => i.key === "review-YEAR_END-2026")).toMatchObject({ title: "Tiếp nhận 1 báo cáo tổng kết năm 2026", href: "/reports/r9" });
    expect(items.find((i) => i.key === "review-YEAR_END-2026")!.detail).toContain("Cục Ngoại tuyến");
  });

  it("follows the year-end reports in the reporting phase, then asks to move on once all are accepted", () => {
    const some = { MIDYEAR: { delivered: 0, accepted: 0, toReview: [] }, YEAR_END: { delivered: 3, accepted: 3, toReview: [] } };
    expect(only(todoList(facts("SECRETARIAT", [aYear({ phase: "REPORTING", cluster: aCluster({ registrationsSubmitted: 5, reports: some }) })])))).toMatchObject({
      title: "Theo dõi báo cáo tổng kết năm 2026: 3/5 đơn vị đã nộp",
      deadline: "2026-11-15",
    });
    const all = { MIDYEAR: some.MIDYEAR, YEAR_END: { delivered: 5, accepted: 5, toReview: [] } };
    expect(only(todoList(facts("SECRETARIAT", [aYear({ phase: "REPORTING", cluster: aCluster({ registrationsSubmitted: 5, reports: all }) })]))).title).toBe(
      "Chuyển năm 2026 sang giai đoạn “Chấm điểm”",
    );
  });

  it("walks the scoring round: open it, follow the sheets, close it, finalise it, move on", () => {
    const at = (scoring: ClusterYearFacts["scoring"]) => todoList(facts("SECRETARIAT", [aYear({ phase: "SCORING", cluster: aCluster({ registrationsSubmitted: 5, scoring }) })])).map((i) => i.title);
    expect(at(null)).toEqual(["Mở vòng chấm chéo năm 2026"]);
    expect(at({ state: "OPEN", pendingSheets: 4 })).toEqual(["Theo dõi chấm chéo năm 2026: còn 4 phiếu chưa gửi"]);
    expect(at({ state: "OPEN", pendingSheets: 0 })).toEqual(["Kết thúc vòng chấm chéo năm 2026"]);
    expect(at({ state: "CLOSED", pendingSheets: 0 })).toEqual(["Chốt kết quả chấm điểm năm 2026"]);
    expect(at({ state: "FINALISED", pendingSheets: 0 })).toEqual(["Chuyển năm 2026 sang giai đoạn “Hội nghị tổng kết”"]);
  });

  it("holds the conference and asks to close each open round, with its turnout", () => {
    const rounds = [
      { id: "v1", title: "Bầu Cụm trưởng năm 2027", state: "OPEN" as const, voted: 3 },
      { id: "v0", title: "Suy tôn Cờ thi đua", state: "CLOSED" as const, voted: 5 },
    ];
    const items = todoList(facts("SECRETARIAT", [aYear({ phase: "CONFERENCE", cluster: aCluster({ registrationsSubmitted: 5, scoring: { state: "FINALISED", pendingSheets: 0 }, rounds }) })]));
    expect(items.map((i) => i.title)).toEqual(["Tổ chức hội nghị tổng kết năm 2026", "Kết thúc vòng bỏ phiếu: Bầu Cụm trưởng năm 2027"]);
    expect(items[0]).toMatchObject({ deadline: "2026-12-10", href: "/conference", detail: "1/2 vòng bỏ phiếu đã kết thúc." });
    expect(items[1]).toMatchObject({ href: "/conference/rounds/v1", detail: expect.stringContaining("3/5 đơn vị đã bỏ phiếu") });
  });

  it("asks to record the decisions and close the year in the results phase", () => {
    expect(only(todoList(facts("SECRETARIAT", [aYear({ phase: "RESULTS", cluster: aCluster({ registrationsSubmitted: 5, scoring: { state: "FINALISED", pendingSheets: 0 } }) })])))).toMatchObject({
      title: "Ghi nhận quyết định khen thưởng năm 2026 và khóa sổ",
      href: "/results",
    });
  });
});

describe("the admin's to-do list", () => {
  it("lists failed e-mail deliveries", () => {
    expect(only(todoList(facts("ADMIN", [], { admin: { failedDeliveries: 3, holidays: [{ year: 2026, count: 12 }, { year: 2027, count: 0 }] } })))).toMatchObject({
      title: "Xem 3 thư điện tử gửi không thành công",
      href: "/admin/deliveries",
    });
  });

  it("asks for this year's holidays at once, and next year's from October, due by the year's end", () => {
    const admin = { failedDeliveries: 0, holidays: [{ year: 2026, count: 0 }, { year: 2027, count: 0 }] };
    expect(todoList(facts("ADMIN", [], { admin })).map((i) => i.title)).toEqual(["Nhập ngày nghỉ lễ năm 2026"]);
    const october = todoList({ ...facts("ADMIN", [], { admin: { ...admin, holidays: [{ year: 2026, count: 12 }, { year: 2027, count: 0 }] } }), now: vn("2026-10-01T08:00:00") });
    expect(only(october)).toMatchObject({ title: "Nhập ngày nghỉ lễ năm 2027", deadline: "2026-12-31", href: "/admin/holidays" });
  });
});

describe("every role", () => {
  it("is told of unread notifications, after what has a deadline", () => {
    const items = todoList(facts("UNIT_OFFICER", [aYear({ unit: aUnit() })], { unreadNotifications: 4 }));
    expect(items.map((i) => i.title)).toEqual(["Gửi đăng ký thi đua năm 2026", "Đọc 4 thông báo chưa đọc"]);
    expect(items[1]).toMatchObject({ href: "/notifications", deadline: null, status: { state: "UNSET" } });
  });

  it("has nothing to do without a cluster year and without notifications", () => {
    for (const role of ["UNIT_OFFICER", "UNIT_HEAD", "ADMIN"] as const) expect(todoList(facts(role, []))).toEqual([]);
  });

  it("puts overdue items first (most overdue first), then the nearest deadline, then those without one", () => {
    const now = vn("2026-04-05T08:00:00");
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const years = [
      aYear({ id: "y-2025", year: 2025, phase: "SCORING", deadlines: { ...DEADLINES, report: "2026-01-15", conference: "2026-04-08" }, unit: aUnit({ registration: done, pendingCrossSheets: 1 }) }),
      aYear({ phase: "REPORTING", deadlines: { ...DEADLINES, registration: "2026-03-31", report: "2026-04-06" }, unit: aUnit() }),
    ];
    const items = todoList({ ...facts("UNIT_OFFICER", years, { unreadNotifications: 1 }), now });
    expect(items.map((i) => [i.key, i.status.text])).toEqual([
      ["report-YEAR_END-2025", "đã hết hạn 80 ngày trước"],
      ["registration-2026", "đã hết hạn 5 ngày trước"],
      ["report-YEAR_END-2026", "đang mở, còn 1 ngày"],
      ["cross-2025", "đang mở, còn 3 ngày"],
      ["notifications", "chưa đặt hạn"],
    ]);
  });

  it("gives every item a link inside the app and a unique key", () => {
    const done = { status: "SUBMITTED" as const, hasTargetTitle: true, agreementSigned: true, reopenedUntil: null };
    const everything = todoList(
      facts("UNIT_HEAD", [aYear({ phase: "CONFERENCE", deadlines: { ...DEADLINES, midyearReport: "2026-07-01" }, unit: aUnit({ registration: done, pendingCrossSheets: 1, roundsToVote: [{ id: "v1", title: "A" }] }) })], { unreadNotifications: 2 }),
    );
    expect(everything.length).toBeGreaterThanOrEqual(4);
    for (const i of everything) expect(i.href).toMatch(/^\/[a-z]/);
    expect(new Set(keys(everything)).size).toBe(everything.length);
  });
});
