import { customerSearchSchema } from '@/lib/schemas/customer'
import { sessionRoute } from '@/server/api/session-route'
import { searchCustomers, searchCustomersUseCase } from '@/server/customers/search-customers'
import { LOOKUP_HEADERS } from '../headers'

export const GET = sessionRoute(
  { tasks: searchCustomersUseCase.tasks, query: customerSearchSchema, input: (p) => ({ q: p.get('q') ?? '' }), headers: LOOKUP_HEADERS },
  ({ actor, query }) => searchCustomers(actor, query),
)
