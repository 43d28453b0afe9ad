// Messages to customers (issue 18): which channel and address a message goes to, or why it is skipped; its text in
// the customer's language. Pure: the server decides in the event's transaction with these, the settings screen
// previews with them.

export const MESSAGE_EVENTS = ['ORDER_RECEIVED', 'ORDER_READY', 'INVOICE_ISSUED', 'NOT_COLLECTED', 'PAYMENT_RECEIVED'] as const
export type MessageEvent = (typeof MESSAGE_EVENTS)[number]
export const MESSAGE_CHANNELS = ['EMAIL', 'ZALO', 'SMS'] as const
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number]
export const MESSAGE_LANGUAGES = ['vi', 'en'] as const
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number]
export type SkipReason = 'NO_CONSENT' | 'NO_CONTACT' | 'NO_CHANNEL'

export interface Recipient {
  messageConsent: boolean
  preferredChannel: MessageChannel | null
  email: string | null
  phone: string | null
}

export type Delivery = { channel: MessageChannel; to: string } | { skip: SkipReason; channel: MessageChannel | null }

const contactOf = (customer: Recipient, channel: MessageChannel): string | null => (channel === 'EMAIL' ? customer.email : customer.phone)

/**
 * Where a message goes: nowhere without consent; the preferred channel when the customer has one (skipped if the
 * contact it needs is missing or the shop has not set the channel up); otherwise the first set-up channel the
 * customer can be reached on (e-mail, then Zalo, then SMS).
 */
export function chooseDelivery(customer: Recipient, configured: ReadonlySet<MessageChannel>): Delivery {
  if (!customer.messageConsent) return { skip: 'NO_CONSENT', channel: customer.preferredChannel }
  if (customer.preferredChannel) {
    const to = contactOf(customer, customer.preferredChannel)
    if (!to) return { skip: 'NO_CONTACT', channel: customer.preferredChannel }
    if (!configured.has(customer.preferredChannel)) return { skip: 'NO_CHANNEL', channel: customer.preferredChannel }
    return { channel: customer.preferredChannel, to }
  }
  for (const channel of MESSAGE_CHANNELS) {
    const to = contactOf(customer, channel)
    if (to && configured.has(channel)) return { channel, to }
  }
  const reachable = MESSAGE_CHANNELS.some((channel) => contactOf(customer, channel))
  return { skip: reachable ? 'NO_CHANNEL' : 'NO_CONTACT', channel: null }
}

/** The idempotency key of one event's message on one channel: the same event never messages twice. */
export function messageKey(event: MessageEvent, subjectId: string, channel: MessageChannel | null): string {
  return `msg:${event}:${subjectId}:${channel ?? 'NONE'}`
}

/** The language a customer's messages are written in: English when they chose it, Vietnamese otherwise. */
export function messageLanguage(language: string | null | undefined): MessageLanguage {
  return language === 'en' ? 'en' : 'vi'
}

export interface MessageDecisionInput {
  event: MessageEvent
  /** What the message is about (the order, an invoice, a payment): part of its key. */
  subjectId: string
  /** The events the shop has switched on. */
  enabledEvents: readonly MessageEvent[]
  /** The channels set up for this event (provider configured, Zalo template registered). */
  configured: ReadonlySet<MessageChannel>
  customer: Recipient & { language: string | null }
}

/** A decided message: skipped (with its reason) or to send to `to`; either way under its idempotency key. */
export type MessageDecision = { key: string; language: MessageLanguage } & Delivery

/**
 * The one decision of a customer message, wherever the event happens (the event's transaction in src/server/messages,
 * or the order's own insert): nothing when the event is switched off; otherwise where it goes or why it is skipped
 * (chooseDelivery), its key and its language.
 */
export function decideMessage(input: MessageDecisionInput): MessageDecision | null {
  if (!input.enabledEvents.includes(input.event)) return null
  const delivery = chooseDelivery(input.customer, input.configured)
  return {
    ...delivery,
    key: messageKey(input.event, input.subjectId, delivery.channel),
    language: messageLanguage(input.customer.language),
  }
}

export interface MessageVars {
  shopName: string
  /** The order number as shown (DH-000123). */
  orderNumber: string
  trackingUrl: string
  optOutUrl: string
  delivery: boolean
  /** INVOICE_ISSUED */
  invoiceNumber?: string
  /** INVOICE_ISSUED: where to view or print it */
  invoiceUrl?: string
  /** PAYMENT_RECEIVED: formatted with its currency */
  amount?: string
  /** NOT_COLLECTED */
  days?: number
}

type Template = (v: MessageVars) => { subject: string; body: string }

