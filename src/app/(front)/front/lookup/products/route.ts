import { productSearchSchema } from '@/lib/schemas/order'
import { sessionRoute } from '@/server/api/session-route'
import { searchProducts, searchProductsUseCase } from '@/server/catalog/search-products'
import { LOOKUP_HEADERS } from '../headers'

export const GET = sessionRoute(
  { tasks: searchProductsUseCase.tasks, query: productSearchSchema, input: (p) => ({ q: p.get('q') ?? '' }), headers: LOOKUP_HEADERS },
  ({ actor, query }) => searchProducts(actor, query),
)
