import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, parseOffsets, permissionOfKind, reminderKindOf, DEADLINE_KINDS } from "@/domain/notifications";
import { PERMISSIONS } from "@/domain/permissions";
import { renderEmail } from "@/server/notifications/email-render";

describe("notification kinds", () => {
  it("each names a permission of the table; unknown kinds are nobody's", () => {
    for (const k of Object.values(NOTIFICATION_KINDS)) expect(Object.hasOwn(PERMISSIONS, k.permission)).toBe(true);
    for (const d of DEADLINE_KINDS) expect(permissionOfKind(reminderKindOf(d))).not.toBeNull();
    expect(permissionOfKind("PROPOSAL_PUBLISHED_IN_A_LATER_VERSION")).toBeNull();
  });
});

describe("reminder offsets as typed", () => {
  it.each([
    ["5, 1", [5, 1]],
    ["1 5 5", [5, 1]],
    ["10;3", [10, 3]],
    ["", []],
  ])("%s → %j", (text, expected) => expect(parseOffsets(text)).toEqual(expected));
  it.each(["0", "31", "5,x", "1,2,3,4,5,6", "2.5", "-1"])("refuses %s", (text) => expect(parseOffsets(text)).toBeNull());
});

describe("the e-mail of a notification", () => {
  it("is Vietnamese text and escaped HTML with the app link", () => {
    const mail = renderEmail("Nguyễn Văn <An>", { title: "Báo cáo bị trả lại", body: "Lý do: thiếu <minh chứng> & số liệu", href: "/reports/1" }, "https://thidua.example.vn");
    expect(mail.subject).toBe("[Sổ Thi đua] Báo cáo bị trả lại");
    expect(mail.text).toContain("Kính gửi đồng chí Nguyễn Văn <An>,");
    expect(mail.text).toContain("Xem trong Sổ Thi đua: https://thidua.example.vn/reports/1");
    expect(mail.html).toContain("thiếu &lt;minh chứng&gt; &amp; số liệu");
    expect(mail.html).not.toContain("<An>");
    expect(renderEmail("A", { title: "T", body: "B", href: null }, null).text).toContain("Vui lòng đăng nhập Sổ Thi đua");
  });
});
