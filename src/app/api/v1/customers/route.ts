import { createCustomerBody, listCustomersQuery } from '@/lib/schemas/api'
import { apiError, apiRoute } from '@/server/api/handler'
import { createCustomer, createCustomerUseCase } from '@/server/customers/create-customer'
import { listCustomers, listCustomersUseCase } from '@/server/customers/list-customers'

export const GET = apiRoute({ tasks: listCustomersUseCase.tasks, query: listCustomersQuery }, ({ actor, query }) =>
  listCustomers(actor, query),
)

export const POST = apiRoute({ tasks: createCustomerUseCase.tasks, body: createCustomerBody }, async ({ actor, body }) => {
  const result = await createCustomer(actor, body)
  if (result.status === 'duplicates') {
    // Most likely the same person: say which records, so the integration can use one (or send ignoreDuplicates).
    return apiError(
      'CONFLICT',
      'A customer with this phone or email already exists. Use it, or send "ignoreDuplicates": true to create another.',
      {
        details: { duplicates: result.candidates.map(({ id, name, phone, email }) => ({ id, name, phone, email })) },
      },
    )
  }
  const { id, name, phone, email, invoiceDetails } = result.customer
  return Response.json({ id, name, phone, email, invoiceDetails }, { status: 201 })
})
