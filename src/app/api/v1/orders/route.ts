import { createOrderBody, listOrdersQuery } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { createOrder, createOrderUseCase } from '@/server/orders/create-order'
import { listOrders, listOrdersUseCase } from '@/server/orders/list-orders'

export const GET = apiRoute({ tasks: listOrdersUseCase.tasks, query: listOrdersQuery }, ({ actor, query }) => listOrders(actor, query))

// Idempotency-Key is required: an order is money and work, and a client that cannot safely retry will, sooner or
// later, create it twice. createOrder is itself idempotent on the operation key derived from it (rerunnable), which
// makes concurrent duplicates, and a retry after a crash, one order.
export const POST = apiRoute(
  {
    tasks: createOrderUseCase.tasks,
    idempotencyKey: 'required',
    rerunnable: true,
    body: createOrderBody,
    status: 201,
    headers: (order: { id: string }) => ({ Location: `/api/v1/orders/${order.id}` }),
  },
  async ({ actor, body, operationKey }) => (await createOrder(actor, { ...body, idempotencyKey: operationKey })).summary,
)
