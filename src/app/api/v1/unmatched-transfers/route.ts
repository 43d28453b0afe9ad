import { listUnmatchedTransfersSchema } from '@/lib/schemas/billing'
import { apiRoute } from '@/server/api/handler'
import { listUnmatchedTransfers, listUnmatchedTransfersUseCase } from '@/server/transfers/list-unmatched-transfers'

export const GET = apiRoute(
  { tasks: listUnmatchedTransfersUseCase.tasks, query: listUnmatchedTransfersSchema },
  async ({ actor, query }) => ({
    data: await listUnmatchedTransfers(actor, query),
  }),
)
