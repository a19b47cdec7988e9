// The submission key's input hash (src/server/commands/submission-key.ts): the same form hashes the same
// whatever the order of its fields; any change of a value, a file's bytes or the command does not.
import { describe, expect, it } from "vitest";
import { newSubmissionKey } from "@/domain/submission";
import { hashInput, submissionKeyOf } from "@/server/commands/submission-key";

const file = (text: string, name = "a.xlsx") => new File([text], name);

describe("submission keys", () => {
  it("hash a form by its content, not its field order", async () => {
    const a = await hashInput("officer.create", { code: "A1", fullName: "Nguyễn Văn An", file: file("xyz") });
    expect(await hashInput("officer.create", { file: file("xyz"), fullName: "Nguyễn Văn An", code: "A1" })).toBe(a);
    expect(await hashInput("officer.update", { code: "A1", fullName: "Nguyễn Văn An", file: file("xyz") })).not.toBe(a);
    expect(await hashInput("officer.create", { code: "A1", fullName: "Nguyễn Văn Ân", file: file("xyz") })).not.toBe(a);
    expect(await hashInput("officer.create", { code: "A1", fullName: "Nguyễn Văn An", file: file("xyZ") })).not.toBe(a);
    // No ambiguity between a value and its neighbours.
    expect(await hashInput("c", { a: "1", b: "23" })).not.toBe(await hashInput("c", { a: "12", b: "3" }));
    expect(await hashInput("c", [1, [2]])).not.toBe(await hashInput("c", [[1], 2]));
  });

  it("accept only well-formed keys; new ones are 32 hex digits and differ", () => {
    const key = newSubmissionKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newSubmissionKey()).not.toBe(key);
    expect(submissionKeyOf(key)).toBe(key);
    for (const bad of ["", "short", "x".repeat(101), "has space in it 1234", 42, null]) expect(submissionKeyOf(bad)).toBeNull();
  });
});
