// The API reads JSON as JSON (#20): walks the published OpenAPI document and, for every integer, number and boolean
// field of every request body (nested objects, arrays of objects and each variant of a union included), sends values
// of the wrong type — numerals in strings, hex, exponents, blanks, null, the other scalar type, arrays, objects. Each
// must be a 422 in the error contract and change no row. Coercion once read `"set": null` as 0 (recorded work wiped),
// `"amount": true` as 1, `"0x10"` as 16 and `"expectedVersion": true` as version 1.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import { openApiDocument } from '@/server/api/openapi'
import { call, makeProduct, tokenFor } from '../support/api'
import { makeCustomer, makeStaff } from '../support/factories'
import { ensureSettings, makeOrder, orderRow } from './back-support'
import { businessChecksum, changedTables } from './security-support'

type Json = Record<string, unknown>
type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  $ref?: string
}
type Handler = Parameters<typeof call>[0]

const WRONG: Record<'integer' | 'number' | 'boolean', unknown[]> = {
  integer: ['1', '1e3', '0x10', ' ', '', '4 ', null, true, false, [1], [], {}, 1.5],
  number: ['1', '1e3', '0x10', ' ', '', null, true, false, [1], [], {}],
  boolean: ['true', 'false', 1, 0, '', null, [true], {}],
}

/** Every integer/number/boolean field of a JSON schema, by path (array items as index 0). */
function typedFields(
  schema: Schema,
  at: string[] = [],
): Array<{ path: string[]; type: 'integer' | 'number' | 'boolean'; nullable: boolean }> {
  if (schema.$ref) throw new Error(`${at.join('.')}: $ref is not walked; inline the schema or teach this walker`)
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) return variants.flatMap((v) => typedFields(v, at))
  const types = ([] as string[]).concat(schema.type ?? [])
  const nullable = types.includes('null')
  const out: ReturnType<typeof typedFields> = []
  for (const type of ['integer', 'number', 'boolean'] as const) if (types.includes(type)) out.push({ path: at, type, nullable })
  for (const [key, child] of Object.entries(schema.properties ?? {})) out.push(...typedFields(child, [...at, key]))
  if (schema.items) out.push(...typedFields(schema.items, [...at, '0']))
  return out
}

function has(body: unknown, at: string[]): boolean {
  let node = body
  for (const key of at) {
    if (typeof node !== 'object' || node === null || !(key in node)) return false
    node = (node as Json)[key]
  }
  return true
}

function withValue(body: Json, at: string[], value: unknown): Json {
  const copy = structuredClone(body)
  let node: Json = copy
  for (const key of at.slice(0, -1)) node = node[key] as Json
  node[at[at.length - 1]!] = value
  return copy
}

const tomorrow = () => addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1)

interface Case {
  /** Well-formed bodies the route accepts (one per union variant); a wrong value goes into the first that has the field. */
  bodies: Json[]
  params?: Record<string, string>
  headers?: () => Record<string, string>
  /** What must still hold afterwards, beyond "no row changed" (readable proof of the worst cases). */
  unchanged?: () => Promise<void>
}

const cases: Record<string, () => Promise<Case>> = {
  'post /api/v1/orders': async () => {
    const customer = await makeCustomer({ name: 'Khách kiểu dữ liệu' })
    const product = await makeProduct({ unitPrice: 2_500 })
    return {
      bodies: [
        {
          customerId: customer.id,
          lines: [{ productId: product.id, quantity: 2, unitPrice: 2_500 }],
          dueDate: tomorrow(),
          dueTime: '17:00',
          mode: 'PICKUP',
          deposit: { amount: 1_000, method: 'CASH', tendered: 2_000 },
        },
      ],
      headers: () => ({ 'idempotency-key': randomUUID() }),
    }
  },
  'post /api/v1/orders/{id}/fulfillment': async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1_000, qtyFulfilled: 4 }] })
    const lineId = order.lines[0]!.id
    return {
      bodies: [
        { expectedVersion: order.version, lines: [{ lineId, set: 6 }] },
        { expectedVersion: order.version, lines: [{ lineId, add: 1 }] },
      ],
      params: { id: order.id },
      unchanged: async () => {
        const row = await orderRow(order.id)
        expect([row.version, row.lines[0]!.qtyFulfilled], 'recorded work is kept').toEqual([order.version, 4])
      },
    }
  },
  'post /api/v1/orders/{id}/invoices': async () => {
    const order = await makeOrder({ lines: [{ quantity: 3, unitPrice: 1_000, qtyFulfilled: 3 }] })
    return { bodies: [{ expectedVersion: order.version }], params: { id: order.id } }
  },
  'post /api/v1/orders/{id}/payments': async () => {
    const order = await makeOrder({ lines: [{ quantity: 10, unitPrice: 1_000 }] })
    return { bodies: [{ method: 'CASH', amount: 1_000, tendered: 2_000 }], params: { id: order.id } }
  },
  'post /api/v1/customers': async () => ({ bodies: [{ name: 'Khách mới kiểu', phone: '0909 777 131', ignoreDuplicates: true }] }),
}

