import { describe, expect, it } from "vitest";
import { auditDiff } from "@/server/audit/diff";
import { ACTION_LABELS, actionLabel, entityLabel } from "@/server/audit/labels";
import { COMMANDS } from "@/server/commands/registry";
import { allCommands } from "../support/all-commands";

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
  it("names every command in Vietnamese", () => {
    // Found by listing src/server/commands (not through the registry), so a module the registry misses fails here.
    const commands = [...allCommands().values()];
    const names = commands.map((c) => c.name);
    expect(names.length).toBeGreaterThan(60);
    expect(commands.filter((c) => !c.label?.trim()).map((c) => c.name)).toEqual([]);
    expect([...COMMANDS.keys()].sort()).toEqual([...names].sort());
    expect(names.filter((n) => !(n in ACTION_LABELS))).toEqual([]);
    expect(commands.filter((c) => ACTION_LABELS[c.name] !== c.label).map((c) => c.name)).toEqual([]);
    expect(actionLabel("year.amendClosed")).not.toBe("year.amendClosed");
  });

  it("falls back to the code for unknown actions and entity types", () => {
    expect(actionLabel("vote.cast")).toBe("Đã bỏ phiếu");
    expect(actionLabel("future.thing")).toBe("future.thing");
    expect(entityLabel("Officer")).toBe("Cán bộ");
    expect(entityLabel("Future")).toBe("Future");
  });
});
