import type { NextRequest } from 'next/server'
import { customerSearchSchema } from '@/lib/schemas/customer'
import { searchCustomers } from '@/server/customers/search-customers'
import { lookup } from '../respond'

export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q') ?? ''
  return lookup('searchCustomers', customerSearchSchema, { q }, searchCustomers)
}
