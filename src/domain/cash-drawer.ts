// The cash drawer: what should be in it, what was counted and the difference (docs/decisions/017-cash-drawer.md).
// Pure and integer-only (minor units of the business currency). The server feeds it the session's float, its cash
// payments (receipts > 0, refunds and returned deposits < 0: change is already netted in a payment's amount) and its
// recorded cash in/out, and stores what it returns when the drawer is closed.

import { MAX_AMOUNT } from './money'

/**
 * The notes (and coins) a drawer is counted in, largest first, in minor units. VND: the State Bank's notes in use from
 * 500,000 down to 1,000 (the 500 ₫ note and the coins no longer change hands at a counter). Other currencies get their
 * usual notes and coins; an unknown currency is counted as one total (an empty list).
 */
export const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  VND: [500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000],
  EUR: [50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 25, 10, 5, 1],
}

export function denominationsFor(currency: string): readonly number[] {
  return DENOMINATIONS[currency] ?? []
}

/** How many pieces of each denomination were counted (keys: the denomination in minor units, as a string). */
export type DenominationCount = Readonly<Record<string, number>>

/** Most pieces of one denomination a count may list (a drawer holds a few hundred notes, not a million). */
export const MAX_PIECES = 100_000

/**
 * The total of a count by denomination. Refuses (RangeError) a denomination the currency does not have, a negative or
 * fractional number of pieces, and a total beyond the amounts the database stores.
 */
export function countTotal(currency: string, counts: DenominationCount): number {
  const allowed = new Set(denominationsFor(currency))
  let total = 0
  for (const [key, pieces] of Object.entries(counts)) {
    const value = Number(key)
    if (!allowed.has(value)) throw new RangeError(`${key} is not a ${currency} denomination`)
    if (!Number.isSafeInteger(pieces) || pieces < 0 || pieces > MAX_PIECES) throw new RangeError(`bad count ${pieces} for ${key}`)
    total += value * pieces
  }
  if (total > MAX_AMOUNT) throw new RangeError(`count ${total} exceeds ${MAX_AMOUNT}`)
  return total
}

/** One thing that moved cash in or out of an open drawer. */
export type CashEvent =
  /** Cash taken for an order (deposit or payment; amount > 0) or paid back (refund, returned deposit; amount < 0). */
  | { kind: 'PAYMENT'; amount: number }
  /** Cash put in or taken out with a reason (change brought from the bank, paper bought, takings banked); > 0. */
  | { kind: 'IN' | 'OUT'; amount: number }

export interface CashTotals {
  float: number
  /** Cash received for orders. */
  taken: number
  /** Cash paid back to customers (a positive number). */
  givenBack: number
  /** Recorded cash in. */
  paidIn: number
  /** Recorded cash out (a positive number). */
  paidOut: number
  /** What should be in the drawer: float + taken - givenBack + paidIn - paidOut. */
  expected: number
}

function checkAmount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_AMOUNT) throw new RangeError(`${what} must be an integer amount, got ${n}`)
}

/** The session's totals and the cash it should hold now. */
export function cashTotals(float: number, events: readonly CashEvent[]): CashTotals {
  checkAmount(float, 'float')
  if (float < 0) throw new RangeError('the float cannot be negative')
  const totals = { float, taken: 0, givenBack: 0, paidIn: 0, paidOut: 0 }
  for (const e of events) {
    checkAmount(e.amount, e.kind)
    if (e.kind === 'PAYMENT') {
      if (e.amount >= 0) totals.taken += e.amount
      else totals.givenBack -= e.amount
    } else {
      if (e.amount <= 0) throw new RangeError(`a cash ${e.kind} must be positive, got ${e.amount}`)
      if (e.kind === 'IN') totals.paidIn += e.amount
      else totals.paidOut += e.amount
    }
  }
  return { ...totals, expected: float + totals.taken - totals.givenBack + totals.paidIn - totals.paidOut }
}

/** Counted minus expected: negative when cash is missing, positive when there is more than there should be. */
export function cashDifference(expected: number, counted: number): number {
  return counted - expected
}

/** A difference beyond the shop's threshold (either way) must be explained in a note before the drawer closes. */
export function differenceNeedsNote(difference: number, threshold: number): boolean {
  return Math.abs(difference) > threshold
}

export interface DifferenceRow {
  /** The business day the session was closed on (YYYY-MM-DD). */
  day: string
  personId: string
  personName: string
  difference: number
}

/** Per person and day: the sum of the differences of the sessions they opened, the count and the worst one. */
export interface DifferenceSummary {
  day: string
  personId: string
  personName: string
  sessions: number
  total: number
  /** The session difference furthest from zero. */
  worst: number
}

/** Groups closed sessions' differences per day and person: newest day first, then by name. */
export function summariseDifferences(rows: readonly DifferenceRow[]): DifferenceSummary[] {
  const groups = new Map<string, DifferenceSummary>()
  for (const r of rows) {
    const key = `${r.day}|${r.personId}`
    const g = groups.get(key) ?? { day: r.day, personId: r.personId, personName: r.personName, sessions: 0, total: 0, worst: 0 }
    g.sessions += 1
    g.total += r.difference
    if (Math.abs(r.difference) > Math.abs(g.worst)) g.worst = r.difference
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => (a.day === b.day ? a.personName.localeCompare(b.personName) : a.day < b.day ? 1 : -1))
}
