import 'server-only'
// Every kind of outbox entry, registered on import (src/server/outbox/registry.ts). The worker imports this file, so
// a new kind (e-invoices, webhooks) is one import here of a module that calls registerOutboxHandler().
import '../einvoice/handler'
