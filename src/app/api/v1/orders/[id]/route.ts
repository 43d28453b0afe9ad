import { idParam } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { getOrder, ORDER_READERS } from '@/server/orders/get-order'

export const GET = apiRoute({ tasks: ORDER_READERS, params: idParam }, ({ actor, params }) => getOrder(actor, params.id))
