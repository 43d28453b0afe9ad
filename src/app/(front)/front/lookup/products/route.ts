import type { NextRequest } from 'next/server'
import { catalogRequestSchema, productSearchSchema } from '@/lib/schemas/order'
import { getActiveCatalog } from '@/server/catalog/get-active-catalog'
import { searchProducts } from '@/server/catalog/search-products'
import { lookup } from '../respond'

/** `?q=…`: the server's product search. Without `q`: the active catalog for the counter's own search (`?known=` version). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams
  const q = params.get('q')
  if (q !== null) return lookup('searchProducts', productSearchSchema, { q }, searchProducts)
  const known = params.get('known')
  return lookup('getActiveCatalog', catalogRequestSchema, known === null ? {} : { known }, getActiveCatalog)
}
