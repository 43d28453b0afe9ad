-- Decision 021: VAT categories whose rate changes on dates; products point to a category, order lines remember it.
-- No issued document is touched: invoice and credit-note lines keep the rate they were issued with (they are
-- immutable, ADR 003), and the order lines keep the rate they were taken at.
CREATE TABLE "TaxCategory" (
    "id" UUID NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "exempt" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TaxCategory_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TaxCategory_code_key" ON "TaxCategory"("code");

CREATE TABLE "TaxRatePeriod" (
    "id" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "validFrom" DATE NOT NULL,
    "rateBp" INTEGER NOT NULL,
    CONSTRAINT "TaxRatePeriod_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TaxRatePeriod_rate_range" CHECK ("rateBp" >= 0 AND "rateBp" <= 10000)
);
CREATE UNIQUE INDEX "TaxRatePeriod_categoryId_validFrom_key" ON "TaxRatePeriod"("categoryId", "validFrom");
ALTER TABLE "TaxRatePeriod" ADD CONSTRAINT "TaxRatePeriod_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TaxCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A category not subject to VAT has no rate but 0 (checked where the periods are, since a period may come later).
CREATE FUNCTION handoff_exempt_rate_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."rateBp" <> 0 AND EXISTS (SELECT 1 FROM "TaxCategory" c WHERE c.id = NEW."categoryId" AND c.exempt) THEN
    RAISE EXCEPTION 'a category not subject to VAT has no rate' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "TaxRatePeriod_exempt_zero" BEFORE INSERT OR UPDATE ON "TaxRatePeriod"
  FOR EACH ROW EXECUTE FUNCTION handoff_exempt_rate_zero();

-- Existing products move onto one category per rate they carry, with the same rate from the beginning of time, so no
-- price or rate changes today. The one exception is the law's: in a VND shop, 8 % exists only because of the
-- temporary reduction (Resolution 204/2025/QH15, Decree 174/2025/ND-CP) which ends on 2026-12-31, so the 8 %
-- products become the "standard" category, 8 % until 2026-12-31 and 10 % from 2027-01-01.
CREATE TEMP TABLE rate_category ON COMMIT DROP AS
SELECT r.rate, gen_random_uuid() AS id,
       (r.rate = 800 AND s.currency = 'VND') AS standard
FROM (SELECT DISTINCT "taxRateBp" AS rate FROM "Product") r
LEFT JOIN "BusinessSettings" s ON s.id = 1;

INSERT INTO "TaxCategory" (id, code, name)
SELECT id,
       CASE WHEN standard THEN 'standard' ELSE 'rate-' || rate END,
       CASE WHEN standard THEN 'Standard' ELSE trim(trailing '.' FROM trim(trailing '0' FROM to_char(rate / 100.0, 'FM990.00'))) || ' %' END
FROM rate_category;

INSERT INTO "TaxRatePeriod" (id, "categoryId", "validFrom", "rateBp")
SELECT gen_random_uuid(), id, DATE '2000-01-01', rate FROM rate_category;
INSERT INTO "TaxRatePeriod" (id, "categoryId", "validFrom", "rateBp")
SELECT gen_random_uuid(), id, DATE '2027-01-01', 1000 FROM rate_category WHERE standard;

ALTER TABLE "Product" ADD COLUMN "taxCategoryId" UUID;
UPDATE "Product" p SET "taxCategoryId" = rc.id FROM rate_category rc WHERE rc.rate = p."taxRateBp";
ALTER TABLE "Product" ALTER COLUMN "taxCategoryId" SET NOT NULL;
ALTER TABLE "Product" DROP COLUMN "taxRateBp";
CREATE INDEX "Product_taxCategoryId_idx" ON "Product"("taxCategoryId");
ALTER TABLE "Product" ADD CONSTRAINT "Product_taxCategoryId_fkey" FOREIGN KEY ("taxCategoryId") REFERENCES "TaxCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Order lines follow their product's category when they were taken at its rate (not when someone typed another
-- rate): what they still have to invoice is charged at the rate in force when it is done.
ALTER TABLE "OrderLine" ADD COLUMN "taxCategoryId" UUID;
UPDATE "OrderLine" l SET "taxCategoryId" = rc.id
FROM "Product" p JOIN rate_category rc ON rc.id = p."taxCategoryId"
WHERE l."productId" = p.id AND l."taxRateBp" = rc.rate;
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_taxCategoryId_fkey" FOREIGN KEY ("taxCategoryId") REFERENCES "TaxCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The rate of a category on a business day: the latest period started on or before it (rateOnDay in
-- src/domain/tax-schedule.ts, which tests/integration/tax-rate-change.test.ts checks this against). NULL before the
-- first period. For the SQL reads of the catalog (the counter's search and catalog, intake).
CREATE FUNCTION handoff_tax_rate(category uuid, day date) RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT "rateBp" FROM "TaxRatePeriod" WHERE "categoryId" = category AND "validFrom" <= day
  ORDER BY "validFrom" DESC LIMIT 1
$$;
