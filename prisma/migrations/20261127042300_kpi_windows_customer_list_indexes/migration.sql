-- Indexes found missing by bench/scale.ts at 1,000,000 orders (docs/performance.md, "Scale"). The two on "Order" are
-- partial, which Prisma cannot express (schema.prisma names them in a comment); the one on "Customer" is in the schema.

-- The KPIs' stage medians (getKpis) read the orders that became ready, or were handed over, in the last 30 days. Without
-- these they were found through "createdAt" over the whole look-back (150 days: 45,000 orders at 300 a day, to keep
-- 9,000), so the cost followed the shop's history up to that horizon; with them PostgreSQL reads the two 30-day windows
-- (a BitmapOr) and keeps the look-back only as a condition. An order enters them when it becomes ready / is handed
-- over (updates that already change other indexes), not when it is taken: taking an order writes neither.
CREATE INDEX "Order_readyAt_live_idx" ON "Order" ("readyAt") WHERE "cancelledAt" IS NULL AND "readyAt" IS NOT NULL;
CREATE INDEX "Order_handedOverAt_live_idx" ON "Order" ("handedOverAt") WHERE "cancelledAt" IS NULL AND "handedOverAt" IS NOT NULL;

-- GET /api/v1/customers pages newest first by the keyset ("createdAt", id): without an index every page sorted every
-- (matching) customer, 200,000 of them without q.
CREATE INDEX "Customer_createdAt_id_idx" ON "Customer"("createdAt", "id");
