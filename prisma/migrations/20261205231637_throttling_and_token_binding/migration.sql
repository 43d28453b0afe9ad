-- Issue 20: sign-in throttling and the API rate limit share one table in PostgreSQL (so they hold across instances),
-- and API tokens are bound to their owner's credentials (docs/decisions/009-throttling-in-postgres.md).

-- The per-account hard lock (5 failures, 15 minutes) is replaced by progressive waits kept in "Throttle".
ALTER TABLE "User" DROP COLUMN "failedLoginCount",
DROP COLUMN "lockedUntil",
ADD COLUMN     "credentialVersion" INTEGER NOT NULL DEFAULT 1;

-- Existing tokens were made under version 1. Tokens of people who are inactive today end here: a later reactivation
-- must not bring them back.
ALTER TABLE "ApiToken" ADD COLUMN     "credentialVersion" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "ApiToken" ALTER COLUMN "credentialVersion" SET DEFAULT 0;
UPDATE "ApiToken" t SET "revokedAt" = CURRENT_TIMESTAMP AT TIME ZONE 'UTC'
  FROM "User" u WHERE u.id = t."userId" AND NOT u.active AND t."revokedAt" IS NULL;

-- Whoever inserts a token (the app, a script, a benchmark), it is bound to its owner's credentials as committed when
-- it is written: a password reset or deactivation committing meanwhile leaves it bound to the old version, i.e. dead.
CREATE FUNCTION "ApiToken_bind_credentials"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT u."credentialVersion" INTO NEW."credentialVersion" FROM "User" u WHERE u.id = NEW."userId";
  RETURN NEW;
END $$;
CREATE TRIGGER "ApiToken_bind_credentials" BEFORE INSERT OR UPDATE OF "credentialVersion", "userId" ON "ApiToken"
  FOR EACH ROW EXECUTE FUNCTION "ApiToken_bind_credentials"();

-- CreateTable
CREATE TABLE "Throttle" (
    "key" VARCHAR(200) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "until" TIMESTAMPTZ(6),
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "Throttle_count_check" CHECK ("count" >= 0)
);

-- Expired rows are swept in bounded batches (src/server/throttle).
CREATE INDEX "Throttle_expiresAt_idx" ON "Throttle"("expiresAt");
