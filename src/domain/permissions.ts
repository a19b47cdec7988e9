// The permission table (docs/domain.md §5): role × action × scope. Every command and query takes its
// check from here; nothing else decides who may do what.

export const ROLES = ["ADMIN", "SECRETARIAT", "UNIT_OFFICER", "UNIT_HEAD"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Quản trị",
  SECRETARIAT: "Thư ký cụm",
  UNIT_OFFICER: "Cán bộ thi đua đơn vị",
  UNIT_HEAD: "Lãnh đạo đơn vị",
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
  "title.view": { ADMIN: "all", SECRETARIAT: "all", UNIT_OFFICER: "all", UNIT_HEAD: "all" },
  "cluster.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "cluster", UNIT_HEAD: "cluster" },
  "cluster.overview": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_HEAD: "chair" },
  "year.manage": { SECRETARIAT: "cluster" },
  // Corrections of a closed year (explicit, with a decision and a reason; see commands/amendments.ts)
  "year.amend": { SECRETARIAT: "cluster", ADMIN: "all" },
  "officer.view": { ADMIN: "all", SECRETARIAT: "cluster", UNIT_OFFICER: "unit", UNIT_HEAD: "unit" },
  "officer.manage": { UNIT_OFFICER: "unit" },
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
  "notification.own": { ADMIN: "all", SECRETARIAT: "all", UNIT_OFFICER: "all", UNIT_HEAD: "all" },
  "holiday.manage": { ADMIN: "all" },
  "delivery.view": { ADMIN: "all" },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Permission = keyof typeof PERMISSIONS;

function scopeOf(role: Role, permission: Permission): Scope | undefined {
  return (PERMISSIONS[permission] as Partial<Record<Role, Scope>>)[role];
}

/** Whether the role has the permission anywhere at all (used to hide navigation and refuse early). */
export function roleMay(actor: Actor, permission: Permission): boolean {
  const scope = scopeOf(actor.role, permission);
  if (scope === "chair") return actor.chairOfClusterIds.length > 0;
  return scope !== undefined;
}

export function can(actor: Actor, permission: Permission, target: Target): boolean {
  switch (scopeOf(actor.role, permission)) {
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
