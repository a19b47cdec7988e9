-- Login throttling by account, client address and both (src/domain/login-throttle.ts), with attempt
-- slots reserved before the password is checked; revocable sessions; the security event log.

-- The old per-username counters are dropped: a lock in force at the upgrade is lost (at most 15 minutes).
DROP TABLE "LoginThrottle";

CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(200) NOT NULL,
    "username" VARCHAR(64),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "forgiven" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "lastFailure" TIMESTAMP(3),
    "blockedUntil" TIMESTAMP(3),
    "trustedUntil" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "LoginThrottle_username_idx" ON "LoginThrottle"("username");
CREATE INDEX "LoginThrottle_expiresAt_idx" ON "LoginThrottle"("expiresAt");

-- Sessions issued before this migration carry no session id and are refused: everyone signs in again.
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "address" VARCHAR(64),
    "userAgent" VARCHAR(300),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "SecurityEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" VARCHAR(40) NOT NULL,
    "username" VARCHAR(64),
    "userId" UUID,
    "address" VARCHAR(64),
    "detail" JSONB,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");
CREATE INDEX "SecurityEvent_kind_at_idx" ON "SecurityEvent"("kind", "at");
CREATE INDEX "SecurityEvent_username_at_idx" ON "SecurityEvent"("username", "at");
CREATE INDEX "SecurityEvent_address_at_idx" ON "SecurityEvent"("address", "at");
