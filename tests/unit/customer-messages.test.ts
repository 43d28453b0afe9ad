import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MESSAGE_CHANNELS,
  MESSAGE_EVENTS,
  chooseDelivery,
  decideMessage,
  maskRecipient,
  messageKey,
  renderMessage,
  znsParams,
  znsPhone,
  type MessageChannel,
  type MessageVars,
} from '@/domain/customer-messages'

const all = new Set<MessageChannel>(MESSAGE_CHANNELS)
const vars: MessageVars = {
  shopName: 'In Nhanh Sài Gòn',
  orderNumber: 'DH-000042',
  trackingUrl: 'https://shop.example/track/abc',
  optOutUrl: 'https://shop.example/m/opt-out/x.y',
  delivery: false,
  invoiceNumber: 'HD-2026-000007',
  amount: '150.000 ₫',
  days: 3,
}

describe('chooseDelivery', () => {
  const customer = { messageConsent: true, preferredChannel: null, email: 'a@b.example', phone: '0912345678' }

  it('never sends without consent, whatever else is set', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, ...MESSAGE_CHANNELS),
        fc.option(fc.emailAddress()),
        fc.option(fc.string({ minLength: 1 })),
        (preferredChannel, email, phone) => {
          const d = chooseDelivery({ messageConsent: false, preferredChannel, email, phone }, all)
          expect(d).toEqual({ skip: 'NO_CONSENT', channel: preferredChannel })
        },
      ),
    )
  })

  it('uses the preferred channel, or says what is missing', () => {
    expect(chooseDelivery({ ...customer, preferredChannel: 'ZALO' }, all)).toEqual({ channel: 'ZALO', to: '0912345678' })
    expect(chooseDelivery({ ...customer, preferredChannel: 'EMAIL', email: null }, all)).toEqual({ skip: 'NO_CONTACT', channel: 'EMAIL' })
    expect(chooseDelivery({ ...customer, preferredChannel: 'SMS' }, new Set(['EMAIL']))).toEqual({ skip: 'NO_CHANNEL', channel: 'SMS' })
  })

  it('without a preference takes the first set-up channel the customer can be reached on', () => {
    expect(chooseDelivery(customer, all)).toEqual({ channel: 'EMAIL', to: 'a@b.example' })
    expect(chooseDelivery({ ...customer, email: null }, all)).toEqual({ channel: 'ZALO', to: '0912345678' })
    expect(chooseDelivery(customer, new Set(['SMS']))).toEqual({ channel: 'SMS', to: '0912345678' })
    expect(chooseDelivery({ ...customer, email: null, phone: null }, all)).toEqual({ skip: 'NO_CONTACT', channel: null })
    expect(chooseDelivery(customer, new Set())).toEqual({ skip: 'NO_CHANNEL', channel: null })
  })

  it('sends only to a contact the customer has, on a configured channel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(null, ...MESSAGE_CHANNELS),
        fc.option(fc.emailAddress()),
        fc.option(fc.stringMatching(/^0\d{9}$/)),
        fc.subarray([...MESSAGE_CHANNELS]),
        (preferredChannel, email, phone, configured) => {
          const d = chooseDelivery({ messageConsent: true, preferredChannel, email, phone }, new Set(configured))
          if ('skip' in d) return
          expect(configured).toContain(d.channel)
          expect(d.to).toBe(d.channel === 'EMAIL' ? email : phone)
        },
      ),
    )
  })
})

describe('decideMessage', () => {
  const customer = { messageConsent: true, preferredChannel: null, email: 'a@b.example', phone: '0912345678', language: 'en' }
  const base = { subjectId: 'order-1', enabledEvents: MESSAGE_EVENTS, configured: all, customer }

  it('decides nothing for an event the shop switched off, whatever the customer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MESSAGE_EVENTS), fc.subarray([...MESSAGE_EVENTS]), fc.boolean(), (event, enabled, consent) => {
        const d = decideMessage({ ...base, event, enabledEvents: enabled, customer: { ...customer, messageConsent: consent } })
        expect(d === null).toBe(!enabled.includes(event))
      }),
    )
  })

  it('is chooseDelivery under the key of the event, its subject and the channel, in the customer language', () => {
    expect(decideMessage({ ...base, event: 'ORDER_RECEIVED' })).toEqual({
      channel: 'EMAIL',
      to: 'a@b.example',
      key: 'msg:ORDER_RECEIVED:order-1:EMAIL',
      language: 'en',
    })
    expect(decideMessage({ ...base, event: 'ORDER_RECEIVED', customer: { ...customer, messageConsent: false, language: 'fr' } })).toEqual({
      skip: 'NO_CONSENT',
      channel: null,
      key: 'msg:ORDER_RECEIVED:order-1:NONE',
      language: 'vi',
    })
  })
})

describe('message texts', () => {
  it('has every event in both languages, with the shop, the order number, the tracking link and an opt-out line', () => {
    for (const event of MESSAGE_EVENTS)
      for (const language of ['vi', 'en'] as const)
        for (const delivery of [false, true]) {
          const { subject, text } = renderMessage(event, language, { ...vars, delivery })
          expect(subject).toContain('DH-000042')
          expect(subject).toContain('In Nhanh Sài Gòn')
          expect(text).toContain('DH-000042')
          expect(text).toContain('https://shop.example/track/abc')
          expect(text.split('\n').at(-1)).toContain('https://shop.example/m/opt-out/x.y')
        }
  })

  it('says "out for delivery" for delivered orders and names the amount and invoice', () => {
    expect(renderMessage('ORDER_READY', 'en', { ...vars, delivery: true }).subject).toContain('out for delivery')
    expect(renderMessage('ORDER_READY', 'vi', { ...vars, delivery: true }).subject).toContain('đang được giao')
    expect(renderMessage('PAYMENT_RECEIVED', 'vi', vars).text).toContain('150.000 ₫')
    expect(renderMessage('INVOICE_ISSUED', 'en', vars).text).toContain('HD-2026-000007')
    expect(renderMessage('NOT_COLLECTED', 'en', vars).text).toContain('ready for 3 days')
  })

  it('gives Zalo the template parameters by name', () => {
    expect(znsParams(vars)).toMatchObject({
      shop_name: 'In Nhanh Sài Gòn',
      order_code: 'DH-000042',
      tracking_url: vars.trackingUrl,
      days: '3',
    })
  })
})

describe('keys, masks and numbers', () => {
  it('keys one message per event, subject and channel', () => {
    expect(messageKey('ORDER_READY', 'o1', 'ZALO')).toBe('msg:ORDER_READY:o1:ZALO')
    expect(messageKey('ORDER_READY', 'o1', null)).toBe('msg:ORDER_READY:o1:NONE')
  })

  it('masks addresses and numbers', () => {
    expect(maskRecipient('lan@khach.example')).toBe('l•••@khach.example')
    expect(maskRecipient('0912345678')).toBe('••••••5678')
    expect(maskRecipient('123')).toBe('••••')
  })

  it('writes Vietnamese numbers with their country code for Zalo', () => {
    expect(znsPhone('0912 345 678')).toBe('84912345678')
    expect(znsPhone('+84912345678')).toBe('84912345678')
    expect(znsPhone('84912345678')).toBe('84912345678')
  })
})
