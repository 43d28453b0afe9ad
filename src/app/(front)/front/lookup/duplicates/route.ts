import { duplicateCheckSchema } from '@/lib/schemas/customer'
import { sessionRoute } from '@/server/api/session-route'
import { findDuplicateCustomers, findDuplicateCustomersUseCase } from '@/server/customers/find-duplicate-customers'
import { LOOKUP_HEADERS } from '../headers'

export const GET = sessionRoute(
  {
    tasks: findDuplicateCustomersUseCase.tasks,
    query: duplicateCheckSchema,
    input: (p) => ({ phone: p.get('phone') ?? undefined, email: p.get('email') ?? undefined }),
    headers: LOOKUP_HEADERS,
  },
  ({ actor, query }) => findDuplicateCustomers(actor, query),
)
