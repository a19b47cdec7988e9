// Test data builders on the real database. Each test file starts from an empty database.
import { randomUUID } from "node:crypto";
import type { Actor, Role } from "@/domain/permissions";
import { nameSortKey, searchKey, textSortKey } from "@/domain/vietnamese";
import { YEAR_PHASES, type YearPhase } from "@/domain/year-phases";
import { DEFAULT_YEAR_SETTINGS } from "@/domain/year-settings";
import { executeCommand } from "@/server/commands/command";
import { advanceYearPhase } from "@/server/commands/years";
import { prisma } from "@/server/db";

export { prisma };

/** Empties every table (keeps the schema and the migration history). */
export async function resetDatabase() {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename::text AS tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const short = () => randomUUID().slice(0, 8).toUpperCase();

export async function makeCluster(name = "Cụm thi đua số 2") {
  const block = await prisma.block.create({ data: { code: `K-${short()}`, name: "Khối các đơn vị thuộc Bộ trưởng" } });
  return prisma.cluster.create({ data: { code: `C-${short()}`, name, blockId: block.id } });
}

export async function makeUnit(clusterId: string, name = "Cục Kỹ thuật nghiệp vụ", parentId?: string) {
  return prisma.unit.create({ data: { clusterId, parentId, code: `U-${short()}`, name, sortKey: textSortKey(name) } });
}

export async function makeOfficer(unitId: string, fullName = "Nguyễn Văn An", extra: { code?: string; subUnitId?: string } = {}) {
  return prisma.officer.create({
    data: {
      unitId,
      code: extra.code ?? `O-${short()}`,
      subUnitId: extra.subUnitId,
      fullName,
      searchName: searchKey(fullName),
      sortKey: nameSortKey(fullName),
      rank: "Đại úy",
      position: "Cán bộ",
    },
  });
}

export async function makeYear(clusterId: string, year: number, extra: { chairUnitId?: string; phase?: "REGISTRATION" | "CLOSED" } = {}) {
  return prisma.emulationYear.create({
    data: { clusterId, year, settings: DEFAULT_YEAR_SETTINGS, chairUnitId: extra.chairUnitId, phase: extra.phase ?? "REGISTRATION" },
  });
}

/** A user in the database and the Actor the app would load for them. */
export async function makeActor(role: Role, scope: { clusterId?: string; unitId?: string } = {}): Promise<Actor> {
  const user = await prisma.user.create({
    data: {
      username: `u-${short().toLowerCase()}`,
      passwordHash: "not-used-in-these-tests",
      displayName: `Người dùng ${role}`,
      role,
      clusterId: scope.clusterId,
      unitId: scope.unitId,
    },
  });
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    clusterId: scope.clusterId ?? null,
    unitId: scope.unitId ?? null,
    chairOfClusterIds: [],
  };
}

export function form(values: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== false) out[k] = v === true ? "on" : String(v);
  return out;
}

/**
 * Moves a year forward, one phase at a time, to `phase` through the secretariat's own phase command
 * (year.phase.advance), as a user would before doing the work of that phase.
 */
export async function advanceYearTo(secretariat: Actor, yearId: string, phase: YearPhase) {
  for (let step = 0; step < YEAR_PHASES.length; step++) {
    const year = await prisma.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { phase: true } });
    if (year.phase === phase) return;
    const moved = await executeCommand(advanceYearPhase, secretariat, { yearId, fromPhase: year.phase });
    if (!moved.ok) throw new Error(`advanceYearTo ${phase}: ${moved.message}`);
  }
  throw new Error(`advanceYearTo ${phase}: not reached`);
}
