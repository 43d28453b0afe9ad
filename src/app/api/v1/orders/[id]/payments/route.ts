import { idParam, recordPaymentBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { recordPayment, recordPaymentUseCase } from '@/server/billing/record-payment'

// With an Idempotency-Key, a retry after a lost response answers the first payment instead of taking a second.
export const POST = apiRoute(
  { tasks: recordPaymentUseCase.tasks, params: idParam, idempotencyKey: 'optional', body: recordPaymentBody, status: 201 },
  ({ actor, params, body }) => recordPayment(actor, { ...body, orderId: params.id }),
)
