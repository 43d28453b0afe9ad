import { idParam } from '@/lib/schemas/api'
import { apiError, apiRoute } from '@/server/api/handler'
import { getOrder } from '@/server/orders/get-order'

export const GET = apiRoute({}, async ({ actor, params }) => {
  const parsed = idParam.safeParse(params)
  if (!parsed.success) return apiError('NOT_FOUND', 'No such order.')
  return getOrder(actor, parsed.data.id)
})
