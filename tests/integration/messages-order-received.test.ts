// Issue 18, "order received": taking an order tells its customer, decided by the order's own insert (create-order.ts)
// under the same rules as every other message — one mail on a real local SMTP server with the order number and the
// tracking link, once whatever the retries of the same idempotency key; a skipped row without consent; nothing when
// the shop switched the event off.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, businessDay } from '@/domain/opening-hours'
import type { CreateOrderInput } from '@/lib/schemas/order'
import { POST as createOrderRoute } from '@/app/api/v1/orders/route'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { createOrder } from '@/server/orders/create-order'
import { startOutboxWorker, type OutboxWorker } from '@/server/outbox/worker'
import { call, makeProduct, tokenFor } from '../support/api'
import { makeActor } from '../support/factories'
import { startSmtp, type TestSmtp } from '../support/smtp'
import { ensureSettings } from './back-support'
import { mailCustomer, settledEntry } from './messages-support'

process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
process.env.NEXTAUTH_URL = 'https://shop.test.example'

let smtp: TestSmtp
let worker: OutboxWorker
let receptionist: Actor
let product: { id: string }

beforeAll(async () => {
  smtp = await startSmtp()
  await ensureSettings()
  await db().businessSettings.update({ where: { id: 1 }, data: { name: 'In Nhanh Test' } })
  await db().messageSettings.update({
    where: { id: 1 },
    data: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'In Nhanh Test <shop@test.example>' },
  })
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  product = await makeProduct({ unitPrice: 2_500, taxRateBp: 800 })
  worker = await startOutboxWorker({ schedule: false, pollSeconds: 0.5 })
})

afterAll(async () => {
  await worker?.stop()
  await smtp?.stop()
})

const customer = (consent: boolean, language = 'en') => mailCustomer(consent, language, 'Anh Minh')

function input(customerId: string, overrides: Partial<CreateOrderInput> = {}): CreateOrderInput {
  return {
    idempotencyKey: randomUUID(),
    customerId,
    lines: [{ productId: product.id, quantity: 4 }],
    dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1),
    dueTime: '17:00',
    mode: 'PICKUP',
    ...overrides,
  }
}

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address))
const settled = settledEntry
/** Long enough for the worker (polling every 0.5 s) to have sent anything it was going to send. */
const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, 2_000))

async function expectOneReceivedMail(orderId: string, email: string) {
  const entry = await settled(orderId)
  expect(entry).toMatchObject({ status: 'SENT', attempts: 1, kind: 'customer.message', key: `msg:ORDER_RECEIVED:${orderId}:EMAIL` })
  const order = await db().order.findUniqueOrThrow({ where: { id: orderId } })
  const number = `DH-${String(order.number).padStart(6, '0')}`
  const mails = mailsTo(email)
  expect(mails).toHaveLength(1)
  expect(mails[0]!.subject).toBe(`In Nhanh Test: order ${number} received`)
  expect(mails[0]!.text).toContain(`In Nhanh Test has received your order ${number}.`)
  expect(mails[0]!.text).toContain(`https://shop.test.example/track/${order.trackingToken}`)
  const message = await db().customerMessage.findUniqueOrThrow({ where: { key: entry.key } })
  expect(message).toMatchObject({ event: 'ORDER_RECEIVED', channel: 'EMAIL', recipient: email, outboxEntryId: entry.id, skipReason: null })
  return { entry, number }
}

