CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "HomeRole" AS ENUM ('RECEPTIONIST', 'BACK_OFFICE', 'MANAGER');

-- CreateEnum
CREATE TYPE "Task" AS ENUM ('TAKE_ORDER', 'HANDLE_PICKUP', 'CUSTOMER_SERVICE', 'FULFILL', 'INVOICE', 'RECORD_PAYMENT', 'MANAGE_TEAM', 'MANAGE_CATALOG');

-- CreateEnum
CREATE TYPE "AbsenceKind" AS ENUM ('LUNCH', 'SICK', 'LEAVE', 'OTHER');

-- CreateEnum
CREATE TYPE "DeliveryMode" AS ENUM ('PICKUP', 'DELIVERY');

-- CreateEnum
CREATE TYPE "Handover" AS ENUM ('WAITING', 'COLLECTED', 'DELIVERED');

-- CreateEnum
CREATE TYPE "FulfillmentStatus" AS ENUM ('NOT_STARTED', 'PARTLY_FULFILLED', 'FULFILLED');

-- CreateEnum
CREATE TYPE "BillingStatus" AS ENUM ('UNBILLED', 'PARTLY_BILLED', 'BILLED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('UNPAID', 'PARTLY_PAID', 'PAID', 'REFUNDED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'TRANSFER');

-- CreateEnum
CREATE TYPE "PaymentKind" AS ENUM ('DEPOSIT', 'PAYMENT', 'REFUND');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "homeRole" "HomeRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "locale" VARCHAR(5),
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Skill" (
    "userId" UUID NOT NULL,
    "task" "Task" NOT NULL,
    "level" INTEGER NOT NULL,
    "certifiedById" UUID,
    "certifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("userId","task")
);

-- CreateTable
CREATE TABLE "SkillChange" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "task" "Task" NOT NULL,
    "fromLevel" INTEGER NOT NULL,
    "toLevel" INTEGER NOT NULL,
    "changedById" UUID,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" VARCHAR(500),

    CONSTRAINT "SkillChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "AbsenceKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "note" VARCHAR(500),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingGoal" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "task" "Task" NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "note" VARCHAR(500),
    "dueOn" DATE,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "achievedAt" TIMESTAMP(3),

    CONSTRAINT "TrainingGoal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "phone" VARCHAR(20),
    "email" VARCHAR(254),
    "notes" VARCHAR(2000),
    "searchText" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL,
    "sku" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "taxRateBp" INTEGER NOT NULL,
    "unit" VARCHAR(20) NOT NULL DEFAULT 'pcs',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customerId" UUID NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "mode" "DeliveryMode" NOT NULL DEFAULT 'PICKUP',
    "deliveryAddress" VARCHAR(500),
    "notes" VARCHAR(2000),
    "fulfillment" "FulfillmentStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "billing" "BillingStatus" NOT NULL DEFAULT 'UNBILLED',
    "payment" "PaymentStatus" NOT NULL DEFAULT 'UNPAID',
    "handover" "Handover" NOT NULL DEFAULT 'WAITING',
    "handedOverAt" TIMESTAMP(3),
    "handedOverById" UUID,
    "heldAt" TIMESTAMP(3),
    "holdReason" VARCHAR(500),
    "heldById" UUID,
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" VARCHAR(500),
    "cancelledById" UUID,
    "readyAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "takenById" UUID NOT NULL,
    "takenCovering" BOOLEAN NOT NULL DEFAULT false,
    "assigneeId" UUID,
    "idempotencyKey" VARCHAR(100) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "trackingToken" VARCHAR(64) NOT NULL,
    "subtotal" INTEGER NOT NULL DEFAULT 0,
    "taxTotal" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" UUID,
    "sku" VARCHAR(40),
    "description" VARCHAR(300) NOT NULL,
    "note" VARCHAR(500),
    "quantity" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "taxRateBp" INTEGER NOT NULL,
    "qtyFulfilled" INTEGER NOT NULL DEFAULT 0,
    "qtyInvoiced" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FulfillmentEvent" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "orderLineId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "byId" UUID NOT NULL,
    "crossRole" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FulfillmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCounter" (
    "kind" "DocumentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentCounter_pkey" PRIMARY KEY ("kind","year")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "orderId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "subtotal" INTEGER NOT NULL,
    "taxTotal" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "issuedById" UUID NOT NULL,
    "crossRole" BOOLEAN NOT NULL DEFAULT false,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "orderLineId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" VARCHAR(300) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "taxRateBp" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "gross" INTEGER NOT NULL,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "invoiceId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "reinvoice" BOOLEAN NOT NULL DEFAULT false,
    "subtotal" INTEGER NOT NULL,
    "taxTotal" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedById" UUID NOT NULL,
    "crossRole" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNoteLine" (
    "id" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "invoiceLineId" UUID NOT NULL,
    "orderLineId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "tax" INTEGER NOT NULL,
    "gross" INTEGER NOT NULL,

    CONSTRAINT "CreditNoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "invoiceId" UUID,
    "creditNoteId" UUID,
    "kind" "PaymentKind" NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount" INTEGER NOT NULL,
    "tendered" INTEGER,
    "reference" VARCHAR(100),
    "receivedById" UUID NOT NULL,
    "crossRole" BOOLEAN NOT NULL DEFAULT false,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentAllocation" (
    "id" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BusinessSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" VARCHAR(120) NOT NULL,
    "address" VARCHAR(500) NOT NULL DEFAULT '',
    "phone" VARCHAR(40) NOT NULL DEFAULT '',
    "taxId" VARCHAR(40) NOT NULL DEFAULT '',
    "currency" CHAR(3) NOT NULL DEFAULT 'VND',
    "defaultTaxRateBp" INTEGER NOT NULL DEFAULT 1000,
    "orderPrefix" VARCHAR(10) NOT NULL DEFAULT 'DH',
    "invoicePrefix" VARCHAR(10) NOT NULL DEFAULT 'HD',
    "creditNotePrefix" VARCHAR(10) NOT NULL DEFAULT 'GG',
    "timeZone" VARCHAR(64) NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "openingHours" JSONB NOT NULL,
    "defaultLeadDays" INTEGER NOT NULL DEFAULT 1,
    "defaultDueTime" VARCHAR(5) NOT NULL DEFAULT '17:00',
    "paymentTermsDays" INTEGER NOT NULL DEFAULT 14,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BusinessSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" VARCHAR(60) NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "entityId" VARCHAR(64),
    "orderId" UUID,
    "task" "Task",
    "crossRole" BOOLEAN NOT NULL DEFAULT false,
    "before" JSONB,
    "after" JSONB,
    "data" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "key" VARCHAR(100) NOT NULL,
    "userId" UUID NOT NULL,
    "route" VARCHAR(100) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_homeRole_active_idx" ON "User"("homeRole", "active");

