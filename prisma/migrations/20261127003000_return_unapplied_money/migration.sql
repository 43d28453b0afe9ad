-- A refund is either against a credit note (money the customer over-paid an invoice), or a return of money that was
-- never applied to an invoice (a deposit on a cancelled order): then it names no invoice and no credit note.
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_refund_has_credit_note";
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refund_has_credit_note_or_is_return"
  CHECK (kind <> 'REFUND' OR "creditNoteId" IS NOT NULL OR "invoiceId" IS NULL);
