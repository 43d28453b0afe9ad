// Pure rules of the counter: the default due date of a new order, the shape of a tracking token, what a customer
// still has to pay, the change to hand back, and how typed amounts, due-date shortcuts and unfinished input are read.
// Shared by the intake form (client), the use cases and the tests.

import { currencyExponent, MAX_AMOUNT, parseLocaleAmount } from './money'
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

// ---------------------------------------------------------------------------------------------------------------
// What the receptionist types, read the same way by the form and its tests.

export type AmountReading = { ok: true; amount: number } | { ok: false; problem: 'invalid' | 'tooLarge' }

/**
 * An amount typed at the counter (a price, a deposit, the cash given), in the user's number format. Says why it is
 * refused: "too large" (beyond MAX_AMOUNT, the column's headroom) is not the same mistake as a typo, and the message
 * names the limit. Negative amounts are invalid here: nothing at the counter is typed as a negative amount.
 */
export function readAmount(text: string, currency: string, locale: string): AmountReading {
  const amount = parseLocaleAmount(text, currency, locale)
  if (amount !== null) return amount >= 0 ? { ok: true, amount } : { ok: false, problem: 'invalid' }
  const trimmed = text.trim()
  // Only digits and the separators people type: would it be a number if the limit were higher?
  if (!/^\+?\d[\d\s.,'\u00a0\u202f]*$/u.test(trimmed)) return { ok: false, problem: 'invalid' }
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  const integerDigits = (trimmed.split(decimal)[0] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '')
  const maxMajor = String(Math.floor(MAX_AMOUNT / 10 ** currencyExponent(currency)))
  const tooLarge = integerDigits.length > maxMajor.length || (integerDigits.length === maxMajor.length && integerDigits > maxMajor)
  return { ok: false, problem: tooLarge ? 'tooLarge' : 'invalid' }
}

export const MAX_DUE_DAYS_AHEAD = 366

/**
 * The due-date shortcuts of the counter, typed in one box: `+2` (in two days), `t` or `mai` (tomorrow), `0` days with
 * `+0`, and a time: `17`, `17:30`, `17h`, `17h30`, `1730`. Words are separated by spaces, in any order ("+2 17",
 * "17 t"). Null when a word is not understood, so nothing is guessed; a part not typed keeps its current value.
 */
export function readDueShortcut(text: string, today: string): { dueDate?: string; dueTime?: string } | null {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.length > 2) return null
  const out: { dueDate?: string; dueTime?: string } = {}
  for (const word of words) {
    const days = word === 't' || word === 'mai' ? 1 : /^\+\d{1,3}$/.test(word) ? Number(word.slice(1)) : null
    if (days !== null) {
      if (out.dueDate !== undefined || days > MAX_DUE_DAYS_AHEAD) return null
      out.dueDate = addDays(today, days)
      continue
    }
    const time = /^(\d{1,2})(?:[:h.]?(\d{2}))?h?$/.exec(word)
    if (!time || out.dueTime !== undefined) return null
    const hours = Number(time[1])
    const minutes = Number(time[2] ?? '0')
    if (hours > 23 || minutes > 59) return null
    out.dueTime = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
  }
  return out
}

export type Unfinished = { kind: 'productSearch'; text: string } | { kind: 'quantity'; line: number; name: string }

/**
 * What would be lost or guessed if the order were created now: text left in the product search (a product not yet
 * added) and lines whose quantity was never confirmed (the field still has the focus it got when the line was added,
 * never left with Enter, Tab or a click, never typed in). The form asks before creating the order with any of them.
 */
export function unfinishedInput(state: {
  productSearch: string
  lines: readonly { name: string; quantityConfirmed: boolean }[]
}): Unfinished[] {
  const out: Unfinished[] = []
  if (state.productSearch.trim() !== '') out.push({ kind: 'productSearch', text: state.productSearch.trim() })
  state.lines.forEach((l, i) => {
    if (!l.quantityConfirmed) out.push({ kind: 'quantity', line: i + 1, name: l.name })
  })
  return out
}

export type DepositProblem = 'invalid' | 'tooLarge' | 'notPositive' | 'overTotal' | 'tenderedLow'

export interface DepositReading {
  /** The deposit to take; undefined when none is typed or it is refused. */
  amount?: number
  /** Cash handed over, when typed and valid (cash only). */
  tendered?: number
  problems: { amount?: DepositProblem; tendered?: DepositProblem }
}

/**
 * The deposit part of the intake as typed: refused with a reason while it is not an amount, too large, zero, or more
 * than the order's total (null total: not computable, no comparison); the cash given must cover it. What is left to
 * pay after the deposit is only shown for an accepted deposit.
 */
export function readDeposit(
  input: { deposit: string; tendered: string; method: string; total: number | null },
  currency: string,
  locale: string,
): DepositReading {
  if (input.deposit.trim() === '') return { problems: {} }
  const deposit = readAmount(input.deposit, currency, locale)
  if (!deposit.ok) return { problems: { amount: deposit.problem } }
  if (deposit.amount <= 0) return { problems: { amount: 'notPositive' } }
  if (input.total !== null && deposit.amount > input.total) return { problems: { amount: 'overTotal' } }
  if (input.method !== 'CASH' || input.tendered.trim() === '') return { amount: deposit.amount, problems: {} }
  const tendered = readAmount(input.tendered, currency, locale)
  if (!tendered.ok) return { amount: deposit.amount, problems: { tendered: tendered.problem } }
  if (tendered.amount < deposit.amount) return { amount: deposit.amount, problems: { tendered: 'tenderedLow' } }
  return { amount: deposit.amount, tendered: tendered.amount, problems: {} }
}
