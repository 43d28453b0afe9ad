import { createOrderBody, listOrdersQuery } from '@/lib/schemas/api'
import { apiRoute, storedResponse } from '@/server/api/handler'
import { derivedKey, idempotent } from '@/server/api/idempotency'
import { createOrder } from '@/server/orders/create-order'
import { ORDER_READERS } from '@/server/orders/get-order'
import { getOrderSummary } from '@/server/orders/get-order-summary'
import { listOrders } from '@/server/orders/list-orders'

export const GET = apiRoute({ tasks: ORDER_READERS, query: listOrdersQuery }, ({ actor, query }) => listOrders(actor, query))

// Idempotency-Key is required: an order is money and work, and a client that cannot safely retry will, sooner or
// later, create it twice. The key binds to the body (src/server/api/idempotency.ts); createOrder gets a key derived
// from it, which makes concurrent duplicates one order.
export const POST = apiRoute({ tasks: ['TAKE_ORDER'], idempotencyKey: 'required', body: createOrderBody }, async ({ actor, body, idempotencyKey }) => {
  const stored = await idempotent({ userId: actor.id, key: idempotencyKey, route: 'POST /api/v1/orders', body }, async () => {
    const created = await createOrder(actor, { ...body, idempotencyKey: derivedKey(actor.id, idempotencyKey) })
    return { status: 201, body: await getOrderSummary(actor, created.id) }
  })
  const id = (JSON.parse(stored.json) as { id: string }).id
  return storedResponse(stored, { Location: `/api/v1/orders/${id}` })
})
