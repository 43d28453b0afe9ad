import { listInvoicesQuery } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { listInvoices, listInvoicesUseCase } from '@/server/billing/list-invoices'

export const GET = apiRoute({ tasks: listInvoicesUseCase.tasks, query: listInvoicesQuery }, ({ actor, query }) =>
  listInvoices(actor, query),
)
