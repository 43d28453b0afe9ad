import { listCashSessionsQuery } from '@/lib/schemas/cash'
import { apiRoute } from '@/server/api/handler'
import { listCashSessions, listCashSessionsUseCase } from '@/server/cash/list-cash-sessions'

export const GET = apiRoute({ tasks: listCashSessionsUseCase.tasks, query: listCashSessionsQuery }, ({ actor, query }) =>
  listCashSessions(actor, query),
)
