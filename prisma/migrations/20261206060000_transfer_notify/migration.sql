-- The unmatched transfers list is live like the other lists: every new bank transfer and every change of its status
-- is announced on its own channel (LISTEN handoff_transfers, src/server/live/order-events.ts), from any app
-- instance. The payload is the row's id and status only; the screen refetches through its own authorized read.
CREATE FUNCTION handoff_notify_transfer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('handoff_transfers', json_build_object('id', NEW.id, 'status', NEW.status)::text);
  RETURN NULL;
END;
$$;
CREATE TRIGGER "BankTransfer_notify" AFTER INSERT OR UPDATE OF status ON "BankTransfer"
  FOR EACH ROW EXECUTE FUNCTION handoff_notify_transfer();