describe('customer told that the order was received', () => {
  it('sends one mail for an order taken at the counter, with its number and tracking link, however often it is replayed', async () => {
    const c = await customer(true)
    const request = input(c.id)
    const started = Date.now()
    const created = await createOrder(receptionist, request)
    expect(created.created).toBe(true)
    const { number } = await expectOneReceivedMail(created.id, c.email!)
    expect(created.number).toBe(number)
    // Goes out within seconds: the job is written with the order, no sweep needed.
    expect(Date.now() - started).toBeLessThan(10_000)

    // A double click, a retried request: the first order again, and no second message.
    const replays = await Promise.all([createOrder(receptionist, request), createOrder(receptionist, request)])
    expect(replays.map((r) => [r.id, r.created])).toEqual([
      [created.id, false],
      [created.id, false],
    ])
    await quietPeriod()
    expect(mailsTo(c.email!)).toHaveLength(1)
    expect(await db().customerMessage.count({ where: { orderId: created.id } })).toBe(1)
    expect(await db().outboxEntry.count({ where: { orderId: created.id } })).toBe(1)
  })

  it('sends one for twenty concurrent submissions of the same key (the losers roll back their message)', async () => {
    const c = await customer(true)
    const request = input(c.id)
    const results = await Promise.all(Array.from({ length: 20 }, () => createOrder(receptionist, request)))
    expect(new Set(results.map((r) => r.id)).size).toBe(1)
    expect(results.filter((r) => r.created)).toHaveLength(1)
    await expectOneReceivedMail(results[0]!.id, c.email!)
    expect(await db().customerMessage.count({ where: { customerId: c.id } })).toBe(1)
  })

  it('sends one for an order taken through POST /api/v1/orders, replayed with the same Idempotency-Key', async () => {
    const c = await customer(true, 'vi')
    const token = await tokenFor(receptionist.id)
    const key = randomUUID()
    const body = { ...input(c.id), idempotencyKey: undefined }
    const post = () => call(createOrderRoute, { method: 'POST', token, body, headers: { 'idempotency-key': key } })
    const first = await post()
    expect(first.status).toBe(201)
    const orderId = (first.json as { id: string }).id
    expect((await post()).text).toBe(first.text)
    const entry = await settled(orderId)
    expect(entry.status).toBe('SENT')
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId } })
    const mails = mailsTo(c.email!)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain(`In Nhanh Test đã nhận đơn hàng DH-${String(order.number).padStart(6, '0')} của quý khách.`)
    expect(mails[0]!.text).toContain(`https://shop.test.example/track/${order.trackingToken}`)
    await quietPeriod()
    expect(mailsTo(c.email!)).toHaveLength(1)
  })

  it('records a skipped message without consent, sends nothing, and says so on the timeline', async () => {
    const c = await customer(false)
    const created = await createOrder(receptionist, input(c.id))
    const message = await db().customerMessage.findFirstOrThrow({ where: { orderId: created.id } })
    expect(message).toMatchObject({
      event: 'ORDER_RECEIVED',
      skipReason: 'NO_CONSENT',
      outboxEntryId: null,
      key: `msg:ORDER_RECEIVED:${created.id}:EMAIL`,
    })
    expect(await db().outboxEntry.count({ where: { orderId: created.id } })).toBe(0)
    const skipped = await db().auditEvent.findFirst({ where: { orderId: created.id, action: 'message.skipped' } })
    expect(skipped).toMatchObject({ actorId: null, data: { event: 'ORDER_RECEIVED', channel: 'EMAIL', reason: 'NO_CONSENT' } })
    await quietPeriod()
    expect(mailsTo(c.email!)).toHaveLength(0)
  })

  it('records NO_CONTACT when the preferred channel has no address', async () => {
    const c = await customer(true)
    await db().customer.update({ where: { id: c.id }, data: { email: null } })
    const created = await createOrder(receptionist, input(c.id))
    const message = await db().customerMessage.findFirstOrThrow({ where: { orderId: created.id } })
    expect(message).toMatchObject({ skipReason: 'NO_CONTACT', channel: 'EMAIL', outboxEntryId: null })
  })

  it('decides nothing when the shop switched the event off', async () => {
    const others = ['ORDER_READY', 'INVOICE_ISSUED', 'NOT_COLLECTED', 'PAYMENT_RECEIVED'] as const
    await db().messageSettings.update({ where: { id: 1 }, data: { enabledEvents: [...others] } })
    try {
      const c = await customer(true)
      const created = await createOrder(receptionist, input(c.id))
      expect(created.created).toBe(true)
      await quietPeriod()
      expect(await db().customerMessage.count({ where: { orderId: created.id } })).toBe(0)
      expect(await db().outboxEntry.count({ where: { orderId: created.id } })).toBe(0)
      expect(await db().auditEvent.count({ where: { orderId: created.id, action: { startsWith: 'message.' } } })).toBe(0)
      expect(mailsTo(c.email!)).toHaveLength(0)
    } finally {
      await db().messageSettings.update({ where: { id: 1 }, data: { enabledEvents: ['ORDER_RECEIVED', ...others] } })
    }
  })
})
