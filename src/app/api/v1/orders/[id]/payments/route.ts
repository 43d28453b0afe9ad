import { idParam, recordPaymentBody } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { recordPayment } from '@/server/billing/record-payment'

export const POST = apiRoute({ tasks: ['HANDLE_PICKUP', 'RECORD_PAYMENT'], params: idParam, body: recordPaymentBody, status: 201 }, ({ actor, params, body }) =>
  recordPayment(actor, { ...body, orderId: params.id }),
)
