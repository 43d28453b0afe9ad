import type { NextRequest } from 'next/server'
import { productSearchSchema } from '@/lib/schemas/order'
import { searchProducts } from '@/server/catalog/search-products'
import { lookup } from '../respond'

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? ''
  return lookup('searchProducts', productSearchSchema, { q }, searchProducts)
}
