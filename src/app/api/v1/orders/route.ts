import { listOrdersQuery } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { listOrders } from '@/server/orders/list-orders'

export const GET = apiRoute({ query: listOrdersQuery }, ({ actor, query }) => listOrders(actor, query))
