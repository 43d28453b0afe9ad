// Object references and extra fields (#7): an actor who may call an action still cannot reach records that are not
// theirs to touch by sending another record's id, and fields the forms never send (total, status, role, homeRole,
// passwordHash, who received a payment…) are refused by the strict schemas — asserted on the data, not only on the
// answer.
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import { GET as listOrdersRoute, POST as createOrderRoute } from '@/app/api/v1/orders/route'
import { POST as createCustomerRoute } from '@/app/api/v1/customers/route'
import { endOwnAbsenceAction, reassignOwnOrdersAction, startOwnLunchAction } from '@/actions/account'
import { issueCreditNoteAction, recordPaymentAction } from '@/actions/billing'
import { recordFulfillmentAction } from '@/actions/fulfillment'
import { createCustomerAction, createOrderAction } from '@/actions/counter'
import { updateProductAction } from '@/actions/catalog'
import { createStaffAction, setSkillLevelAction } from '@/actions/team'
import { createApiTokenAction, revokeApiTokenAction } from '@/actions/api-tokens'
import { setLocaleAction } from '@/actions/account'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { recordAbsence } from '@/server/absences/record-absence'
import { db } from '@/server/db'
import { call, tokenFor } from '../support/api'
import { makeActor, makeCustomer, makeStaff } from '../support/factories'
import { makeOrder } from './back-support'
import { ensureManagerSettings } from './manager-support'
import { businessChecksum, changedTables, session } from './security-support'
import { fixedRateCategoryId } from '@/server/seed/factories'

vi.mock('next-auth', async (orig) => (await import('./security-support')).mockNextAuth(orig))
vi.mock('next-intl/server', async () => (await import('./security-support')).mockNextIntlServer())
vi.mock('next/cache', async () => (await import('./security-support')).mockNextCache())
vi.mock('next/headers', async () => (await import('./security-support')).mockNextHeaders())

type Person = { id: string }
const as = (person: Person | null) => {
  session.current = person ? { user: { id: person.id, sv: 1 } } : null
}
const tomorrow = () => addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1)

let ha: Person // receptionist
let hung: Person // back office
let ngoc: Person // back office
let mai: Person // manager
let product: { id: string }

beforeAll(async () => {
  await ensureManagerSettings()
  ha = await makeStaff({ homeRole: 'RECEPTIONIST', name: 'Hà Test' })
  hung = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Hùng Test' })
  ngoc = await makeStaff({ homeRole: 'BACK_OFFICE', name: 'Ngọc Test' })
  mai = await makeStaff({ homeRole: 'MANAGER', name: 'Mai Test' })
  product = await db().product.create({
    data: { sku: `IDOR-${randomUUID().slice(0, 6)}`, name: 'Danh thiếp', unitPrice: 1000, taxCategoryId: await fixedRateCategoryId(800) },
  })
})

/** The call must be refused with `code` and leave every table as it was. */
async function refusedUnchanged(run: () => Promise<unknown>, code: string | undefined) {
  const before = await businessChecksum()
  const result = (await run()) as { ok: boolean; code?: string }
  expect(result.ok).toBe(false)
  if (code) expect(result.code).toBe(code)
  expect(changedTables(before, await businessChecksum())).toEqual([])
  return result
}

