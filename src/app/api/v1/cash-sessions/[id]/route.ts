import { idParam } from '@/lib/schemas/api'
import { apiRoute } from '@/server/api/handler'
import { getCashSession, getCashSessionUseCase } from '@/server/cash/get-cash-session'

export const GET = apiRoute({ tasks: getCashSessionUseCase.tasks, params: idParam }, ({ actor, params }) =>
  getCashSession(actor, params.id),
)
