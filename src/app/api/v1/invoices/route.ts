import { listInvoicesQuery } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { listInvoices } from '@/server/billing/list-invoices'

export const GET = apiRoute({ tasks: ['INVOICE', 'RECORD_PAYMENT'], query: listInvoicesQuery }, ({ actor, query }) => listInvoices(actor, query))
