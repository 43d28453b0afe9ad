import type { NextRequest } from 'next/server'
import { duplicateCheckSchema } from '@/lib/schemas/customer'
import { findDuplicateCustomers } from '@/server/customers/find-duplicate-customers'
import { lookup } from '../respond'

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams
  return lookup('findDuplicateCustomers', duplicateCheckSchema, { phone: params.get('phone') ?? undefined, email: params.get('email') ?? undefined }, findDuplicateCustomers)
}
