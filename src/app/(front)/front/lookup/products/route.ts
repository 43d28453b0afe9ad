import { catalogRequestSchema, productSearchSchema } from '@/lib/schemas/order'
import { sessionRoute } from '@/server/api/session-route'
import { getActiveCatalog, getActiveCatalogUseCase } from '@/server/catalog/get-active-catalog'
import { searchProducts, searchProductsUseCase } from '@/server/catalog/search-products'
import { LOOKUP_HEADERS } from '../headers'

const search = sessionRoute(
  { tasks: searchProductsUseCase.tasks, query: productSearchSchema, input: (p) => ({ q: p.get('q') ?? '' }), headers: LOOKUP_HEADERS },
  ({ actor, query }) => searchProducts(actor, query),
)

const catalog = sessionRoute(
  {
    tasks: getActiveCatalogUseCase.tasks,
    query: catalogRequestSchema,
    input: (p) => (p.get('known') === null ? {} : { known: p.get('known') }),
    headers: LOOKUP_HEADERS,
  },
  ({ actor, query }) => getActiveCatalog(actor, query),
)

/** `?q=…`: the server's product search. Without `q`: the active catalog for the counter's own search (`?known=` version). */
export async function GET(request: Request): Promise<Response> {
  return new URL(request.url).searchParams.has('q') ? search(request) : catalog(request)
}
