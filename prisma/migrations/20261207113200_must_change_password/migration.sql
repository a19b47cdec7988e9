-- Issue 13: a password set by the admin (a new account, a reset) must be changed by its user at the
-- next sign-in. Accounts that exist keep the password they have, without the forced change.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
