// Officer codes are unique across the Ministry; a unit officer must not learn from a refusal that a
// code belongs to someone, let alone to whom (another unit, another cluster). The refusal for another
// cluster's officer's code is word for word the one for a code of the officer's own unit, and says only
// that the code cannot be used.
import { beforeEach, describe, expect, it } from "vitest";
import { executeCommand } from "@/server/commands/command";
import { createOfficer, updateOfficer } from "@/server/commands/officers";
import { form, makeActor, makeCluster, makeOfficer, makeUnit, prisma, resetDatabase } from "./fixtures";

const values = (code: string) => form({ code, fullName: "Trần Văn Dò", rank: "Đại úy", position: "Cán bộ" });

describe("officer codes cannot be probed across units and clusters", () => {
  let officer: Awaited<ReturnType<typeof makeActor>>;
  let mine: { id: string };
  beforeEach(async () => {
    await resetDatabase();
    const cluster = await makeCluster("Cụm thi đua số 2");
    const unit = await makeUnit(cluster.id, "Cục Kỹ thuật nghiệp vụ");
    officer = await makeActor("UNIT_OFFICER", { clusterId: cluster.id, unitId: unit.id });
    mine = await makeOfficer(unit.id, "Lê Thị Mình", { code: "KTNV-0001" });
    await makeOfficer(unit.id, "Lê Thị Hai", { code: "KTNV-0002" });
    const far = await makeCluster("Cụm thi đua số 9");
    await makeOfficer((await makeUnit(far.id, "Công an tỉnh Cà Mau")).id, "Ngô Văn Xa", { code: "CM-0042" });
  });

  it("adding or renaming to another cluster's officer's code answers as for a code of the unit, without saying it exists", async () => {
    const ownCode = await executeCommand(createOfficer, officer, values("KTNV-0002"));
    const otherCluster = await executeCommand(createOfficer, officer, values("CM-0042"));
    expect(otherCluster).toEqual(ownCode);
    expect(otherCluster.ok).toBe(false);
    const rename = await executeCommand(updateOfficer, officer, { ...values("cm-0042"), id: mine.id });
    expect(rename).toEqual(ownCode);
    const said = JSON.stringify(otherCluster);
    expect(said).not.toMatch(/tồn tại|đã có|Ngô Văn Xa|Cà Mau|Cụm thi đua số 9|CM-0042/i);
    expect(said).toContain("Không dùng được mã cán bộ này");
    // Nothing was written: the other cluster's officer and ours are as they were.
    expect(await prisma.officer.count({ where: { code: "CM-0042" } })).toBe(1);
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: mine.id } })).code).toBe("KTNV-0001");
  });
});