const TEMPLATES: Record<MessageLanguage, Record<MessageEvent, Template>> = {
  vi: {
    ORDER_RECEIVED: (v) => ({
      subject: `${v.shopName}: đã nhận đơn hàng ${v.orderNumber}`,
      body: `${v.shopName} đã nhận đơn hàng ${v.orderNumber} của quý khách. Theo dõi đơn hàng: ${v.trackingUrl}`,
    }),
    ORDER_READY: (v) =>
      v.delivery
        ? {
            subject: `${v.shopName}: đơn hàng ${v.orderNumber} đang được giao`,
            body: `Đơn hàng ${v.orderNumber} của quý khách đã xong và đang được giao đến quý khách. Theo dõi: ${v.trackingUrl}`,
          }
        : {
            subject: `${v.shopName}: đơn hàng ${v.orderNumber} đã sẵn sàng`,
            body: `Đơn hàng ${v.orderNumber} của quý khách đã sẵn sàng, mời quý khách đến nhận tại ${v.shopName}. Theo dõi: ${v.trackingUrl}`,
          },
    INVOICE_ISSUED: (v) => ({
      subject: `${v.shopName}: hóa đơn ${v.invoiceNumber ?? ''} cho đơn hàng ${v.orderNumber}`,
      body: `${v.shopName} đã xuất hóa đơn ${v.invoiceNumber ?? ''} cho đơn hàng ${v.orderNumber}. Xem và in hóa đơn: ${v.invoiceUrl ?? v.trackingUrl}`,
    }),
    NOT_COLLECTED: (v) => ({
      subject: `${v.shopName}: nhắc nhận đơn hàng ${v.orderNumber}`,
      body: `Đơn hàng ${v.orderNumber} của quý khách đã sẵn sàng ${v.days ?? ''} ngày nhưng chưa được nhận. Mời quý khách ghé ${v.shopName}. Theo dõi: ${v.trackingUrl}`,
    }),
    PAYMENT_RECEIVED: (v) => ({
      subject: `${v.shopName}: đã nhận thanh toán cho đơn hàng ${v.orderNumber}`,
      body: `${v.shopName} đã nhận ${v.amount ?? ''} cho đơn hàng ${v.orderNumber}. Cảm ơn quý khách! Theo dõi: ${v.trackingUrl}`,
    }),
  },
  en: {
    ORDER_RECEIVED: (v) => ({
      subject: `${v.shopName}: order ${v.orderNumber} received`,
      body: `${v.shopName} has received your order ${v.orderNumber}. Track it here: ${v.trackingUrl}`,
    }),
    ORDER_READY: (v) =>
      v.delivery
        ? {
            subject: `${v.shopName}: order ${v.orderNumber} is out for delivery`,
            body: `Your order ${v.orderNumber} is done and on its way to you. Track it here: ${v.trackingUrl}`,
          }
        : {
            subject: `${v.shopName}: order ${v.orderNumber} is ready for pickup`,
            body: `Your order ${v.orderNumber} is ready for pickup at ${v.shopName}. Track it here: ${v.trackingUrl}`,
          },
    INVOICE_ISSUED: (v) => ({
      subject: `${v.shopName}: invoice ${v.invoiceNumber ?? ''} for order ${v.orderNumber}`,
      body: `${v.shopName} has issued invoice ${v.invoiceNumber ?? ''} for your order ${v.orderNumber}. View or print it: ${v.invoiceUrl ?? v.trackingUrl}`,
    }),
    NOT_COLLECTED: (v) => ({
      subject: `${v.shopName}: reminder, order ${v.orderNumber} is waiting`,
      body: `Your order ${v.orderNumber} has been ready for ${v.days ?? ''} days and is waiting for you at ${v.shopName}. Track it here: ${v.trackingUrl}`,
    }),
    PAYMENT_RECEIVED: (v) => ({
      subject: `${v.shopName}: payment received for order ${v.orderNumber}`,
      body: `${v.shopName} has received ${v.amount ?? ''} for your order ${v.orderNumber}. Thank you! Track it here: ${v.trackingUrl}`,
    }),
  },
}

const OPT_OUT: Record<MessageLanguage, (url: string) => string> = {
  vi: (url) => `Không muốn nhận tin nhắn nữa? Hủy đăng ký: ${url}`,
  en: (url) => `No more messages? Unsubscribe: ${url}`,
}

export interface RenderedMessage {
  subject: string
  /** The whole text, the opt-out line last (every message carries one). */
  text: string
}

export function renderMessage(event: MessageEvent, language: MessageLanguage, vars: MessageVars): RenderedMessage {
  const { subject, body } = TEMPLATES[language][event](vars)
  return { subject, text: `${body}\n\n${OPT_OUT[language](vars.optOutUrl)}` }
}

/** The parameters of a Zalo ZNS template (the shop registers one template per event with Zalo, using these names). */
export function znsParams(vars: MessageVars): Record<string, string> {
  return {
    shop_name: vars.shopName,
    order_code: vars.orderNumber,
    tracking_url: vars.trackingUrl,
    opt_out_url: vars.optOutUrl,
    ...(vars.invoiceNumber ? { invoice_number: vars.invoiceNumber } : {}),
    ...(vars.invoiceUrl ? { invoice_url: vars.invoiceUrl } : {}),
    ...(vars.amount ? { amount: vars.amount } : {}),
    ...(vars.days !== undefined ? { days: String(vars.days) } : {}),
  }
}

/** An address or number as a list shows it: enough to recognise, not to copy (a•••@example.com, •••••4567). */
export function maskRecipient(to: string): string {
  const at = to.indexOf('@')
  if (at > 0) return `${to.slice(0, 1)}•••${to.slice(at)}`
  return to.length <= 4 ? '••••' : `${'•'.repeat(Math.min(6, to.length - 4))}${to.slice(-4)}`
}

/** A phone number as Zalo ZNS takes it: digits, Vietnamese numbers with their country code (0912… → 84912…). */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return phone.trim().startsWith('+') ? digits : digits.startsWith('0') ? `84${digits.slice(1)}` : digits
}