-- CreateIndex
CREATE INDEX "Skill_task_level_idx" ON "Skill"("task", "level");

-- CreateIndex
CREATE INDEX "SkillChange_userId_changedAt_idx" ON "SkillChange"("userId", "changedAt");

-- CreateIndex
CREATE INDEX "Absence_userId_startsAt_endsAt_idx" ON "Absence"("userId", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "Absence_startsAt_endsAt_idx" ON "Absence"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "TrainingGoal_userId_task_idx" ON "TrainingGoal"("userId", "task");

-- CreateIndex
CREATE INDEX "Customer_phone_idx" ON "Customer"("phone");

-- CreateIndex
CREATE INDEX "Customer_email_idx" ON "Customer"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Product_sku_key" ON "Product"("sku");

-- CreateIndex
CREATE INDEX "Product_active_name_idx" ON "Product"("active", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Order_number_key" ON "Order"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_idempotencyKey_key" ON "Order"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Order_trackingToken_key" ON "Order"("trackingToken");

-- CreateIndex
CREATE INDEX "Order_customerId_createdAt_idx" ON "Order"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Order_dueAt_id_idx" ON "Order"("dueAt", "id");

-- CreateIndex
CREATE INDEX "Order_createdAt_idx" ON "Order"("createdAt");

-- CreateIndex
CREATE INDEX "Order_assigneeId_idx" ON "Order"("assigneeId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_position_key" ON "OrderLine"("orderId", "position");

-- CreateIndex
CREATE INDEX "FulfillmentEvent_orderId_at_idx" ON "FulfillmentEvent"("orderId", "at");

-- CreateIndex
CREATE INDEX "FulfillmentEvent_byId_at_idx" ON "FulfillmentEvent"("byId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_orderId_idx" ON "Invoice"("orderId");

-- CreateIndex
CREATE INDEX "Invoice_customerId_issuedAt_idx" ON "Invoice"("customerId", "issuedAt");

-- CreateIndex
CREATE INDEX "Invoice_issuedAt_idx" ON "Invoice"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_year_seq_key" ON "Invoice"("year", "seq");

-- CreateIndex
CREATE INDEX "InvoiceLine_orderLineId_idx" ON "InvoiceLine"("orderLineId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_invoiceId_position_key" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_number_key" ON "CreditNote"("number");

-- CreateIndex
CREATE INDEX "CreditNote_invoiceId_idx" ON "CreditNote"("invoiceId");

-- CreateIndex
CREATE INDEX "CreditNote_orderId_idx" ON "CreditNote"("orderId");

-- CreateIndex
CREATE INDEX "CreditNote_issuedAt_idx" ON "CreditNote"("issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_year_seq_key" ON "CreditNote"("year", "seq");

-- CreateIndex
CREATE INDEX "CreditNoteLine_invoiceLineId_idx" ON "CreditNoteLine"("invoiceLineId");

-- CreateIndex
CREATE INDEX "Payment_orderId_idx" ON "Payment"("orderId");

-- CreateIndex
CREATE INDEX "Payment_customerId_receivedAt_idx" ON "Payment"("customerId", "receivedAt");

-- CreateIndex
CREATE INDEX "Payment_receivedAt_idx" ON "Payment"("receivedAt");

-- CreateIndex
CREATE INDEX "Payment_invoiceId_idx" ON "Payment"("invoiceId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_invoiceId_idx" ON "PaymentAllocation"("invoiceId");

-- CreateIndex
CREATE INDEX "PaymentAllocation_paymentId_idx" ON "PaymentAllocation"("paymentId");

-- CreateIndex
CREATE INDEX "AuditEvent_orderId_at_idx" ON "AuditEvent"("orderId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_task_at_idx" ON "AuditEvent"("actorId", "task", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_userId_idx" ON "ApiToken"("userId");

-- AddForeignKey
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_certifiedById_fkey" FOREIGN KEY ("certifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillChange" ADD CONSTRAINT "SkillChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillChange" ADD CONSTRAINT "SkillChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingGoal" ADD CONSTRAINT "TrainingGoal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingGoal" ADD CONSTRAINT "TrainingGoal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_heldById_fkey" FOREIGN KEY ("heldById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_cancelledById_fkey" FOREIGN KEY ("cancelledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_handedOverById_fkey" FOREIGN KEY ("handedOverById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfillmentEvent" ADD CONSTRAINT "FulfillmentEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfillmentEvent" ADD CONSTRAINT "FulfillmentEvent_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FulfillmentEvent" ADD CONSTRAINT "FulfillmentEvent_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_invoiceLineId_fkey" FOREIGN KEY ("invoiceLineId") REFERENCES "InvoiceLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_orderLineId_fkey" FOREIGN KEY ("orderLineId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_creditNoteId_fkey" FOREIGN KEY ("creditNoteId") REFERENCES "CreditNote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_receivedById_fkey" FOREIGN KEY ("receivedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Integrity that Prisma cannot express (docs/decisions/003-integrity-in-the-database.md)
-- ---------------------------------------------------------------------------------------------------------------

ALTER TABLE "User" ADD CONSTRAINT "User_email_lower" CHECK (email = lower(email));
ALTER TABLE "User" ADD CONSTRAINT "User_locale_known" CHECK (locale IS NULL OR locale IN ('en', 'vi'));
ALTER TABLE "User" ADD CONSTRAINT "User_sessionVersion_positive" CHECK ("sessionVersion" >= 1);

ALTER TABLE "Skill" ADD CONSTRAINT "Skill_level_range" CHECK (level BETWEEN 0 AND 3);
ALTER TABLE "SkillChange" ADD CONSTRAINT "SkillChange_levels_range" CHECK ("fromLevel" BETWEEN 0 AND 3 AND "toLevel" BETWEEN 0 AND 3);
ALTER TABLE "TrainingGoal" ADD CONSTRAINT "TrainingGoal_level_range" CHECK ("targetLevel" BETWEEN 1 AND 3);
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_period" CHECK ("endsAt" > "startsAt");

ALTER TABLE "Customer" ADD CONSTRAINT "Customer_email_lower" CHECK (email IS NULL OR email = lower(email));
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_name_present" CHECK (length(btrim(name)) > 0);
CREATE INDEX "Customer_searchText_trgm" ON "Customer" USING gin ("searchText" gin_trgm_ops);

ALTER TABLE "Product" ADD CONSTRAINT "Product_price_nonnegative" CHECK ("unitPrice" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_tax_range" CHECK ("taxRateBp" BETWEEN 0 AND 10000);
CREATE INDEX "Product_name_trgm" ON "Product" USING gin (lower(name) gin_trgm_ops);

ALTER TABLE "Order" ADD CONSTRAINT "Order_amounts_nonnegative" CHECK (subtotal >= 0 AND "taxTotal" >= 0 AND total = subtotal + "taxTotal");
ALTER TABLE "Order" ADD CONSTRAINT "Order_version_positive" CHECK (version >= 1);
ALTER TABLE "Order" ADD CONSTRAINT "Order_delivery_address" CHECK (mode = 'PICKUP' OR "deliveryAddress" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_cancel_reason" CHECK ("cancelledAt" IS NULL OR "cancelReason" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_hold_reason" CHECK ("heldAt" IS NULL OR "holdReason" IS NOT NULL);
ALTER TABLE "Order" ADD CONSTRAINT "Order_handover_time" CHECK ((handover = 'WAITING') = ("handedOverAt" IS NULL));
ALTER TABLE "Order" ADD CONSTRAINT "Order_tracking_token_long" CHECK (length("trackingToken") >= 32);
-- The live queues: open orders by due date (closed and cancelled ones drop out of the index).
CREATE INDEX "Order_open_due" ON "Order" ("dueAt", id) WHERE "closedAt" IS NULL AND "cancelledAt" IS NULL;
CREATE INDEX "Order_ready_waiting" ON "Order" ("readyAt", id) WHERE fulfillment = 'FULFILLED' AND handover = 'WAITING' AND "cancelledAt" IS NULL;

ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_quantity_positive" CHECK (quantity > 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_price_nonnegative" CHECK ("unitPrice" >= 0);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_tax_range" CHECK ("taxRateBp" BETWEEN 0 AND 10000);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_fulfilled_range" CHECK ("qtyFulfilled" >= 0 AND "qtyFulfilled" <= quantity);
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_invoiced_range" CHECK ("qtyInvoiced" >= 0 AND "qtyInvoiced" <= "qtyFulfilled");

ALTER TABLE "FulfillmentEvent" ADD CONSTRAINT "FulfillmentEvent_nonzero" CHECK (quantity <> 0);

ALTER TABLE "DocumentCounter" ADD CONSTRAINT "DocumentCounter_last_nonnegative" CHECK (last >= 0);

ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_seq_positive" CHECK (seq >= 1);
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_totals" CHECK (subtotal >= 0 AND "taxTotal" >= 0 AND total = subtotal + "taxTotal");
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_amounts" CHECK (quantity > 0 AND net >= 0 AND tax >= 0 AND gross = net + tax);
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_seq_positive" CHECK (seq >= 1);
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_totals" CHECK (subtotal >= 0 AND "taxTotal" >= 0 AND total = subtotal + "taxTotal");
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_amounts" CHECK (quantity > 0 AND net >= 0 AND tax >= 0 AND gross = net + tax);

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_sign" CHECK ((kind = 'REFUND' AND amount < 0) OR (kind <> 'REFUND' AND amount > 0));
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refund_has_credit_note" CHECK (kind <> 'REFUND' OR "creditNoteId" IS NOT NULL);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_tendered" CHECK (tendered IS NULL OR (method = 'CASH' AND tendered >= amount));
ALTER TABLE "PaymentAllocation" ADD CONSTRAINT "PaymentAllocation_amount_nonzero" CHECK (amount <> 0);

ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_single_row" CHECK (id = 1);
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_tax_range" CHECK ("defaultTaxRateBp" BETWEEN 0 AND 10000);
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_due_time" CHECK ("defaultDueTime" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

-- Append-only audit trail: the database itself refuses to rewrite history.
CREATE FUNCTION handoff_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% on "%" is not allowed: rows are append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION handoff_refuse_change();

-- Issued documents are never edited, only credited.
CREATE TRIGGER "Invoice_immutable" BEFORE UPDATE OR DELETE ON "Invoice"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "InvoiceLine_immutable" BEFORE UPDATE OR DELETE ON "InvoiceLine"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "CreditNote_immutable" BEFORE UPDATE OR DELETE ON "CreditNote"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "CreditNoteLine_immutable" BEFORE UPDATE OR DELETE ON "CreditNoteLine"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "Payment_immutable" BEFORE UPDATE OR DELETE ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();
CREATE TRIGGER "PaymentAllocation_immutable" BEFORE UPDATE OR DELETE ON "PaymentAllocation"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();

-- Live queue: every order change is announced on one channel (LISTEN handoff_orders), from any app instance.
CREATE FUNCTION handoff_notify_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('handoff_orders', json_build_object('id', NEW.id, 'version', NEW.version, 'op', TG_OP)::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Order_notify" AFTER INSERT OR UPDATE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION handoff_notify_order();
