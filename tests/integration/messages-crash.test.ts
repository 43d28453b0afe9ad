// The outbox across processes (issue 18): a worker killed with SIGKILL in the middle of sending loses nothing and
// sends nothing twice once a worker runs again; two workers on one database (two app instances) send each message
// once. The workers are real `npm run worker` processes; the mail server is a real local SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { makeActor } from '../support/factories'
import { startSmtp, type TestSmtp } from '../support/smtp'
import { until } from '../support/wait'
import { spawnWorker, type WorkerProcess } from '../support/worker-process'
import { makeOrder } from './back-support'

// The job's retry delay and lease are decided where the message is enqueued (here, in the test's process).
process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
process.env.HANDOFF_OUTBOX_LEASE_SECONDS = '3'

let smtp: TestSmtp
let fulfiller: Actor
const running: WorkerProcess[] = []
const workerEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL!,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
  NEXTAUTH_URL: 'https://shop.test.example',
  HANDOFF_OUTBOX_POLL_SECONDS: '0.5',
  HANDOFF_OUTBOX_RETRY_DELAY_SECONDS: '1',
  // A killed worker's try is taken over after this lease.
  HANDOFF_OUTBOX_LEASE_SECONDS: '3',
  DB_POOL_SIZE: '4',
})
const worker = async () => {
  const w = await spawnWorker(workerEnv())
  running.push(w)
  return w
}

beforeAll(async () => {
  smtp = await startSmtp()
  await makeOrder()
  await db().messageSettings.update({
    where: { id: 1 },
    data: { smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'shop@test.example' },
  })
  fulfiller = await makeActor({ homeRole: 'BACK_OFFICE' })
}, 60_000)

afterAll(async () => {
  await Promise.all(running.map((w) => w.stop()))
  await smtp?.stop()
})

async function readyOrders(count: number) {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const suffix = Math.random().toString(36).slice(2, 10)
    const c = await db().customer.create({
      data: { name: `Anh Minh ${suffix}`, email: `minh-${suffix}@khach.example`, searchText: suffix, messageConsent: true, language: 'en' },
    })
    const order = await makeOrder({ customerId: c.id, lines: [{ quantity: 1, unitPrice: 10_000 }] })
    await recordFulfillment(fulfiller, {
      orderId: order.id,
      expectedVersion: order.version,
      lines: [{ lineId: order.lines[0]!.id, set: 1 }],
    })
    ids.push(order.id)
  }
  return ids
}

const allSent = (orderIds: string[]) =>
  until(
    async () => (await db().outboxEntry.count({ where: { orderId: { in: orderIds }, status: 'SENT' } })) === orderIds.length,
    60_000,
    'every message to be sent',
  )

describe('workers that crash or run side by side', () => {
  it('a worker killed mid-send: after a restart the message is sent, once', async () => {
    // The mail server holds the first mail's end-of-data, so the worker is caught in the middle of the SMTP exchange.
    let arrived!: () => void
    const midSend = new Promise<void>((resolve) => (arrived = resolve))
    smtp.beforeAccept = () => {
      arrived()
      return new Promise<void>(() => undefined) // never accepted: the connection dies with the worker
    }
    const first = await worker()
    const [orderId] = await readyOrders(1)
    await midSend
    first.child.kill('SIGKILL')
    await new Promise((resolve) => first.child.once('exit', resolve))
    const entry = await db().outboxEntry.findFirstOrThrow({ where: { orderId } })
    expect(entry).toMatchObject({ status: 'SENDING', attempts: 1 })
    expect(smtp.mails).toHaveLength(0)
    smtp.beforeAccept = undefined
    await worker()
    await allSent([orderId!])
    const after = await db().outboxEntry.findFirstOrThrow({ where: { orderId } })
    expect(after.attempts).toBe(2)
    expect(smtp.mails).toHaveLength(1)
    const timeline = await db().auditEvent.count({ where: { orderId, action: 'message.sent' } })
    expect(timeline).toBe(1)
  }, 90_000)

  it('two workers on one database send each message once', async () => {
    await worker() // a second one beside the one from the restart
    const before = smtp.mails.length
    const orderIds = await readyOrders(30)
    await allSent(orderIds)
    const mails = smtp.mails.slice(before)
    expect(mails).toHaveLength(30)
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(30)
    expect(running.filter((w) => w.child.exitCode === null && w.child.signalCode === null)).toHaveLength(2)
  }, 120_000)
})
