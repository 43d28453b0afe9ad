-- Customer messages (issue 18): consent and preferences on the customer, the messages decided, the settings.
-- Existing customers have no consent recorded, so nobody is messaged until someone records it.
-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'ZALO', 'SMS');

-- CreateEnum
CREATE TYPE "MessageEvent" AS ENUM ('ORDER_RECEIVED', 'ORDER_READY', 'INVOICE_ISSUED', 'NOT_COLLECTED', 'PAYMENT_RECEIVED');

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "consentChangedAt" TIMESTAMP(3),
ADD COLUMN     "consentChangedById" UUID,
ADD COLUMN     "language" VARCHAR(5) NOT NULL DEFAULT 'vi',
ADD COLUMN     "messageConsent" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "preferredChannel" "MessageChannel";
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_language_check" CHECK ("language" IN ('vi', 'en'));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_consentChangedById_fkey" FOREIGN KEY ("consentChangedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "CustomerMessage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" VARCHAR(200) NOT NULL,
    "event" "MessageEvent" NOT NULL,
    "orderId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "channel" "MessageChannel",
    "recipient" VARCHAR(254),
    "language" VARCHAR(5) NOT NULL,
    "skipReason" VARCHAR(40),
    "outboxEntryId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerMessage_pkey" PRIMARY KEY ("id"),
    -- Either skipped (with its reason) or handed to the outbox, never both, never neither.
    CONSTRAINT "CustomerMessage_skip_or_outbox_check" CHECK (("skipReason" IS NULL) <> ("outboxEntryId" IS NULL)),
    CONSTRAINT "CustomerMessage_language_check" CHECK ("language" IN ('vi', 'en'))
);

-- CreateTable
CREATE TABLE "MessageSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabledEvents" "MessageEvent"[] NOT NULL DEFAULT ARRAY['ORDER_RECEIVED', 'ORDER_READY', 'INVOICE_ISSUED', 'NOT_COLLECTED', 'PAYMENT_RECEIVED']::"MessageEvent"[],
    "reminderDays" INTEGER NOT NULL DEFAULT 3,
    "smtpHost" VARCHAR(200) NOT NULL DEFAULT '',
    "smtpPort" INTEGER NOT NULL DEFAULT 587,
    "smtpSecurity" VARCHAR(10) NOT NULL DEFAULT 'starttls',
    "smtpUser" VARCHAR(200) NOT NULL DEFAULT '',
    "smtpPasswordSealed" VARCHAR(1000),
    "smtpFrom" VARCHAR(254) NOT NULL DEFAULT '',
    "zaloAccessTokenSealed" VARCHAR(2000),
    "zaloTemplates" JSONB NOT NULL DEFAULT '{}',
    "smsUrl" VARCHAR(500) NOT NULL DEFAULT '',
    "smsBodyTemplate" VARCHAR(2000) NOT NULL DEFAULT '{"to":"{{to}}","text":"{{text}}"}',
    "smsAuthSealed" VARCHAR(1000),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageSettings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MessageSettings_single_row_check" CHECK ("id" = 1),
    CONSTRAINT "MessageSettings_reminder_check" CHECK ("reminderDays" BETWEEN 1 AND 60),
    CONSTRAINT "MessageSettings_port_check" CHECK ("smtpPort" BETWEEN 1 AND 65535),
    CONSTRAINT "MessageSettings_security_check" CHECK ("smtpSecurity" IN ('none', 'starttls', 'tls'))
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomerMessage_key_key" ON "CustomerMessage"("key");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerMessage_outboxEntryId_key" ON "CustomerMessage"("outboxEntryId");

-- CreateIndex
CREATE INDEX "CustomerMessage_createdAt_idx" ON "CustomerMessage"("createdAt");

-- CreateIndex
CREATE INDEX "CustomerMessage_orderId_createdAt_idx" ON "CustomerMessage"("orderId", "createdAt");

-- AddForeignKey
ALTER TABLE "CustomerMessage" ADD CONSTRAINT "CustomerMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerMessage" ADD CONSTRAINT "CustomerMessage_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "CustomerMessage" ADD CONSTRAINT "CustomerMessage_outboxEntryId_fkey" FOREIGN KEY ("outboxEntryId") REFERENCES "OutboxEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The one settings row, with every event on and no provider configured (nothing can be sent until one is).
INSERT INTO "MessageSettings" ("id") VALUES (1) ON CONFLICT DO NOTHING;
