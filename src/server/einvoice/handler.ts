import 'server-only'
import { z } from 'zod'
import { registerOutboxHandler } from '../outbox/registry'
import { EINVOICE_KIND, issueEInvoice } from './issue-einvoice'

// The outbox kind that issues e-invoices after commit (docs/decisions/023); listed in src/server/outbox/handlers.ts.
registerOutboxHandler(EINVOICE_KIND, {
  parse: (payload) => z.strictObject({ einvoiceId: z.uuid() }).parse(payload),
  run: async (work) => {
    const issued = await issueEInvoice(work.payload.einvoiceId)
    return { providerNumber: issued.providerNumber, lookupCode: issued.lookupCode }
  },
})
