import { idParam } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { getOrder, getOrderUseCase } from '@/server/orders/get-order'

export const GET = apiRoute({ tasks: getOrderUseCase.tasks, params: idParam }, ({ actor, params }) => getOrder(actor, params.id))
