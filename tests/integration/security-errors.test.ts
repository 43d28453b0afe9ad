// Errors never leak (#7): an unexpected failure inside a use case — here a real PostgreSQL error raised through Prisma,
// with SQL text, a Prisma code and a stack — reaches the person as a reference id only, in a form, in the API and in
// the CSV download; the server log has the full error under the same reference.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { GET as exportRoute } from '@/app/api/back/export/route'
import { GET as listOrdersRoute } from '@/app/api/v1/orders/route'
import { createCustomerAction } from '@/actions/counter'
import { createCustomer } from '@/server/customers/create-customer'
import { db } from '@/server/db'
import { listOrders } from '@/server/orders/list-orders'
import { exportBillingCsv } from '@/server/receivables/export-billing-csv'
import { call, tokenFor } from '../support/api'
import { makeStaff } from '../support/factories'
import { session } from './security-support'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())
// The real use cases, each wrapped so a test can make one call fail.
vi.mock('@/server/customers/create-customer', async (orig) => {
  const real = (await orig()) as typeof import('@/server/customers/create-customer')
  // The server action runs the use case through its declaration: the same wrapped function there.
  const createCustomer = vi.fn(real.createCustomer)
  return { ...real, createCustomer, createCustomerUseCase: { ...real.createCustomerUseCase, run: createCustomer } }
})
vi.mock('@/server/orders/list-orders', async (orig) => {
  const real = (await orig()) as typeof import('@/server/orders/list-orders')
  return { ...real, listOrders: vi.fn(real.listOrders) }
})
vi.mock('@/server/receivables/export-billing-csv', async (orig) => {
  const real = (await orig()) as typeof import('@/server/receivables/export-billing-csv')
  return { ...real, exportBillingCsv: vi.fn(real.exportBillingCsv) }
})

/** A genuine database failure, as Prisma reports it: SQL text in the message, code P2010, a stack. */
async function databaseFailure(): Promise<never> {
  await db().$queryRawUnsafe(`SELECT "passwordHash" FROM "NoSuchTable" WHERE email = 'manager@example.com' -- secret-marker`)
  throw new Error('the query above should have failed')
}

const LEAKS = /SELECT|NoSuchTable|passwordHash|secret-marker|P2010|P20\d\d|prisma|\.ts:\d+|at async|relation "/i

let logged: unknown[][]
beforeEach(() => {
  logged = []
  // The suite fails a test on any console.error; here the log line is the point, so collect it instead.
  vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args))
})

function loggedWith(ref: string) {
  return logged.find((args) => String(args[0]).includes(`ref ${ref}`))
}

describe('unexpected errors', () => {
  it('a form gets a reference id and a plain sentence; the log gets the SQL error under that id', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    session.current = { user: { id: person.id, sv: 1 } }
    vi.mocked(createCustomer).mockImplementationOnce(databaseFailure)
    const result = (await createCustomerAction({ name: 'Khách lỗi' })) as { ok: false; code: string; ref: string; formError: string }
    expect(result).toMatchObject({ ok: false, code: 'INTERNAL', fieldErrors: {} })
    expect(result.ref).toMatch(/^[0-9a-f]{8}$/)
    expect(result.formError).toBe(`Something went wrong on our side. Reference: ${result.ref}`)
    expect(JSON.stringify(result)).not.toMatch(LEAKS)
    const line = loggedWith(result.ref)
    expect(line, 'logged under the same reference').toBeDefined()
    expect(String(line![0])).toContain('createCustomer failed')
    expect(String((line![1] as Error).message)).toMatch(/NoSuchTable/)
  })

  it('the API answers 500 with a reference id and nothing else', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    const token = await tokenFor(person.id)
    vi.mocked(listOrders).mockImplementationOnce(databaseFailure)
    const res = await call(listOrdersRoute, { token })
    expect(res.status).toBe(500)
    const body = res.json as { error: { code: string; message: string; ref: string } }
    expect(Object.keys(body)).toEqual(['error'])
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'ref'])
    expect(body.error).toMatchObject({ code: 'INTERNAL', message: `Something went wrong on our side. Reference: ${body.error.ref}` })
    expect(JSON.stringify(body)).not.toMatch(LEAKS)
    expect(loggedWith(body.error.ref)).toBeDefined()
  })

  it('the CSV download answers 500 with the reference in words, not the error', async () => {
    const person = await makeStaff({ homeRole: 'BACK_OFFICE' })
    session.current = { user: { id: person.id, sv: 1 } }
    vi.mocked(exportBillingCsv).mockImplementationOnce(databaseFailure)
    const response = await exportRoute(new Request('http://localhost/api/back/export?kind=invoices&from=2026-01-01&to=2026-01-31'))
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toMatch(LEAKS)
    const ref = /Reference: ([0-9a-f]{8})/.exec(text)?.[1]
    expect(ref).toBeDefined()
    expect(loggedWith(ref!)).toBeDefined()
  })

  it('plain programming errors (a TypeError with a stack) are hidden the same way', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    session.current = { user: { id: person.id, sv: 1 } }
    vi.mocked(createCustomer).mockImplementationOnce(async () => {
      const nothing = null as unknown as { name: string }
      return nothing.name as never
    })
    const result = (await createCustomerAction({ name: 'Khách lỗi' })) as { code: string; ref: string }
    expect(result.code).toBe('INTERNAL')
    expect(JSON.stringify(result)).not.toMatch(/TypeError|Cannot read|null/)
    expect(loggedWith(result.ref)).toBeDefined()
  })

  it('known database refusals keep their meaning without their text: a unique violation is a conflict', async () => {
    const person = await makeStaff({ homeRole: 'RECEPTIONIST' })
    session.current = { user: { id: person.id, sv: 1 } }
    vi.mocked(createCustomer).mockImplementationOnce(async () => {
      // Inserting the same person twice under one primary key: PostgreSQL's unique violation, as Prisma reports it.
      const user = await db().user.findUniqueOrThrow({ where: { id: person.id } })
      return (await db().user.create({ data: { ...user, skills: undefined } as never })) as never
    })
    const result = (await createCustomerAction({ name: 'Khách trùng' })) as { ok: false; code: string; formError: string }
    expect(result).toMatchObject({ ok: false, code: 'CONFLICT', formError: 'This already exists.' })
    expect(JSON.stringify(result)).not.toMatch(/P2002|Unique constraint|passwordHash|User_pkey/i)
    expect(logged).toEqual([])
  })
})
