import { idParam, recordFulfillmentBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'

export const POST = apiRoute({ tasks: ['FULFILL'], params: idParam, idempotencyKey: 'optional', body: recordFulfillmentBody }, ({ actor, params, body }) =>
  recordFulfillment(actor, { ...body, orderId: params.id }),
)
