import 'server-only'
// Every kind of outbox entry and every sweep, registered on import (src/server/outbox/registry.ts, schedule.ts). The
// worker imports this file, so a new kind (e-invoices, webhooks) is one import here of a module that calls
// registerOutboxHandler().
import '../messages/handler'
import '../messages/reminders'
import '../einvoice/handler'
