import { idParam, issueInvoiceBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { issueInvoice, issueInvoiceUseCase } from '@/server/billing/issue-invoice'

export const POST = apiRoute(
  {
    tasks: issueInvoiceUseCase.tasks,
    params: idParam,
    idempotencyKey: 'optional',
    body: issueInvoiceBody,
    bodyOptional: true,
    status: 201,
  },
  ({ actor, params, body }) => issueInvoice(actor, { ...body, orderId: params.id }),
)
