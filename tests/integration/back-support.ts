// Back-office test helpers: real order rows from the shared order factory (lines with copied prices, cached totals and
// statuses derived as the server derives them, optional deposit), so billing and fulfillment use cases run against
// realistic data.
import { db, sql } from '@/server/db'
import { buildOrder, insertOrders } from '@/server/orders/order-rows'
import { makeCustomer, makeStaff } from '../support/factories'

export interface OrderSpec {
  lines?: Array<{
    quantity: number
    unitPrice: number
    taxRateBp?: number
    taxCategoryId?: string
    description?: string
    qtyFulfilled?: number
  }>
  deposit?: number
  dueAt?: Date
  customerId?: string
}

let seller: Promise<{ id: string }> | undefined

/** The business settings row the use cases read (prefixes, currency, time zone, payment terms). */
export async function ensureSettings(): Promise<void> {
  await db().businessSettings.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      name: 'In Nhanh Test',
      address: '1 Lê Lợi, Quận 1',
      phone: '028 0000 0000',
      taxId: '0300000000',
      currency: 'VND',
      invoicePrefix: 'HD',
      creditNotePrefix: 'GG',
      orderPrefix: 'DH',
      timeZone: 'Asia/Ho_Chi_Minh',
      openingHours: {},
      paymentTermsDays: 14,
    },
  })
}

export async function makeOrder(spec: OrderSpec = {}) {
  await ensureSettings()
  seller ??= makeStaff({ homeRole: 'RECEPTIONIST' })
  const taker = await seller
  const built = buildOrder({
    customerId: spec.customerId ?? (await makeCustomer()).id,
    dueAt: spec.dueAt ?? new Date(Date.now() + 86_400_000),
    takenById: taker.id,
    lines: (spec.lines ?? [{ quantity: 10, unitPrice: 1000, taxRateBp: 800 }]).map((l, position) => ({
      description: l.description ?? `Line ${position + 1}`,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRateBp: l.taxRateBp ?? 800,
      taxCategoryId: l.taxCategoryId ?? null,
      qtyFulfilled: l.qtyFulfilled ?? 0,
    })),
    deposit: spec.deposit ? { amount: spec.deposit, method: 'CASH' } : null,
  })
  await insertOrders(sql, [built])
  return orderRow(built.order.id)
}

export async function orderRow(orderId: string) {
  return db().order.findUniqueOrThrow({ where: { id: orderId }, include: { lines: { orderBy: { position: 'asc' } } } })
}

/** Settle every promise and split the outcomes, so a test can assert on the mix of successes and refusals. */
export async function settleAll<T>(promises: Array<Promise<T>>) {
  const results = await Promise.allSettled(promises)
  return {
    ok: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])),
    errors: results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
  }
}
