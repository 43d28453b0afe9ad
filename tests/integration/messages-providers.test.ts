// Contract tests of the Zalo ZNS and SMS clients against local HTTP servers that follow the providers' documented
// requests, answers and error codes; and a ready order told by Zalo through the whole outbox.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '@/server/auth/actor'
import { db } from '@/server/db'
import { recordFulfillment } from '@/server/fulfillment/record-fulfillment'
import { sendSms } from '@/server/messages/channels/sms'
import { sendZalo, trackingIdOf } from '@/server/messages/channels/zalo'
import { sealSecret } from '@/server/messages/secrets'
import { PermanentFailure, TemporaryFailure } from '@/server/outbox/failures'
import { startOutboxWorker, type OutboxWorker } from '@/server/outbox/worker'
import { makeActor } from '../support/factories'
import { until } from '../support/wait'
import { startZaloStub, type ZaloStub } from '../support/zalo-stub'
import { makeOrder } from './back-support'

const TOKEN = 'zalo-oa-token-for-tests'
let zalo: ZaloStub
let sms: Server
let smsUrl = ''
const smsRequests: Array<{ headers: Record<string, unknown>; body: string }> = []
let smsAnswers: number[] = []

beforeAll(async () => {
  zalo = await startZaloStub({ accessToken: TOKEN })
  process.env.HANDOFF_ZALO_API_URL = zalo.url
  process.env.HANDOFF_OUTBOX_RETRY_DELAY_SECONDS = '1'
  sms = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      smsRequests.push({ headers: req.headers, body })
      const status = smsAnswers.shift() ?? 200
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"id":"sms-1"}' : '{"error":"no"}')
    })
  })
  await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve))
  smsUrl = `http://127.0.0.1:${(sms.address() as AddressInfo).port}/send`
})

afterAll(async () => {
  await zalo?.close()
  await new Promise((resolve) => sms.close(resolve))
})

const message = (to: string) => ({
  key: 'msg:ORDER_READY:7b0c:ZALO',
  to,
  subject: 'S',
  text: 'Đơn hàng "DH-000001" đã sẵn sàng\nhttps://x/track/t',
  optOutUrl: 'https://x/m/opt-out/t',
  zalo: { templateId: '231456', params: { order_code: 'DH-000001', shop_name: 'In Nhanh' } },
})

describe('the Zalo ZNS client', () => {
  it('sends the template, its parameters and a tracking id derived from the key, with the token in its header', async () => {
    const receipt = await sendZalo(message('0912345678'), TOKEN)
    expect(receipt.providerId).toMatch(/^zns-/)
    expect(zalo.requests.at(-1)).toEqual({
      accessToken: TOKEN,
      body: {
        phone: '84912345678',
        template_id: '231456',
        template_data: { order_code: 'DH-000001', shop_name: 'In Nhanh' },
        tracking_id: trackingIdOf('msg:ORDER_READY:7b0c:ZALO'),
      },
    })
  })

  it('treats refusals as permanent and quota, unknown and HTTP errors as temporary', async () => {
    await expect(sendZalo(message('0912345678'), 'wrong-token')).rejects.toThrow(PermanentFailure)
    await expect(sendZalo(message('0912345678'), 'wrong-token')).rejects.toThrow(/-124/)
    await expect(sendZalo(message('12'), TOKEN)).rejects.toThrow(/error -108/)
    zalo.refuse.set('84900000115', -115)
    await expect(sendZalo(message('0900000115'), TOKEN)).rejects.toThrow(TemporaryFailure)
    zalo.refuse.set('84900000100', -100)
    await expect(sendZalo(message('0900000100'), TOKEN)).rejects.toThrow(TemporaryFailure)
    zalo.unavailable = 1
    await expect(sendZalo(message('0912345678'), TOKEN)).rejects.toThrow(/HTTP 503/)
    await expect(sendZalo({ ...message('0912345678'), zalo: undefined }, TOKEN)).rejects.toThrow(PermanentFailure)
  })
})

describe('the SMS client', () => {
  const config = (bodyTemplate = '{"to":"{{to}}","text":"{{text}}","ref":"{{key}}"}') => ({
    url: smsUrl,
    bodyTemplate,
    authorization: 'Bearer sms-secret',
  })

  it('posts the filled body template with the idempotency key and authorization', async () => {
    const receipt = await sendSms(message('0912345678'), config())
    expect(receipt.providerId).toBe('sms-1')
    const request = smsRequests.at(-1)!
    expect(request.headers).toMatchObject({ 'idempotency-key': 'msg:ORDER_READY:7b0c:ZALO', authorization: 'Bearer sms-secret' })
    expect(JSON.parse(request.body)).toEqual({ to: '0912345678', text: message('x').text, ref: 'msg:ORDER_READY:7b0c:ZALO' })
  })

  it('retries 429 and 5xx, gives up on other 4xx, and reports an unreachable provider as temporary', async () => {
    smsAnswers = [429, 500, 400]
    await expect(sendSms(message('0912345678'), config())).rejects.toThrow(TemporaryFailure)
    await expect(sendSms(message('0912345678'), config())).rejects.toThrow(TemporaryFailure)
    await expect(sendSms(message('0912345678'), config())).rejects.toThrow(PermanentFailure)
    await expect(sendSms(message('0912345678'), { ...config(), url: 'http://127.0.0.1:1/none' })).rejects.toThrow(/could not be reached/)
  })
})

describe('a ready order told by Zalo', () => {
  let worker: OutboxWorker
  let fulfiller: Actor
  beforeAll(async () => {
    await makeOrder()
    await db().messageSettings.update({
      where: { id: 1 },
      data: { zaloAccessTokenSealed: sealSecret(TOKEN), zaloTemplates: { ORDER_READY: '231456' } },
    })
    fulfiller = await makeActor({ homeRole: 'BACK_OFFICE' })
    worker = await startOutboxWorker({ schedule: false, pollSeconds: 0.5 })
  })
  afterAll(() => worker?.stop())

  it('sends one ZNS message and puts "notified by Zalo" on the timeline', async () => {
    const c = await db().customer.create({
      data: { name: 'Cô Hoa', phone: '0987654321', searchText: 'hoa', messageConsent: true, preferredChannel: 'ZALO' },
    })
    const order = await makeOrder({ customerId: c.id, lines: [{ quantity: 1, unitPrice: 1000 }] })
    const before = zalo.requests.length
    await recordFulfillment(fulfiller, {
      orderId: order.id,
      expectedVersion: order.version,
      lines: [{ lineId: order.lines[0]!.id, set: 1 }],
    })
    await until(() => db().auditEvent.findFirst({ where: { orderId: order.id, action: 'message.sent' } }), 20_000, 'the Zalo message')
    const sent = zalo.requests.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.body).toMatchObject({ phone: '84987654321', template_id: '231456' })
    expect(sent[0]!.body.template_data).toMatchObject({ order_code: `DH-${String(order.number).padStart(6, '0')}` })
    const event = await db().auditEvent.findFirst({ where: { orderId: order.id, action: 'message.sent' } })
    expect(event?.data).toEqual({ event: 'ORDER_READY', channel: 'ZALO' })
  })
})
