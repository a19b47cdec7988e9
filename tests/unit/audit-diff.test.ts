import { describe, expect, it } from "vitest";
import { auditDiff } from "@/server/audit/diff";
import { ACTION_LABELS, actionLabel, entityLabel } from "@/server/audit/labels";

describe("auditDiff", () => {
  it("lines up the fields of before and after and marks the changed ones", () => {
    expect(auditDiff({ rank: "Đại úy", unitId: "u1", score: 1.5 }, { rank: "Thiếu tá", unitId: "u1", note: { a: [1, null] } })).toEqual([
      { key: "rank", before: "Đại úy", after: "Thiếu tá", changed: true },
      { key: "unitId", before: "u1", after: "u1", changed: false },
      { key: "score", before: "1.5", after: null, changed: true },
      { key: "note", before: null, after: '{"a":[1,null]}', changed: true },
    ]);
  });

  it("shows a creation (no before) and a deletion (no after)", () => {
    expect(auditDiff(null, { name: "Cục Ngoại tuyến" })).toEqual([{ key: "name", before: null, after: "Cục Ngoại tuyến", changed: true }]);
    expect(auditDiff({ name: "X" }, null)).toEqual([{ key: "name", before: "X", after: null, changed: true }]);
    expect(auditDiff(null, null)).toEqual([]);
  });

  it("keeps markup as text and compares non-object values whole", () => {
    expect(auditDiff(null, "<script>alert(1)</script>")).toEqual([{ key: "(giá trị)", before: null, after: "<script>alert(1)</script>", changed: true }]);
    expect(auditDiff([1, 2], [1, 2])).toEqual([{ key: "(giá trị)", before: "[1,2]", after: "[1,2]", changed: false }]);
  });
});

describe("audit labels", () => {
  it("names every command in Vietnamese", async () => {
    const modules = await Promise.all([
      import("@/server/commands/admin"),
      import("@/server/commands/officers"),
      import("@/server/commands/years"),
      import("@/server/commands/registration"),
      import("@/server/commands/results"),
      import("@/server/commands/criteria"),
      import("@/server/commands/reports"),
      import("@/server/commands/scoring"),
      import("@/server/commands/votes"),
    ]);
    const names = modules.flatMap((m) =>
      Object.values(m as Record<string, unknown>)
        .filter((v): v is { name: string; run: unknown; permission: unknown } => typeof v === "object" && v !== null && "run" in v && "permission" in v)
        .map((c) => c.name),
    );
    expect(names.length).toBeGreaterThan(60);
    expect(names.filter((n) => !(n in ACTION_LABELS))).toEqual([]);
  });

  it("falls back to the code for unknown actions and entity types", () => {
    expect(actionLabel("vote.cast")).toBe("Đã bỏ phiếu");
    expect(actionLabel("future.thing")).toBe("future.thing");
    expect(entityLabel("Officer")).toBe("Cán bộ");
    expect(entityLabel("Future")).toBe("Future");
  });
});
