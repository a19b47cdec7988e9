import { queryRows } from "@/server/db";

export type TallyRow = { unitId: string; year: number; titleCode: string; registered: number; awarded: number };

/** The tally rows of one member unit (every year): one range scan on the primary key. */
export function tallyOfUnit(unitId: string): Promise<TallyRow[]> {
  return queryRows<TallyRow[]>`
    SELECT "unitId"::text AS "unitId", "year", "titleCode", "registered", "awarded"
    FROM "UnitTitleTally" WHERE "unitId" = ${unitId}::uuid AND ("registered" <> 0 OR "awarded" <> 0)`;
}

/** The tally rows of a cluster's member units (every year). */
export function tallyOfCluster(clusterId: string): Promise<TallyRow[]> {
  return queryRows<TallyRow[]>`
    SELECT t."unitId"::text AS "unitId", t."year", t."titleCode", t."registered", t."awarded"
    FROM "Unit" u JOIN "UnitTitleTally" t ON t."unitId" = u."id"
    WHERE u."clusterId" = ${clusterId}::uuid AND u."parentId" IS NULL AND (t."registered" <> 0 OR t."awarded" <> 0)`;
}
