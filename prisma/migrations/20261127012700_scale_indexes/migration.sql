-- Indexes found missing by bench/scale.ts at 1,000,000 orders (docs/performance.md, "Scale"). Prisma cannot express
-- partial indexes, so they live only here, like those of *_manager_open_slices.

-- The ready-for-pickup list (listReadyOrders: the desk and /front/ready) filters through Prisma, which sends the enum
-- values as bound parameters; PostgreSQL cannot prove that such a query fits the partial index "Order_ready_waiting"
-- (whose predicate names the values), so it read every order: 0.8 s at 1 M orders. Here the statuses are key columns,
-- which bound values can use, and the list comes out in (readyAt, id) order; only the cancellation is a predicate.
CREATE INDEX "Order_handover_fulfillment_ready_idx" ON "Order" ("handover", "fulfillment", "readyAt", "id")
  WHERE "cancelledAt" IS NULL;

-- Receivables (KPIs) start from the orders not fully paid. "Order_unpaid_idx" also holds every cancelled order that
-- was never invoiced (2 % of all orders, forever), each then looked up among the invoices: 0.3 s at 1 M orders. Such
-- an order owes nothing (UNBILLED: any invoice it had was credited back in full), so the receivables read this slice.
CREATE INDEX "Order_receivable_idx" ON "Order" ("id")
  WHERE "payment" IN ('UNPAID', 'PARTLY_PAID') AND ("cancelledAt" IS NULL OR "billing" <> 'UNBILLED');

-- The customer picker ranks names that start with the query first and takes those from their own bounded list; the
-- trigram index answers "starts with" only by reading the posting lists of every trigram of the query (tens of
-- thousands of entries for a common family name), this one by a range scan.
CREATE INDEX "Customer_searchText_prefix_idx" ON "Customer" ("searchText" text_pattern_ops);
