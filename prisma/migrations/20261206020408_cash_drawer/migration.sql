-- CreateEnum
CREATE TYPE "CashMovementKind" AS ENUM ('IN', 'OUT');

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "cashSessionId" UUID;

-- AlterTable
ALTER TABLE "BusinessSettings" ADD COLUMN     "cashDifferenceThreshold" INTEGER NOT NULL DEFAULT 20000;

-- CreateTable
CREATE TABLE "CashDrawer" (
    "id" UUID NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashDrawer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashSession" (
    "id" UUID NOT NULL,
    "drawerId" UUID NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "float" INTEGER NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" UUID,
    "counts" JSONB,
    "counted" INTEGER,
    "expected" INTEGER,
    "difference" INTEGER,
    "note" VARCHAR(500),
    "totals" JSONB,

    CONSTRAINT "CashSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CashMovement" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "kind" "CashMovementKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "reason" VARCHAR(200) NOT NULL,
    "byId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CashMovement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CashDrawer_name_key" ON "CashDrawer"("name");

-- CreateIndex
CREATE INDEX "CashSession_drawerId_openedAt_idx" ON "CashSession"("drawerId", "openedAt");

-- CreateIndex
CREATE INDEX "CashSession_closedAt_idx" ON "CashSession"("closedAt");

-- CreateIndex
CREATE INDEX "CashSession_openedById_closedAt_idx" ON "CashSession"("openedById", "closedAt");

-- CreateIndex
CREATE INDEX "CashMovement_sessionId_at_idx" ON "CashMovement"("sessionId", "at");

-- CreateIndex
CREATE INDEX "Payment_cashSessionId_idx" ON "Payment"("cashSessionId");

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_cashSessionId_fkey" FOREIGN KEY ("cashSessionId") REFERENCES "CashSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashSession" ADD CONSTRAINT "CashSession_drawerId_fkey" FOREIGN KEY ("drawerId") REFERENCES "CashDrawer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashSession" ADD CONSTRAINT "CashSession_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashSession" ADD CONSTRAINT "CashSession_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CashSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Integrity of the cash drawer (docs/decisions/017-cash-drawer.md, 018-cash-drawer-concurrency.md).
ALTER TABLE "CashSession" ADD CONSTRAINT "CashSession_float_check" CHECK ("float" >= 0);
ALTER TABLE "CashSession" ADD CONSTRAINT "CashSession_closed_check" CHECK (
  ("closedAt" IS NULL AND "closedById" IS NULL AND "counts" IS NULL AND "counted" IS NULL AND "expected" IS NULL
    AND "difference" IS NULL AND "totals" IS NULL AND "note" IS NULL)
  OR ("closedAt" IS NOT NULL AND "closedAt" >= "openedAt" AND "counts" IS NOT NULL AND "counted" >= 0
    AND "expected" IS NOT NULL AND "difference" = "counted" - "expected" AND "totals" IS NOT NULL)
);
-- One open session per drawer: a second "open" of the same drawer fails on this index, whoever wins the race.
CREATE UNIQUE INDEX "CashSession_one_open_per_drawer" ON "CashSession"("drawerId") WHERE "closedAt" IS NULL;
ALTER TABLE "CashDrawer" ADD CONSTRAINT "CashDrawer_name_check" CHECK (length(btrim("name")) > 0);
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_amount_check" CHECK ("amount" > 0);
ALTER TABLE "CashMovement" ADD CONSTRAINT "CashMovement_reason_check" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "BusinessSettings" ADD CONSTRAINT "BusinessSettings_cashDifferenceThreshold_check" CHECK ("cashDifferenceThreshold" >= 0);
-- Only cash goes through a drawer.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_cash_session_check" CHECK ("cashSessionId" IS NULL OR "method" = 'CASH');

-- A session is never deleted; an open one may only be closed (its opening facts never change); a closed one (the Z
-- report) never changes at all.
CREATE FUNCTION handoff_cash_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'DELETE on "CashSession" is not allowed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD."closedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'cash session % is closed: its Z report cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW."drawerId" <> OLD."drawerId" OR NEW."openedById" <> OLD."openedById" OR NEW."openedAt" <> OLD."openedAt"
     OR NEW."float" <> OLD."float" THEN
    RAISE EXCEPTION 'the opening of cash session % cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "CashSession_guard" BEFORE UPDATE OR DELETE ON "CashSession"
  FOR EACH ROW EXECUTE FUNCTION handoff_cash_session_guard();
CREATE TRIGGER "CashSession_no_truncate" BEFORE TRUNCATE ON "CashSession"
  FOR EACH STATEMENT EXECUTE FUNCTION handoff_refuse_change();

CREATE TRIGGER "CashMovement_append_only" BEFORE UPDATE OR DELETE ON "CashMovement"
  FOR EACH ROW EXECUTE FUNCTION handoff_refuse_change();

-- Cash (a payment or a movement) only goes into an open session. The row lock (FOR SHARE) is held until the inserting
-- transaction ends, so closing (which updates the row) waits for it, and an insert that waited for a close sees the
-- session closed and fails: nothing ever lands in a closed session, whatever the timing.
CREATE FUNCTION handoff_require_open_cash_session(session_id uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF session_id IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "CashSession" WHERE id = session_id AND "closedAt" IS NULL FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'cash session % is closed', session_id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
END $$;
CREATE FUNCTION handoff_payment_cash_session_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM handoff_require_open_cash_session(NEW."cashSessionId");
  RETURN NEW;
END $$;
CREATE FUNCTION handoff_movement_cash_session_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM handoff_require_open_cash_session(NEW."sessionId");
  RETURN NEW;
END $$;
CREATE TRIGGER "Payment_cash_session_open" BEFORE INSERT ON "Payment"
  FOR EACH ROW EXECUTE FUNCTION handoff_payment_cash_session_open();
CREATE TRIGGER "CashMovement_session_open" BEFORE INSERT ON "CashMovement"
  FOR EACH ROW EXECUTE FUNCTION handoff_movement_cash_session_open();
