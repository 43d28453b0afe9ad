// Back-office spec helpers: customers and orders of our own (specs share one seeded database), written the way the
// counter writes them. An INSERT into "Order" fires the same NOTIFY trigger as the intake.
import { randomBytes } from 'node:crypto'
import { customerSearchText } from '../src/domain/search'
import { documentTotals } from '../src/domain/tax'
import { DEMO, sql } from './fixtures'

/** A made-up word: unique, and searchable without diacritics. */
export function word(): string {
  return Array.from(randomBytes(7), (b) => 'bcdfghklmnpqrstvxz'[b % 18]).join('')
}

export async function makeCustomer(prefix = 'Trần Thị'): Promise<{ id: string; name: string; word: string }> {
  const w = word()
  const name = `${prefix} ${w[0]!.toUpperCase()}${w.slice(1)}`
  const phone = `03${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const rows = await sql<{ id: string }>(`INSERT INTO "Customer" (id, name, phone, "searchText", "updatedAt") VALUES (gen_random_uuid(), $1, $2, $3, now()) RETURNING id`, [
    name,
    phone,
    customerSearchText({ name, phone }),
  ])
  return { id: rows[0]!.id, name, word: w }
}

export interface SeedLine {
  description: string
  quantity: number
  unitPrice: number
  taxRateBp: number
}

/** An order taken by the receptionist, due in `dueInHours`, with an optional deposit. */
export async function makeOrder(options: { customerId: string; lines: SeedLine[]; deposit?: number; dueInHours?: number }): Promise<{ id: string; number: string; total: number }> {
  const [taker] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO.reception])
  const totals = documentTotals(options.lines)
  const [order] = await sql<{ id: string; number: number }>(
    `INSERT INTO "Order" (id, "customerId", "dueAt", "takenById", "idempotencyKey", "trackingToken", subtotal, "taxTotal", total, payment, "updatedAt")
     VALUES (gen_random_uuid(), $1, now() + make_interval(hours => $2), $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id, number`,
    [options.customerId, options.dueInHours ?? 30, taker!.id, `e2e-${word()}`, randomBytes(24).toString('base64url'), totals.subtotal, totals.taxTotal, totals.total, options.deposit ? 'PARTLY_PAID' : 'UNPAID'],
  )
  for (const [position, l] of options.lines.entries()) {
    await sql(`INSERT INTO "OrderLine" (id, "orderId", position, description, quantity, "unitPrice", "taxRateBp") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`, [
      order!.id,
      position,
      l.description,
      l.quantity,
      l.unitPrice,
      l.taxRateBp,
    ])
  }
  await sql(`INSERT INTO "AuditEvent" (action, "entityType", "entityId", "orderId", "actorId", task, data) VALUES ('order.created', 'order', $1, $2, $3, 'TAKE_ORDER', $4)`, [
    order!.id,
    order!.id,
    taker!.id,
    JSON.stringify({ total: totals.total }),
  ])
  if (options.deposit) {
    await sql(`INSERT INTO "Payment" (id, "orderId", "customerId", kind, method, amount, "receivedById") VALUES (gen_random_uuid(), $1, $2, 'DEPOSIT', 'CASH', $3, $4)`, [
      order!.id,
      options.customerId,
      options.deposit,
      taker!.id,
    ])
  }
  return { id: order!.id, number: `DH-${String(order!.number).padStart(6, '0')}`, total: totals.total }
}
