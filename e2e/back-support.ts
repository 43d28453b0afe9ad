// Back-office spec helpers: customers and orders of our own (specs share one seeded database); orders through the
// shared order factory (src/server/orders/order-rows.ts), as the seed and the integration tests make theirs. An INSERT
// into "Order" fires the same NOTIFY trigger as the intake.
import { randomBytes } from 'node:crypto'
import { customerSearchText } from '../src/domain/search'
import { buildOrder, insertOrders } from '../src/server/orders/order-rows'
import { DEMO, sql } from './fixtures'

/** A made-up word: unique, and searchable without diacritics. */
export function word(): string {
  return Array.from(randomBytes(7), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
}

export async function makeCustomer(prefix = 'Trần Thị'): Promise<{ id: string; name: string; word: string }> {
  const w = word()
  const name = `${prefix} ${w[0]!.toUpperCase()}${w.slice(1)}`
  const phone = `03${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const rows = await sql<{ id: string }>(
    `INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`,
    [name, phone, customerSearchText({ name, phone })],
  )
  return { id: rows[0]!.id, name, word: w }
}

export interface SeedLine {
  description: string
  quantity: number
  unitPrice: number
  taxRateBp: number
  /** Units already done in the workshop (the factory derives the order's fulfilment from them). */
  qtyFulfilled?: number
  /** The catalog product the line is for, if any. */
  productId?: string
}

/** An order taken by the receptionist, due in `dueInHours`, with an optional deposit (through the shared factory). */
export async function makeOrder(options: {
  customerId: string
  lines: SeedLine[]
  deposit?: number
  dueInHours?: number
}): Promise<{ id: string; number: string; total: number }> {
  const [taker] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.reception])
  const built = buildOrder({
    customerId: options.customerId,
    dueAt: new Date(Date.now() + (options.dueInHours ?? 30) * 3_600_000),
    takenById: taker!.id,
    idempotencyKey: `e2e-${word()}`,
    lines: options.lines,
    deposit: options.deposit ? { amount: options.deposit, method: 'CASH' } : null,
  })
  await insertOrders(sql, [built])
  const { order } = built
  await sql(
    `INSERT INTO "AuditEvent" (action, "entityType", "entityId", "orderId", "actorId", task, data) VALUES ('order.created', 'order', $1, $2, $3, 'TAKE_ORDER', $4)`,
    [order.id, order.id, taker!.id, JSON.stringify({ total: order.total })],
  )
  const [row] = await sql<{ number: number }>(`SELECT number FROM "Order" WHERE id = $1`, [order.id])
  return { id: order.id, number: `DH-${String(row!.number).padStart(6, '0')}`, total: order.total }
}
