-- Idempotency keys of form submissions (issue 18, fault 3; docs/operations.md): the outcome of a command
-- run with a submission key, written in the command's own transaction, so that a retry of the same
-- submission returns it instead of writing twice. The key is a dedupe key only (docs/security.md).

-- CreateTable
CREATE TABLE "SubmissionKey" (
    "userId" UUID NOT NULL,
    "key" VARCHAR(100) NOT NULL,
    "command" VARCHAR(100) NOT NULL,
    "inputHash" CHAR(64) NOT NULL,
    "outcome" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "SubmissionKey_createdAt_idx" ON "SubmissionKey"("createdAt");