async function handlerFor(openApiPath: string, method: string): Promise<Handler> {
  const file = path.resolve(import.meta.dirname, '../../src/app', `.${openApiPath.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`)
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, Handler>
  return mod[method.toUpperCase()]!
}

const document = openApiDocument() as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>
}
const operations = Object.entries(document.paths).flatMap(([p, methods]) =>
  Object.entries(methods).flatMap(([method, op]) =>
    op.requestBody ? [{ key: `${method} ${p}`, path: p, method, schema: op.requestBody.content['application/json']!.schema }] : [],
  ),
)

let manager: { id: string }
beforeAll(async () => {
  await ensureSettings()
  manager = await makeStaff({ homeRole: 'MANAGER' })
})

describe('JSON bodies are not coerced', () => {
  it('every operation with a JSON body has a case here, and the walk finds the fields it must', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(Object.keys(cases).sort())
    const found = operations.flatMap((o) => typedFields(o.schema).map((f) => `${o.key} ${f.path.join('.')}`))
    // The fields of the report, so a walker that stops looking cannot pass.
    for (const field of [
      'post /api/v1/orders/{id}/fulfillment lines.0.set',
      'post /api/v1/orders/{id}/fulfillment lines.0.add',
      'post /api/v1/orders/{id}/fulfillment expectedVersion',
      'post /api/v1/orders/{id}/payments amount',
      'post /api/v1/orders/{id}/payments tendered',
      'post /api/v1/orders/{id}/invoices expectedVersion',
      'post /api/v1/orders lines.0.quantity',
      'post /api/v1/orders deposit.amount',
      'post /api/v1/customers ignoreDuplicates',
    ]) {
      expect(found).toContain(field)
    }
  })

  it.each(operations.map((o) => [o.key, o] as const))(
    '%s: a wrong-typed number or boolean is 422 and changes nothing',
    async (_key, op) => {
      const setup = await cases[op.key]!()
      // A token per operation: each sends some fifty requests, within one token's burst.
      const token = await tokenFor(manager.id)
      const handler = await handlerFor(op.path, op.method)
      const send = (body: Json) =>
        call(handler, {
          method: op.method.toUpperCase(),
          path: op.path.replace('{id}', setup.params?.id ?? ''),
          token,
          body,
          params: setup.params,
          headers: setup.headers?.(),
        })
      const fields = typedFields(op.schema)
      expect(fields.length).toBeGreaterThan(0)
      const before = await businessChecksum()
      for (const field of fields) {
        const base = setup.bodies.find((b) => has(b, field.path)) ?? setup.bodies[0]!
        for (const value of WRONG[field.type]) {
          if (value === null && field.nullable) continue
          const res = await send(withValue(base, field.path, value))
          const label = `${field.path.join('.')} = ${JSON.stringify(value)} -> ${res.text.slice(0, 200)}`
          expect(res.status, label).toBe(422)
          const error = (res.json as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error
          expect(error.code, label).toBe('INVALID')
          expect(typeof error.message, label).toBe('string')
          // Named where it is wrong (a union's variant is named by the element that failed to match).
          const named = Object.keys(error.fields ?? {})
          expect(
            named.some((k) => field.path.join('.').startsWith(k)),
            `${label}: fields ${named.join(', ')}`,
          ).toBe(true)
        }
      }
      expect(changedTables(before, await businessChecksum()), 'refused but changed rows').toEqual([])
      await setup.unchanged?.()
      // The same request with the right types goes through: the refusals above were about the types, nothing else.
      const good = await send(setup.bodies[0]!)
      expect(good.status, good.text).toBeLessThan(300)
    },
  )
})
