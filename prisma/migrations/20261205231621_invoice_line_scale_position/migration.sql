-- Decision 008: an invoice line charges a slice of its order line's cumulative scale, starting at "qtyFrom" (the
-- order line's invoiced quantity when it was issued); credit notes take their slices from the top of that stretch.
-- Lines issued before were each rounded on their own, i.e. as a slice starting at 0: the default 0 describes exactly
-- how they were computed, so no issued amount changes and their credits are computed as before. Adding a column with
-- a default writes no row (no UPDATE trigger runs on the immutable table). New lines must say where they start.
ALTER TABLE "InvoiceLine" ADD COLUMN "qtyFrom" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "InvoiceLine" ALTER COLUMN "qtyFrom" DROP DEFAULT;
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_qtyFrom_nonnegative" CHECK ("qtyFrom" >= 0);