describe('other people’s records (IDOR)', () => {
  it("/account: nobody ends someone else's lunch break, nor their own sick day", async () => {
    as(ngoc)
    const lunch = (await startOwnLunchAction({ minutes: 30 })) as { ok: true; data: { id: string } }
    expect(lunch.ok).toBe(true)
    as(hung)
    await refusedUnchanged(() => endOwnAbsenceAction({ absenceId: lunch.data.id }), 'NOT_FOUND')
    // A sick day the manager recorded for Hùng: his own, but not his to change.
    const sick = await recordAbsence(await makeActor({ homeRole: 'MANAGER' }), {
      userId: hung.id,
      kind: 'SICK',
      startsAt: `${tomorrow()}T08:00`,
      endsAt: `${tomorrow()}T17:00`,
    })
    await refusedUnchanged(() => endOwnAbsenceAction({ absenceId: sick.id }), 'FORBIDDEN')
    expect(await db().absence.count({ where: { id: { in: [lunch.data.id, sick.id] } } })).toBe(2)
  })

  it("/account: handing over one's open orders cannot name someone else's orders", async () => {
    const order = await makeOrder({ lines: [{ quantity: 2, unitPrice: 1000 }] })
    await db().order.update({ where: { id: order.id }, data: { assigneeId: ngoc.id } })
    as(hung)
    await refusedUnchanged(() => reassignOwnOrdersAction({ fromUserId: ngoc.id, toUserId: hung.id }), 'INVALID')
    // What the action can do is only ever about the caller's own orders: Ngọc's order stays hers.
    const result = (await reassignOwnOrdersAction({ toUserId: hung.id })) as { ok: boolean }
    expect(result.ok).toBe(false)
    expect((await db().order.findUniqueOrThrow({ where: { id: order.id } })).assigneeId).toBe(ngoc.id)
  })

  it("API tokens: only a manager creates or revokes them; a receptionist cannot revoke a colleague's token or mint her own", async () => {
    const token = await tokenFor(ngoc.id)
    const row = await db().apiToken.findFirstOrThrow({ where: { userId: ngoc.id }, select: { id: true } })
    as(ha)
    await refusedUnchanged(() => revokeApiTokenAction({ tokenId: row.id }), 'FORBIDDEN')
    await refusedUnchanged(() => createApiTokenAction({ userId: ha.id, name: 'mine' }), 'FORBIDDEN')
    expect((await call(listOrdersRoute, { token })).status).toBe(200)
    as(mai)
    expect(await revokeApiTokenAction({ tokenId: row.id })).toMatchObject({ ok: true })
    expect((await call(listOrdersRoute, { token })).status).toBe(401)
  })

  it("a language choice is one's own: naming another person is refused and changes nobody", async () => {
    as(ha)
    await refusedUnchanged(() => setLocaleAction({ locale: 'vi', userId: ngoc.id }), undefined)
    expect((await db().user.findUniqueOrThrow({ where: { id: ngoc.id } })).locale).toBeNull()
  })

  it("a payment cannot be booked against another order's invoice", async () => {
    const clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
    const billed = await makeOrder({ lines: [{ quantity: 1, unitPrice: 5000, taxRateBp: 0, qtyFulfilled: 1 }] })
    const invoice = await issueInvoice(clerk, { orderId: billed.id })
    const other = await makeOrder({ lines: [{ quantity: 1, unitPrice: 5000, taxRateBp: 0, qtyFulfilled: 1 }] })
    as(hung)
    await refusedUnchanged(
      () => recordPaymentAction({ orderId: other.id, invoiceId: invoice.invoiceId, method: 'CASH', amount: 5000 }),
      'NOT_FOUND',
    )
    expect(await db().payment.count({ where: { orderId: { in: [billed.id, other.id] } } })).toBe(0)
  })

  it("work cannot be recorded on another order's line, nor credited from another invoice's line", async () => {
    const clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
    const a = await makeOrder({ lines: [{ quantity: 3, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 3 }] })
    const b = await makeOrder({ lines: [{ quantity: 3, unitPrice: 1000, taxRateBp: 0, qtyFulfilled: 3 }] })
    const invA = await issueInvoice(clerk, { orderId: a.id })
    const invB = await issueInvoice(clerk, { orderId: b.id })
    const lineOfB = await db().invoiceLine.findFirstOrThrow({ where: { invoiceId: invB.invoiceId } })
    const fresh = await makeOrder({ lines: [{ quantity: 5, unitPrice: 1000 }] })
    as(hung)
    await refusedUnchanged(
      () => recordFulfillmentAction({ orderId: fresh.id, expectedVersion: fresh.version, lines: [{ lineId: a.lines[0]!.id, set: 1 }] }),
      undefined,
    )
    await refusedUnchanged(
      () => issueCreditNoteAction({ invoiceId: invA.invoiceId, reason: 'misprint', lines: [{ invoiceLineId: lineOfB.id, quantity: 1 }] }),
      undefined,
    )
  })
})

