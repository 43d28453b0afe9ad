-- The manager's KPIs and team screens read the "open" slices of large tables: orders waiting for collection, orders
-- overdue and not ready, unpaid orders, lines done but not invoiced, open orders per assignee. Partial indexes keep
-- those reads proportional to the slice instead of to years of history (measured on 300 000 orders: the KPI page went
-- from about 1.9 s to about 0.16 s). Prisma cannot express partial indexes, so they live only here (see
-- docs/decisions/001 and 005); the queries in src/server/kpis and src/server/team repeat these predicates exactly.

CREATE INDEX "Order_waiting_ready_idx" ON "Order" ("readyAt") INCLUDE ("total")
  WHERE "handover" = 'WAITING' AND "cancelledAt" IS NULL AND "readyAt" IS NOT NULL;

CREATE INDEX "Order_overdue_due_idx" ON "Order" ("dueAt")
  WHERE "readyAt" IS NULL AND "cancelledAt" IS NULL AND "handover" = 'WAITING';

CREATE INDEX "Order_unpaid_idx" ON "Order" ("id")
  WHERE "payment" IN ('UNPAID', 'PARTLY_PAID');

CREATE INDEX "Order_open_assignee_idx" ON "Order" ("assigneeId")
  WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL;

-- Written as a difference, with statistics on it: the planner then knows how few lines are done but not invoiced
-- (it assumes a third of the table for "a > b", plans for 200 000 rows and spends longer compiling the query (JIT)
-- than running it).
CREATE INDEX "OrderLine_unbilled_idx" ON "OrderLine" ("orderId") INCLUDE ("qtyFulfilled", "qtyInvoiced", "unitPrice", "taxRateBp")
  WHERE ("qtyFulfilled" - "qtyInvoiced") > 0;
CREATE STATISTICS "OrderLine_unbilled_stat" ON ("qtyFulfilled" - "qtyInvoiced") FROM "OrderLine";
