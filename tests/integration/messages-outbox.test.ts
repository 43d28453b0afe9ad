// Issue 18: an order marked ready tells its customer through the outbox — one mail on a real local SMTP server, with
// the right text and tracking link; nothing without consent; retried while the provider is down and delivered once
// it is back, still once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { startOutboxWorker, type OutboxWorker } from '@/server/outbox/worker'
import { makeActor } from '../support/factories'
import { startSmtp, type TestSmtp } from '../support/smtp'
import { until } from '../support/wait'
import { makeOrder } from './back-support'
import { mailCustomer, settledEntry } from './messages-support'

process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
process.env.NEXTAUTH_URL = 'https://shop.test.example'

let smtp: TestSmtp
let worker: OutboxWorker
let fulfiller: Actor

beforeAll(async () => {
  smtp = await startSmtp()
  await makeOrder() // the business settings row
  await db().messageSettings.update({
    where: { id: 1 },
    data: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'In Nhanh Test <shop@test.example>' },
  })
  fulfiller = await makeActor({ homeRole: 'BACK_OFFICE' })
  worker = await startOutboxWorker({ schedule: false, pollSeconds: 0.5 })
})

afterAll(async () => {
  await worker?.stop()
  await smtp?.stop()
})

const customer = (consent: boolean, language = 'en') => mailCustomer(consent, language)

async function markReady(customerId: string) {
  const order = await makeOrder({ customerId, lines: [{ quantity: 2, unitPrice: 50_000 }] })
  await recordFulfillment(fulfiller, { orderId: order.id, expectedVersion: order.version, lines: [{ lineId: order.lines[0]!.id, set: 2 }] })
  return order
}

const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address))
const messageOf = (orderId: string) =>
  db().customerMessage.findFirst({ where: { orderId }, include: { order: { select: { number: true } } } })
const sentEntry = settledEntry

describe('customer told that the order is ready', () => {
  it('sends exactly one mail, in their language, with the order number and tracking link', async () => {
    const c = await customer(true, 'en')
    const order = await markReady(c.id)
    const entry = await sentEntry(order.id)
    expect(entry).toMatchObject({ status: 'SENT', attempts: 1, kind: 'customer.message' })
    const mails = mailsTo(c.email!)
    expect(mails).toHaveLength(1)
    const number = `DH-${String(order.number).padStart(6, '0')}`
    expect(mails[0]!.subject).toBe(`In Nhanh Test: order ${number} is ready for pickup`)
    expect(mails[0]!.text).toContain(`Your order ${number} is ready for pickup at In Nhanh Test.`)
    expect(mails[0]!.text).toContain(`https://shop.test.example/track/${order.trackingToken}`)
    expect(mails[0]!.text).toMatch(/Unsubscribe: https:\/\/shop\.test\.example\/m\/opt-out\/[0-9a-f-]{36}\.[\w-]+/)
    expect(mails[0]!.raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/shop\.test\.example\/m\/opt-out\//m)
    // On the order's timeline, by the system: "customer notified by e-mail".
    const timeline = await db().auditEvent.findMany({ where: { orderId: order.id, action: { startsWith: 'message.' } } })
    expect(timeline).toEqual([
      expect.objectContaining({ action: 'message.sent', actorId: null, data: { event: 'ORDER_READY', channel: 'EMAIL' } }),
    ])
    // Taking the work back and finishing it again decides nothing new: never two "ready" messages for one order.
    const row = await db().order.findUniqueOrThrow({ where: { id: order.id }, include: { lines: true } })
    const undone = await recordFulfillment(fulfiller, {
      orderId: order.id,
      expectedVersion: row.version,
      lines: [{ lineId: row.lines[0]!.id, set: 1 }],
    })
    await recordFulfillment(fulfiller, {
      orderId: order.id,
      expectedVersion: undone.version,
      lines: [{ lineId: row.lines[0]!.id, set: 2 }],
    })
    expect(await db().outboxEntry.count({ where: { orderId: order.id } })).toBe(1)
  })

  it('writes the Vietnamese text for a Vietnamese customer', async () => {
    const c = await customer(true, 'vi')
    const order = await markReady(c.id)
    await sentEntry(order.id)
    const [mail] = mailsTo(c.email!)
    expect(mail!.text).toContain('đã sẵn sàng, mời quý khách đến nhận tại In Nhanh Test')
    expect(mail!.text).toContain('Hủy đăng ký: https://shop.test.example/m/opt-out/')
  })

  it('sends nothing without consent, and says so on the timeline', async () => {
    const c = await customer(false)
    const order = await markReady(c.id)
    const message = await messageOf(order.id)
    expect(message).toMatchObject({ skipReason: 'NO_CONSENT', outboxEntryId: null, event: 'ORDER_READY' })
    expect(await db().outboxEntry.count({ where: { orderId: order.id } })).toBe(0)
    const skipped = await db().auditEvent.findFirst({ where: { orderId: order.id, action: 'message.skipped' } })
    expect(skipped?.data).toMatchObject({ reason: 'NO_CONSENT' })
    expect(mailsTo(c.email!)).toHaveLength(0)
  })

  it('retries while the mail server is down and delivers once it is back, still once', async () => {
    const c = await customer(true)
    await smtp.stop()
    const order = await markReady(c.id)
    const retrying = await until(
      async () => {
        const entry = await db().outboxEntry.findFirst({ where: { orderId: order.id } })
        return entry?.status === 'RETRYING' && entry.attempts >= 2 ? entry : undefined
      },
      25_000,
      'two failed tries',
    )
    expect(retrying.lastError).toMatch(/SMTP/)
    await smtp.start()
    const entry = await sentEntry(order.id)
    expect(entry.status).toBe('SENT')
    expect(entry.attempts).toBeGreaterThanOrEqual(3)
    expect(mailsTo(c.email!)).toHaveLength(1)
  })
})

describe('the not-collected reminder', () => {
  it('reminds once about a ready order waiting longer than the setting', async () => {
    const { remindNotCollected } = await import('@/server/messages/reminders')
    const c = await customer(true, 'en')
    const order = await markReady(c.id)
    await sentEntry(order.id)
    const inFourDays = new Date(Date.now() + 4 * 86_400_000)
    expect(await remindNotCollected(inFourDays)).toBeGreaterThanOrEqual(1)
    expect(await remindNotCollected(inFourDays)).toBe(0)
    const reminder = await until(
      async () => {
        const mails = mailsTo(c.email!)
        return mails.length === 2 ? mails[1] : undefined
      },
      20_000,
      'the reminder mail',
    )
    expect(reminder.text).toContain('has been ready for 4 days')
  })
})