describe('extra fields are refused, never read', () => {
  it('an order with a total, a status or someone else as taker', async () => {
    const customer = await makeCustomer()
    as(ha)
    const base = {
      idempotencyKey: randomUUID(),
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 2 }],
      dueDate: tomorrow(),
      dueTime: '17:00',
      mode: 'PICKUP',
    }
    for (const extra of [{ total: 1 }, { status: 'COLLECTED' }, { payment: 'PAID' }, { takenById: mai.id }, { subtotal: 0, taxTotal: 0 }]) {
      const result = await refusedUnchanged(() => createOrderAction({ ...base, ...extra }), 'INVALID')
      expect(result).toMatchObject({ formError: 'Unexpected field.' })
    }
    // A line that names its own total or tax: refused too.
    await refusedUnchanged(
      () => createOrderAction({ ...base, lines: [{ productId: product.id, quantity: 2, lineTotal: 1, taxRateBp: 0 }] }),
      'INVALID',
    )
    // The same order without the extras goes through, with the catalog's prices.
    const ok = (await createOrderAction(base)) as { ok: boolean }
    expect(ok.ok).toBe(true)
    const row = await db().order.findFirstOrThrow({ where: { customerId: customer.id } })
    expect(row).toMatchObject({ subtotal: 2000, takenById: ha.id, payment: 'UNPAID', closedAt: null })
  })

  it('staff with a role, a password hash, a session version or an active flag of their own choosing', async () => {
    as(mai)
    const base = { name: 'Người Lạ', email: 'la@test.example', homeRole: 'RECEPTIONIST', password: 'purple stapler moonlight' }
    for (const extra of [
      { role: 'MANAGER' },
      { passwordHash: '$argon2id$v=19$m=1,t=1,p=1$x$y' },
      { sessionVersion: 0 },
      { active: false },
      { skills: { MANAGE_TEAM: 3 } },
    ]) {
      await refusedUnchanged(() => createStaffAction({ ...base, ...extra }), 'INVALID')
    }
    expect(await db().user.count({ where: { email: 'la@test.example' } })).toBe(0)
    await refusedUnchanged(() => setSkillLevelAction({ userId: hung.id, task: 'INVOICE', level: 3, homeRole: 'MANAGER' }), 'INVALID')
    expect((await db().user.findUniqueOrThrow({ where: { id: hung.id } })).homeRole).toBe('BACK_OFFICE')
  })

  it('a customer or a product with its own id or timestamps', async () => {
    as(ha)
    await refusedUnchanged(() => createCustomerAction({ name: 'Khách lạ', id: randomUUID() }), 'INVALID')
    await refusedUnchanged(() => createCustomerAction({ name: 'Khách lạ', createdAt: '2001-01-01T00:00:00Z' }), 'INVALID')
    as(mai)
    await refusedUnchanged(
      () =>
        updateProductAction({
          productId: product.id,
          sku: 'X1',
          name: 'X',
          price: '1',
          taxRate: '8',
          unit: 'pcs',
          locale: 'en',
          unitPrice: 1,
        }),
      'INVALID',
    )
  })

  it('a payment that says who received it, or that it is a refund', async () => {
    const order = await makeOrder({ lines: [{ quantity: 1, unitPrice: 5000, taxRateBp: 0 }] })
    as(hung)
    for (const extra of [{ receivedById: mai.id }, { kind: 'REFUND' }, { amount: -5000 }, { change: 100 }]) {
      await refusedUnchanged(() => recordPaymentAction({ orderId: order.id, method: 'CASH', amount: 5000, ...extra }), 'INVALID')
    }
  })

  it('the API refuses the same extras in bodies and unknown query parameters', async () => {
    const customer = await makeCustomer()
    const token = await tokenFor(ha.id)
    const before = await businessChecksum()
    const order = {
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 1 }],
      dueDate: tomorrow(),
      dueTime: '17:00',
      mode: 'PICKUP',
    }
    for (const extra of [{ total: 1 }, { status: 'COLLECTED' }, { takenById: mai.id }]) {
      const res = await call(createOrderRoute, {
        method: 'POST',
        token,
        body: { ...order, ...extra },
        headers: { 'idempotency-key': randomUUID() },
      })
      expect(res.status).toBe(422)
      expect(res.json).toMatchObject({ error: { code: 'INVALID' } })
    }
    const c = await call(createCustomerRoute, { method: 'POST', token, body: { name: 'API lạ', id: randomUUID() } })
    expect(c.status).toBe(422)
    expect((await call(listOrdersRoute, { token, path: `/api/v1/orders?takenById=${mai.id}` })).status).toBe(422)
    // The token's "last used" moved; nothing else did.
    expect(changedTables(before, await businessChecksum())).toEqual([])
  })
})
