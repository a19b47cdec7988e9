import { describe, expect, it } from "vitest";
import { disclosureWindow, isWindowOpen, objectionRefusal, sendRefusal } from "@/domain/awards";

const none = new Set<string>();

describe("the disclosure window", () => {
  it("counts working days from the day after publication: published Monday, 5 days end the next Monday", () => {
    // 2022-12-05 is a Monday.
    expect(disclosureWindow("2022-12-05", 5, none)).toEqual({ firstDay: "2022-12-06", lastDay: "2022-12-12" });
  });

  it("skips Saturdays and Sundays: published Friday, 1 day is the following Monday", () => {
    expect(disclosureWindow("2022-12-09", 1, none).lastDay).toBe("2022-12-12");
  });

  it("skips public holidays kept as data (2/9 and 1/9 of 2022)", () => {
    const holidays = new Set(["2022-09-01", "2022-09-02"]);
    // Wednesday 31/8: Thursday 1/9 and Friday 2/9 are holidays, then the weekend.
    expect(disclosureWindow("2022-08-31", 1, holidays).lastDay).toBe("2022-09-05");
    expect(disclosureWindow("2022-08-31", 1, none).lastDay).toBe("2022-09-01");
  });

  it("is open through its last day, closed the day after", () => {
    expect(isWindowOpen("2022-12-12", "2022-12-12")).toBe(true);
    expect(isWindowOpen("2022-12-13", "2022-12-12")).toBe(false);
  });

  it("refuses a non-positive length", () => expect(() => disclosureWindow("2022-12-05", 0, none)).toThrow());
});

describe("objections", () => {
  const open = { status: "DISCLOSING" as const, lastDay: "2022-12-12", today: "2022-12-08", itemStatus: "PROPOSED" };
  it("are taken during the window", () => expect(objectionRefusal(open)).toBeNull());
  it("are refused after the window", () => expect(objectionRefusal({ ...open, today: "2022-12-13" })).toContain("đã kết thúc ngày 12/12/2022"));
  it("are refused on a dossier not being disclosed", () => expect(objectionRefusal({ ...open, status: "DRAFT" })).toContain("không trong thời gian công khai"));
  it("are refused on a withdrawn item", () => expect(objectionRefusal({ ...open, itemStatus: "WITHDRAWN" })).toContain("đã được rút"));
});

describe("sending to the Ministry", () => {
  const ready = { status: "DISCLOSING" as const, today: "2022-12-13", lastDay: "2022-12-12", unanswered: 0, proposed: 3, addedSincePublication: 0 };
  it("is allowed once the window has ended and every objection is answered", () => expect(sendRefusal(ready)).toBeNull());
  it("is refused inside the window (its last day included)", () => expect(sendRefusal({ ...ready, today: "2022-12-12" })).toContain("Chưa hết thời gian công khai"));
  it("is refused while an objection has no answer", () => expect(sendRefusal({ ...ready, unanswered: 2 })).toContain("Còn 2 ý kiến chưa được trả lời"));
  it("is refused before publication", () => expect(sendRefusal({ ...ready, status: "DRAFT", lastDay: null })).toContain("chưa được công khai"));
  it("is refused twice", () => expect(sendRefusal({ ...ready, status: "SENT" })).toContain("đã được gửi"));
  it("after a return, needs a new publication for proposals added since", () => {
    expect(sendRefusal({ ...ready, status: "RETURNED" })).toBeNull();
    expect(sendRefusal({ ...ready, status: "RETURNED", addedSincePublication: 1 })).toContain("công khai lại");
  });
  it("is refused with nothing left to propose", () => expect(sendRefusal({ ...ready, proposed: 0 })).toContain("không còn đề nghị"));
});
