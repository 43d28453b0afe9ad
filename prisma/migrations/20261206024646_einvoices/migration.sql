-- Issue #19, decisions 022 and 023: the seller's e-invoice settings, the buyer's invoice details, and the e-invoice
-- state of invoices and credit notes. Adding columns with defaults writes no row: no issued document changes.
ALTER TABLE "BusinessSettings"
  ADD COLUMN "legalName" VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN "invoiceTemplate" VARCHAR(1) NOT NULL DEFAULT '1',
  ADD COLUMN "invoiceSymbol" VARCHAR(6) NOT NULL DEFAULT '',
  ADD COLUMN "einvoiceProvider" VARCHAR(20) NOT NULL DEFAULT 'NONE',
  ADD COLUMN "einvoiceUsername" VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN "einvoiceSecret" VARCHAR(500) NOT NULL DEFAULT '';
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_invoiceTemplate_check" CHECK ("invoiceTemplate" IN ('1', '2'));
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_invoiceSymbol_check" CHECK ("invoiceSymbol" = '' OR "invoiceSymbol" ~ '^[CK][0-9]{2}[TDLMNBGH][A-Z]{2}$');
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_einvoiceProvider_check" CHECK ("einvoiceProvider" IN ('NONE', 'VIETTEL'));

ALTER TABLE "Customer"
  ADD COLUMN "taxCode" VARCHAR(14),
  ADD COLUMN "legalName" VARCHAR(200),
  ADD COLUMN "invoiceAddress" VARCHAR(500);
-- The shape only; the check digit is the domain's (parseMst).
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_taxCode_format" CHECK ("taxCode" IS NULL OR "taxCode" ~ '^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$');

CREATE TYPE "EInvoiceStatus" AS ENUM ('WAITING', 'ISSUED', 'REJECTED');
CREATE TABLE "EInvoice" (
    "id" UUID NOT NULL,
    "invoiceId" UUID,
    "creditNoteId" UUID,
    "provider" VARCHAR(20) NOT NULL,
    "transactionUuid" UUID NOT NULL,
    "status" "EInvoiceStatus" NOT NULL DEFAULT 'WAITING',
    "template" VARCHAR(20) NOT NULL,
    "symbol" VARCHAR(6) NOT NULL,
    "providerNumber" VARCHAR(40),
    "taxAuthorityCode" VARCHAR(60),
    "lookupCode" VARCHAR(60),
    "lookupUrl" VARCHAR(300),
    "reason" VARCHAR(1000),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "EInvoice_pkey" PRIMARY KEY ("id"),
    -- Exactly one document.
    CONSTRAINT "EInvoice_one_document" CHECK (("invoiceId" IS NULL) <> ("creditNoteId" IS NULL)),
    -- Issued means the provider's number came back.
    CONSTRAINT "EInvoice_issued_has_number" CHECK ("status" <> 'ISSUED' OR ("providerNumber" IS NOT NULL AND "issuedAt" IS NOT NULL))
);
CREATE UNIQUE INDEX "EInvoice_invoiceId_key" ON "EInvoice"("invoiceId");
CREATE UNIQUE INDEX "EInvoice_creditNoteId_key" ON "EInvoice"("creditNoteId");
CREATE UNIQUE INDEX "EInvoice_transactionUuid_key" ON "EInvoice"("transactionUuid");
ALTER TABLE "EInvoice" ADD CONSTRAINT "EInvoice_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EInvoice" ADD CONSTRAINT "EInvoice_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Once issued, the provider's answer is as final as the document: no going back to waiting or rejected, no new number.
CREATE FUNCTION handoff_einvoice_issued_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'ISSUED' AND (NEW."status" <> 'ISSUED' OR NEW."providerNumber" IS DISTINCT FROM OLD."providerNumber") THEN
    RAISE EXCEPTION 'an issued e-invoice does not change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "EInvoice_issued_final" BEFORE UPDATE ON "EInvoice" FOR EACH ROW EXECUTE FUNCTION handoff_einvoice_issued_final();
CREATE TRIGGER "EInvoice_no_delete" BEFORE DELETE ON "EInvoice" FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
