-- Idempotency records expire (HANDOFF_IDEMPOTENCY_TTL_HOURS, default 24): src/server/api/idempotency.ts deletes the
-- expired ones oldest first in bounded batches, which this index keeps from scanning the whole table.
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");
