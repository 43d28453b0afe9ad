// Pure rules of the counter: the default due date of a new order, the shape of a tracking token, what a customer
// still has to pay and the change to hand back. Shared by the intake form (client), the use cases and the tests.

import { addDays, businessDay, openIntervalsOnDay, parseOpeningHours, type OpeningHours } from './opening-hours'

/**
 * The due date a new order starts with: `leadDays` business-calendar days after `now` (in the business time zone), at
 * `dueTime`. A day on which the business is closed (the demo shop on Sunday) is skipped, so the default never promises
 * a pickup when nobody is there; with unreadable or empty opening hours the plain date is used.
 */
export function defaultDue(
  now: Date,
  settings: { timeZone: string; defaultLeadDays: number; defaultDueTime: string; openingHours: unknown },
): { dueDate: string; dueTime: string } {
  const lead = Number.isSafeInteger(settings.defaultLeadDays) && settings.defaultLeadDays >= 0 ? settings.defaultLeadDays : 1
  let day = addDays(businessDay(now, settings.timeZone), lead)
  let hours: OpeningHours | null = null
  try {
    hours = parseOpeningHours(settings.openingHours)
  } catch {
    hours = null
  }
  if (hours && Object.values(hours).some((intervals) => intervals.length > 0)) {
    for (let i = 0; i < 7 && openIntervalsOnDay(hours, day, settings.timeZone).length === 0; i++) day = addDays(day, 1)
  }
  return { dueDate: day, dueTime: settings.defaultDueTime }
}

/**
 * Tracking tokens are randomBytes(24) in base64url: 32 characters of [A-Za-z0-9_-]. The column allows up to 64, so a
 * future longer token still validates. Anything else is refused before the database is asked.
 */
export const TRACKING_TOKEN_BYTES = 24
const TRACKING_TOKEN = /^[A-Za-z0-9_-]{32,64}$/

export function isTrackingToken(value: unknown): value is string {
  return typeof value === 'string' && TRACKING_TOKEN.test(value)
}

export interface OrderMoney {
  /** Order total (all ordered lines, tax included). */
  total: number
  /** Invoice totals minus credit-note totals. */
  invoicedNet: number
  /** Money held: payments and deposits minus refunds. */
  paidNet: number
  cancelled: boolean
}

/**
 * What the customer still has to pay in all, deposit and earlier payments deducted (negative: money owed back). Until
 * everything is invoiced the order total is what it will cost; once invoices exceed it (nothing does today, but a
 * re-invoice after a credit could) they count. A cancelled order owes only what was invoiced. Same rule as
 * OrderDetailDTO.outstanding.
 */
export function leftToPay(money: OrderMoney): number {
  const owed = money.cancelled ? money.invoicedNet : Math.max(money.total, money.invoicedNet)
  return owed - money.paidNet
}

/** Change to hand back for cash: what was tendered minus what is paid; null when the cash does not cover it. */
export function changeDue(tendered: number, amount: number): number | null {
  if (!Number.isSafeInteger(tendered) || !Number.isSafeInteger(amount) || amount < 0) return null
  return tendered >= amount ? tendered - amount : null
}
