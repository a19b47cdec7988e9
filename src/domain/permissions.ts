// The permission table (docs/domain.md §5): role × action × scope. Every command and query takes its
// check from here; nothing else decides who may do what.

export const ROLES = ["ADMIN", "SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD", "MINISTRY"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị",
  SECRETARIAT: "Thư ký cụm",
  UNIT_OFFICER: "Cán bộ thi đua đơn vị",
  UNIT_HEAD: "Lãnh đạo đơn vị",
  MINISTRY: "Thường trực Hội đồng Thi đua – Khen thưởng Bộ",
};

/** Who is acting, as loaded from the database for each request (never from a form). */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  clusterId: string | null;
  unitId: string | null;
  /** Clusters whose current year is chaired by the actor's unit (unit heads only). */
  chairOfClusterIds: string[];
  /**
   * The password was set by the admin and not yet changed by its user (issue 13): until it is, the
   * only permission the actor has is "account.own" (changing it). Absent: false.
   */
  mustChangePassword?: boolean;
};

/** What a permission is checked against, loaded from the database. */
/**
 * The scope of what a command touches, as stored. `yearId`: the emulation year it writes in, where the
 * target read it (a report's, a round's, a table's year); the phase guard reads it.
 */
export type Target = { clusterId?: string | null; unitId?: string | null; yearId?: string | null };

// all: anywhere; cluster: the actor's cluster; unit: the actor's unit; chair: a cluster the actor's unit chairs.
type Scope = "all" | "cluster" | "unit" | "chair";

export const PERMISSIONS = {
  "block.manage": { ADMIN: "all" },
  "cluster.manage": { ADMIN: "all" },
  "unit.manage": { ADMIN: "all" },
  "user.manage": { ADMIN: "all" },
  "title.manage": { ADMIN: "all" },
  "title.view": { ADMIN: "all", SECRETARIAT: "all", UNIT_OFFICER: "all", UNIT_HEAD: "all", MINISTRY: "all" },
  "cluster.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "cluster", UNIT_HEAD: "cluster" },
  // The cluster dashboard (issue 13 item 6). Every unit head opens their own cluster's, but sees of the
  // other units only what the cluster publishes: final rankings and scores, collective titles (targets,
  // proposals, awards), officers' titles as counts per unit, conference results (closed rounds' totals,
  // open rounds' turnout) and the year's phase, leadership and deadlines. "cluster.monitor" adds what the
  // secretariat and the chair follow: every unit's progress (registration, reports, what is missing,
  // reminders) and officer-level detail of any unit (notable officers, officer histories).
  "cluster.overview": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_HEAD: "cluster" },
  "cluster.monitor": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_HEAD: "chair" },
  // The Ministry-wide view: admins every block; the chair, read-only, the block of the cluster it chairs
  // (checked against that cluster; the query keeps to its block and links no other cluster's dashboard).
  "ministry.view": { ADMIN: "all", UNIT_HEAD: "chair" },
  "year.manage": { SECRETARIAT: "cluster" },
  // Corrections of a closed year (explicit, with a decision and a reason; see commands/amendments.ts)
  "year.amend": { SECRETARIAT: "cluster", ADMIN: "all" },
  "officer.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "officer.manage": { UNIT_OFFICER: "unit" },
  // Officer transfers (issue 17, docs/domain.md §11): checked on the officer's present unit; a
  // destination in another cluster needs the permission there too (the admin's alone).
  "officer.transfer": { ADMIN: "all", SECRETARIAT: "cluster" },
  "audit.view": { ADMIN: "all", SECRETARIAT: "cluster" },
  // Title registration (targets) and results (the history)
  "registration.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "registration.edit": { UNIT_OFFICER: "unit" },
  "registration.reopen": { SECRETARIAT: "cluster" },
  "registration.board": { ADMIN: "all", SECRETARIAT: "cluster" },
  "results.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "results.enter": { SECRETARIAT: "cluster", UNIT_OFFICER: "unit" },
  "results.verify": { SECRETARIAT: "cluster" },
  // Initiatives and discipline records of officers
  "history.manage": { SECRETARIAT: "cluster", UNIT_OFFICER: "unit" },
  // Criteria tables, year-end reports and scoring (drafts are only ever shown to their own unit)
  "criteria.manage": { SECRETARIAT: "cluster" },
  "criteria.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "cluster", UNIT_HEAD: "cluster" },
  "report.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "report.edit": { UNIT_OFFICER: "unit" },
  "report.approve": { UNIT_HEAD: "unit" },
  "report.review": { SECRETARIAT: "cluster" },
  "score.cross": { UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "scoring.manage": { SECRETARIAT: "cluster" },
  "ranking.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_HEAD: "chair" },
  // Conference votes: the secretariat runs them, each unit's head is its delegate
  "vote.manage": { SECRETARIAT: "cluster" },
  "vote.cast": { UNIT_HEAD: "unit" },
  "vote.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "cluster", UNIT_HEAD: "cluster" },
  // Notifications (issue 16): everyone reads and marks their own (the command checks the owner) and sets
  // their own e-mail; the admin keeps the holiday calendar and sees failed e-mail deliveries.
  "notification.own": { ADMIN: "all", SECRETARIAT: "all", UNIT_OFFICER: "all", UNIT_HEAD: "all", MINISTRY: "all" },
  // One's own account: changing one's password (issue 13); the only permission of an actor who must change it first.
  "account.own": { ADMIN: "all", SECRETARIAT: "all", UNIT_OFFICER: "all", UNIT_HEAD: "all", MINISTRY: "all" },
  "holiday.manage": { ADMIN: "all" },
  "delivery.view": { ADMIN: "all" },
  // Proposals, disclosure, the Ministry's decisions, commendations (issue 14; docs/domain.md §9). The
  // secretariat builds and sends its cluster's dossier; the member units see it once published and
  // object to items; the Ministry office (every cluster) returns or accepts it, records decisions and
  // revokes awards.
  "dossier.view": { ADMIN: "all", SECRETARIAT: "cluster", MINISTRY: "all" },
  "dossier.manage": { SECRETARIAT: "cluster" },
  "dossier.disclosure": { UNIT_OFFICER: "cluster", UNIT_HEAD: "cluster" },
  "dossier.object": { UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "dossier.review": { MINISTRY: "all" },
  "decision.record": { MINISTRY: "all" },
  "award.revoke": { MINISTRY: "all" },
  "commendation.enter": { SECRETARIAT: "cluster" },
  "commendation.view": { ADMIN: "all", SECRETARIAT: "cluster", MINISTRY: "all", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

/** The actor's scope for the permission; none but for "account.own" while their password must be changed. */
function scopeFor(actor: Actor, permission: Permission): Scope | undefined {
  if (actor.mustChangePassword && permission !== "account.own") return undefined;
  return (PERMISSIONS[permission] as Partial<Record<Role, Scope>>)[actor.role];
}

/** Whether the role has the permission anywhere at all (used to hide navigation and refuse early). */
export function roleMay(actor: Actor, permission: Permission): boolean {
  const scope = scopeFor(actor, permission);
  if (scope === "chair") return actor.chairOfClusterIds.length > 0;
  return scope !== undefined;
}

export function can(actor: Actor, permission: Permission, target: Target): boolean {
  switch (scopeFor(actor, permission)) {
    case "all":
      return true;
    case "cluster":
      return actor.clusterId !== null && target.clusterId === actor.clusterId;
    case "unit":
      return actor.unitId !== null && target.unitId === actor.unitId;
    case "chair":
      return target.clusterId != null && actor.chairOfClusterIds.includes(target.clusterId);
    default:
      return false;
  }
}
