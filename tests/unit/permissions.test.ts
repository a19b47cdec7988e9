import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, roleMay, ROLES, type Actor, type Permission, type Role } from "@/domain/permissions";

const CLUSTER = "c-1";
const OTHER_CLUSTER = "c-2";
const UNIT = "u-1";
const OTHER_UNIT = "u-2";

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  const unitRole = role === "UNIT_OFFICER" || role === "UNIT_HEAD";
  return {
    userId: "x",
    username: "x",
    displayName: "x",
    role,
    clusterId: role === "ADMIN" || role === "MINISTRY" ? null : CLUSTER,
    unitId: unitRole ? UNIT : null,
    chairOfClusterIds: [],
    ...extra,
  };
}

const own = { clusterId: CLUSTER, unitId: UNIT };
const sameClusterOtherUnit = { clusterId: CLUSTER, unitId: OTHER_UNIT };
const otherCluster = { clusterId: OTHER_CLUSTER, unitId: "u-9" };

describe("permission table", () => {
  // [permission, role, own unit, other unit in the cluster, other cluster]
  const table: [Permission, Role, boolean, boolean, boolean][] = [
    ["user.manage", "ADMIN", true, true, true],
    ["user.manage", "SECRETARIAT", false, false, false],
    ["user.manage", "UNIT_OFFICER", false, false, false],
    ["officer.manage", "UNIT_OFFICER", true, false, false],
    ["officer.manage", "UNIT_HEAD", false, false, false],
    ["officer.manage", "SECRETARIAT", false, false, false],
    ["officer.manage", "ADMIN", false, false, false],
    ["officer.view", "UNIT_HEAD", true, false, false],
    ["officer.view", "SECRETARIAT", true, true, false],
    ["officer.view", "ADMIN", true, true, true],
    ["year.manage", "SECRETARIAT", true, true, false],
    ["year.manage", "ADMIN", false, false, false],
    ["year.manage", "UNIT_OFFICER", false, false, false],
    ["cluster.overview", "UNIT_OFFICER", false, false, false],
    // Every unit head: their own cluster's dashboard (what a head may see of it: dashboard/head-view.ts).
    ["cluster.overview", "UNIT_HEAD", true, true, false],
    ["cluster.overview", "SECRETARIAT", true, true, false],
    // Following every unit's progress and officers: not a head who does not chair.
    ["cluster.monitor", "UNIT_HEAD", false, false, false],
    ["cluster.monitor", "UNIT_OFFICER", false, false, false],
    ["cluster.monitor", "SECRETARIAT", true, true, false],
    ["cluster.monitor", "ADMIN", true, true, true],
    ["ministry.view", "ADMIN", true, true, true],
    ["ministry.view", "SECRETARIAT", false, false, false],
    ["ministry.view", "UNIT_HEAD", false, false, false],
    ["ministry.view", "UNIT_OFFICER", false, false, false],
    // Issue 14: the secretariat builds its cluster's dossier, the units see it and object (each for
    // itself), the Ministry office reviews every cluster's and records decisions.
    ["dossier.manage", "SECRETARIAT", true, true, false],
    ["dossier.manage", "MINISTRY", false, false, false],
    ["dossier.view", "MINISTRY", true, true, true],
    ["dossier.view", "UNIT_OFFICER", false, false, false],
    ["dossier.disclosure", "UNIT_OFFICER", true, true, false],
    ["dossier.object", "UNIT_HEAD", true, false, false],
    ["dossier.object", "SECRETARIAT", false, false, false],
    ["dossier.review", "MINISTRY", true, true, true],
    ["dossier.review", "SECRETARIAT", false, false, false],
    ["decision.record", "MINISTRY", true, true, true],
    ["decision.record", "ADMIN", false, false, false],
    ["award.revoke", "MINISTRY", true, true, true],
    ["award.revoke", "SECRETARIAT", false, false, false],
    ["commendation.enter", "SECRETARIAT", true, true, false],
    ["commendation.view", "UNIT_OFFICER", true, false, false],
    ["officer.manage", "MINISTRY", false, false, false],
    ["year.manage", "MINISTRY", false, false, false],
  ];
  it.each(table)("%s for %s: own unit %s, other unit %s, other cluster %s", (permission, role, a, b, c) => {
    const who = actor(role);
    expect(can(who, permission, own)).toBe(a);
    expect(can(who, permission, sameClusterOtherUnit)).toBe(b);
    expect(can(who, permission, otherCluster)).toBe(c);
  });

  it("gives the head of the chair unit the whole follow-up of that cluster only, and the Ministry view from it", () => {
    const chair = actor("UNIT_HEAD", { chairOfClusterIds: [CLUSTER] });
    for (const permission of ["cluster.overview", "cluster.monitor", "ministry.view"] as const) {
      expect(roleMay(chair, permission)).toBe(true);
      expect(can(chair, permission, own)).toBe(true);
      expect(can(chair, permission, sameClusterOtherUnit)).toBe(true);
      expect(can(chair, permission, otherCluster)).toBe(false);
    }
    // The Ministry view is checked against the chaired cluster: never "everywhere" (a target without a cluster).
    expect(can(chair, "ministry.view", {})).toBe(false);
    expect(can(actor("ADMIN"), "ministry.view", {})).toBe(true);
    expect(roleMay(actor("UNIT_HEAD"), "cluster.overview")).toBe(true);
    expect(roleMay(actor("UNIT_HEAD"), "cluster.monitor")).toBe(false);
    expect(roleMay(actor("UNIT_HEAD"), "ministry.view")).toBe(false);
  });

  it("refuses a target without scope for scoped roles", () => {
    expect(can(actor("SECRETARIAT"), "officer.view", {})).toBe(false);
    expect(can(actor("UNIT_OFFICER"), "officer.manage", { clusterId: CLUSTER })).toBe(false);
    // A user with no unit never matches a target with no unit.
    expect(can(actor("UNIT_OFFICER", { unitId: null }), "officer.manage", { unitId: null })).toBe(false);
  });

  it("grants an actor whose admin-set password must be changed nothing but changing it (issue 13)", () => {
    for (const role of ROLES) {
      const pending = actor(role, { mustChangePassword: true, chairOfClusterIds: role === "UNIT_HEAD" ? [CLUSTER] : [] });
      for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
        const expected = permission === "account.own";
        expect(roleMay(pending, permission), `${role} ${permission}`).toBe(expected);
        expect(can(pending, permission, own), `${role} ${permission}`).toBe(expected);
      }
      expect(roleMay(actor(role), "account.own")).toBe(true);
    }
  });

  it("names only known roles in every rule", () => {
    for (const rule of Object.values(PERMISSIONS)) for (const role of Object.keys(rule)) expect(ROLES).toContain(role);
  });
});
