import { idParam, recordFulfillmentBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { recordFulfillment, recordFulfillmentUseCase } from '@/server/fulfillment/record-fulfillment'

export const POST = apiRoute(
  { tasks: recordFulfillmentUseCase.tasks, params: idParam, idempotencyKey: 'optional', body: recordFulfillmentBody },
  ({ actor, params, body }) => recordFulfillment(actor, { ...body, orderId: params.id }),
)
