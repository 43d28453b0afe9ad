-- CreateEnum
CREATE TYPE "TicketQrAmount" AS ENUM ('FULL', 'DEPOSIT');

-- CreateEnum
CREATE TYPE "BankTransferStatus" AS ENUM ('RECEIVED', 'MATCHED', 'UNMATCHED', 'ASSIGNED', 'NOT_OURS', 'OUTGOING');

-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "bankAccount" VARCHAR(19) NOT NULL DEFAULT '',
ADD COLUMN     "bankAccountName" VARCHAR(120) NOT NULL DEFAULT '',
ADD COLUMN     "bankBin" VARCHAR(6) NOT NULL DEFAULT '',
ADD COLUMN     "depositPercent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "ticketQrAmount" "TicketQrAmount" NOT NULL DEFAULT 'FULL';

-- CreateTable
CREATE TABLE "BankTransfer" (
    "id" UUID NOT NULL,
    "provider" VARCHAR(20) NOT NULL,
    "providerTxId" VARCHAR(64) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedAt" VARCHAR(40) NOT NULL DEFAULT '',
    "gateway" VARCHAR(100) NOT NULL DEFAULT '',
    "accountNumber" VARCHAR(40) NOT NULL DEFAULT '',
    "amount" INTEGER NOT NULL,
    "content" VARCHAR(1000) NOT NULL DEFAULT '',
    "bankReference" VARCHAR(100),
    "payload" JSONB NOT NULL,
    "status" "BankTransferStatus" NOT NULL,
    "reason" VARCHAR(20),
    "orderId" UUID,
    "paymentId" UUID,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "note" VARCHAR(500),

    CONSTRAINT "BankTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BankTransfer_paymentId_key" ON "BankTransfer"("paymentId");

-- CreateIndex
CREATE INDEX "BankTransfer_status_receivedAt_idx" ON "BankTransfer"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "BankTransfer_orderId_idx" ON "BankTransfer"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "BankTransfer_provider_providerTxId_key" ON "BankTransfer"("provider", "providerTxId");

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Issue 17 (docs/decisions/015, 016): what a notification's status says about it holds in the database.
ALTER TABLE "BankTransfer" ADD CONSTRAINT "BankTransfer_amount_check" CHECK ("amount" > 0),
  ADD CONSTRAINT "BankTransfer_status_check" CHECK (
    CASE "status"
      WHEN 'MATCHED' THEN "paymentId" IS NOT NULL AND "orderId" IS NOT NULL AND "resolvedById" IS NULL
      WHEN 'ASSIGNED' THEN "paymentId" IS NOT NULL AND "orderId" IS NOT NULL AND "resolvedById" IS NOT NULL AND "resolvedAt" IS NOT NULL
      WHEN 'UNMATCHED' THEN "paymentId" IS NULL AND "reason" IS NOT NULL AND "resolvedById" IS NULL
      WHEN 'NOT_OURS' THEN "paymentId" IS NULL AND "resolvedById" IS NOT NULL AND "resolvedAt" IS NOT NULL
      WHEN 'OUTGOING' THEN "paymentId" IS NULL
      WHEN 'RECEIVED' THEN "paymentId" IS NULL AND "resolvedById" IS NULL
    END
  );

ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_bank_check" CHECK (
    ("bankBin" = '' OR "bankBin" ~ '^[0-9]{6}$') AND ("bankAccount" = '' OR "bankAccount" ~ '^[A-Za-z0-9]{1,19}$')
  ),
  ADD CONSTRAINT "BusinessSettings_depositPercent_check" CHECK ("depositPercent" BETWEEN 1 AND 100);

-- The system actor that records payments the bank confirmed (src/server/billing/bank-actor.ts): a staff row so a
-- payment's "received by" and the timeline name it, that can never sign in (inactive, no password hash argon2 could
-- verify) and can never be made active.
INSERT INTO "User" ("id", "name", "email", "passwordHash", "homeRole", "active", "updatedAt")
VALUES ('00000000-0000-4000-8000-0000000ba4c0', 'VietQR', 'bank-transfer@system.invalid', '!', 'BACK_OFFICE', false, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
ALTER TABLE "User" ADD CONSTRAINT "User_system_inactive_check" CHECK ("id" <> '00000000-0000-4000-8000-0000000ba4c0' OR NOT "active");
