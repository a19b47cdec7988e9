-- What the overview caches depend on (src/server/cache/data-version.ts): per cluster, the audit seq of
-- the last command that wrote to it; under the scope 'ministry', that of the last write to the
-- Ministry's structure (blocks, clusters, units, accounts, the title catalogue) or to no cluster at all.
-- Bumped by executeCommand in the command's own transaction, after its audit entry, so a committed
-- write always leaves a higher number on its scope (audit seqs follow commit order: they are assigned
-- under the chain's transaction-level lock).
CREATE TABLE "DataVersion" (
    "scope" VARCHAR(64) NOT NULL,
    "seq" BIGINT NOT NULL,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("scope")
);

-- Existing data: everything so far counts as one Ministry-wide write.
INSERT INTO "DataVersion" ("scope", "seq") SELECT 'ministry', coalesce(max("seq"), 0) FROM "AuditLog";
