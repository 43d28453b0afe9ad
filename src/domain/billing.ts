// Money on an order's books: which payment settles which invoice, what is still open, how much more the customer may
// pay, how much may be paid back, receivables ageing and CSV cells. Pure and integer-only (minor units); the server
// feeds it rows and writes back what it returns, inside the transaction that holds the order's row lock.
//
// The ledger of one order:
//  - invoice i:    net_i = total_i - credited_i (credit notes against it), allocated_i = sum of allocation rows
//                  (positive from payments, negative from refunds and from moving money to another invoice),
//                  open_i = net_i - allocated_i. Negative open = the customer paid more than the invoice now asks
//                  (typically after a credit note): money the business owes back or moves to another invoice.
//  - payment p:    DEPOSIT/PAYMENT amount > 0; unallocated_p = amount_p - sum of its allocation rows (money held on
//                  the order, not yet applied to an invoice).
//  - refund r:     amount < 0 against a credit note, allocated (negatively) to that credit note's invoice.
//  - return r:     amount < 0 with no credit note and no invoice: unapplied money (a deposit) handed back on a
//                  cancelled order. It was never on an invoice, so there is nothing to credit; it takes the money
//                  out of the newest payments' unallocated part (withReturns).
// Settling (planSettlement) applies held money to open invoices oldest first, first unallocated payments, then the
// surplus on over-paid invoices; so at rest no invoice is open while money on the same order sits unused.

import { DomainError } from './errors'
import { MAX_AMOUNT } from './money'

export interface LedgerInvoice {
  id: string
  /** Gross total of the invoice. */
  total: number
  /** Sum of credit-note totals against it. */
  credited: number
}

/** A DEPOSIT or PAYMENT (amount > 0). Refunds are not sources of money; their allocations still count. */
export interface LedgerPayment {
  id: string
  amount: number
}

export interface LedgerAllocation {
  paymentId: string
  invoiceId: string
  /** Non-zero; negative for refunds and for money moved off an invoice. */
  amount: number
}

function checkAmount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_AMOUNT * 1000) throw new RangeError(`${what} must be a safe integer, got ${n}`)
}

function sumBy<T>(items: readonly T[], pick: (item: T) => number): number {
  let s = 0
  for (const item of items) s += pick(item)
  return s
}

/** What an invoice still asks for: total - credited - allocated (negative: paid more than it now asks). */
export function invoiceOpen(invoice: LedgerInvoice, allocations: readonly LedgerAllocation[]): number {
  checkAmount(invoice.total, 'total')
  checkAmount(invoice.credited, 'credited')
  return (
    invoice.total -
    invoice.credited -
    sumBy(
      allocations.filter((a) => a.invoiceId === invoice.id),
      (a) => a.amount,
    )
  )
}

/** Money of a payment not yet applied to any invoice. */
export function paymentUnallocated(payment: LedgerPayment, allocations: readonly LedgerAllocation[]): number {
  checkAmount(payment.amount, 'amount')
  return (
    payment.amount -
    sumBy(
      allocations.filter((a) => a.paymentId === payment.id),
      (a) => a.amount,
    )
  )
}

/**
 * Split `amount` over open invoices in the order given (callers pass them oldest first). Returns how much each
 * invoice gets (only positive shares) and what is left over.
 */
export function allocateOldestFirst(
  amount: number,
  invoices: ReadonlyArray<{ id: string; open: number }>,
): { allocations: Array<{ invoiceId: string; amount: number }>; rest: number } {
  checkAmount(amount, 'amount')
  if (amount < 0) throw new RangeError('amount must not be negative')
  let rest = amount
  const allocations: Array<{ invoiceId: string; amount: number }> = []
  for (const invoice of invoices) {
    if (rest === 0) break
    checkAmount(invoice.open, 'open')
    if (invoice.open <= 0) continue
    const share = Math.min(rest, invoice.open)
    allocations.push({ invoiceId: invoice.id, amount: share })
    rest -= share
  }
  return { allocations, rest }
}

/**
 * The allocation rows that settle an order's books: money held (unallocated payments, oldest first; then the surplus
 * on over-paid invoices, oldest invoice first, taken from the newest payment that paid it) goes to open invoices,
 * oldest first. Invoices and payments must be passed oldest first. Returns new rows only (to append: allocations are
 * immutable), merged per (payment, invoice); moving surplus produces a negative row on the over-paid invoice and a
 * positive one on the invoice it now settles.
 *
 * Guarantees (property-tested): no payment is ever allocated more than its amount, no invoice receives more than
 * it has open, no surplus is moved that was not there, and afterwards no invoice is open while usable money remains.
 */
export function planSettlement(
  invoices: readonly LedgerInvoice[],
  payments: readonly LedgerPayment[],
  allocations: readonly LedgerAllocation[],
): LedgerAllocation[] {
  const paymentIds = new Set(payments.map((p) => p.id))
  const open = new Map(invoices.map((i) => [i.id, invoiceOpen(i, allocations)]))
  const sinks = invoices.filter((i) => (open.get(i.id) ?? 0) > 0)
  if (sinks.length === 0) return []

  // Sources of money, in the order they are used.
  type Source = { paymentId: string; fromInvoiceId: string | null; available: number }
  const sources: Source[] = []
  for (const p of payments) {
    const unallocated = paymentUnallocated(p, allocations)
    if (unallocated > 0) sources.push({ paymentId: p.id, fromInvoiceId: null, available: unallocated })
  }
  for (const invoice of invoices) {
    let surplus = -(open.get(invoice.id) ?? 0)
    if (surplus <= 0) continue
    // Newest payment first: the last money in is the first to move on.
    for (const p of [...payments].reverse()) {
      if (surplus === 0) break
      const onInvoice = sumBy(
        allocations.filter((a) => a.paymentId === p.id && a.invoiceId === invoice.id),
        (a) => a.amount,
      )
      if (onInvoice <= 0) continue
      const take = Math.min(onInvoice, surplus)
      sources.push({ paymentId: p.id, fromInvoiceId: invoice.id, available: take })
      surplus -= take
    }
  }

  const rows = new Map<string, LedgerAllocation>()
  const add = (paymentId: string, invoiceId: string, amount: number) => {
    if (!paymentIds.has(paymentId)) throw new RangeError(`unknown payment ${paymentId}`)
    const key = `${paymentId}\u0000${invoiceId}`
    const row = rows.get(key)
    if (row) row.amount += amount
    else rows.set(key, { paymentId, invoiceId, amount })
  }
  let s = 0
  for (const sink of sinks) {
    let need = open.get(sink.id) ?? 0
    while (need > 0 && s < sources.length) {
      const source = sources[s]!
      const take = Math.min(need, source.available)
      if (take > 0) {
        add(source.paymentId, sink.id, take)
        if (source.fromInvoiceId !== null) add(source.paymentId, source.fromInvoiceId, -take)
        source.available -= take
        need -= take
      }
      if (source.available === 0) s++
    }
    if (s >= sources.length) break
  }
  return [...rows.values()].filter((r) => r.amount !== 0)
}

export interface OrderMoney {
  /** Order total (all lines, gross). */
  orderTotal: number
  /** Invoice totals minus credit-note totals. */
  invoicedNet: number
  /** Money held: payments (deposit included) minus refunds. */
  held: number
  cancelled: boolean
}

/**
 * What the order will cost in the end: for an open order the larger of its total and what is invoiced (invoices can
 * add up to a little more than the order total because each rounds its own lines); for a cancelled order only what
 * was invoiced.
 */
export function orderCost(money: OrderMoney): number {
  return money.cancelled ? money.invoicedNet : Math.max(money.orderTotal, money.invoicedNet)
}

/** The most the customer may still pay on an order: money held may never exceed what it will cost. */
export function maxPayable(money: OrderMoney): number {
  return Math.max(0, orderCost(money) - money.held)
}

/** Refusal (or null) for paying `amount` on an order, optionally against an invoice with `invoiceOpen` open. */
export function checkPayment(money: OrderMoney, amount: number, invoiceOpenAmount?: number): DomainError | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return new DomainError('INVALID', 'errors.invalidAmount', {}, 'amount')
  if (amount > MAX_AMOUNT) return new DomainError('INVALID', 'errors.amountTooLarge', { max: MAX_AMOUNT }, 'amount')
  const max = Math.min(maxPayable(money), invoiceOpenAmount === undefined ? Infinity : Math.max(0, invoiceOpenAmount))
  if (max === 0) return new DomainError('CONFLICT', 'back.errors.nothingToPay')
  if (amount > max) return new DomainError('CONFLICT', 'back.errors.overpayment', { max }, 'amount')
  return null
}

/** Change to hand back for cash; refusal when tendered is given for another method or is less than the amount. */
export function cashChange(method: 'CASH' | 'CARD' | 'TRANSFER', amount: number, tendered: number | undefined): number | DomainError {
  if (tendered === undefined) return 0
  if (method !== 'CASH') return new DomainError('INVALID', 'back.errors.tenderedOnlyCash', {}, 'tendered')
  if (!Number.isSafeInteger(tendered) || tendered < amount) return new DomainError('INVALID', 'back.errors.tenderedTooLow', {}, 'tendered')
  return tendered - amount
}

export interface RefundFigures {
  /** Total of the credit note the refund is against. */
  creditTotal: number
  /** Already refunded against this credit note (positive). */
  refundedOnCredit: number
  /** Open balance of the credit note's invoice (negative = paid more than it now asks). */
  invoiceOpen: number
  /** Money held on the order (payments minus refunds). */
  held: number
}

/**
 * The most that may be paid back against a credit note: never more than it credited (less earlier refunds), never
 * more than the customer over-paid the invoice, never more than the money held.
 */
export function maxRefund(f: RefundFigures): number {
  return Math.max(0, Math.min(f.creditTotal - f.refundedOnCredit, -f.invoiceOpen, f.held))
}

/**
 * Payments as sources of money once returns of unapplied money are taken out, newest payment first (the money
 * handed back is the money that came in last). A payment emptied by returns drops out.
 */
export function withReturns(
  payments: readonly LedgerPayment[],
  allocations: readonly LedgerAllocation[],
  returned: number,
): LedgerPayment[] {
  checkAmount(returned, 'returned')
  let rest = Math.max(0, returned)
  const out = payments.map((p) => ({ ...p }))
  for (let i = out.length - 1; i >= 0 && rest > 0; i--) {
    const payment = out[i]!
    const take = Math.min(rest, Math.max(0, paymentUnallocated(payment, allocations)))
    payment.amount -= take
    rest -= take
  }
  return out.filter((p) => p.amount > 0 || allocations.some((a) => a.paymentId === p.id))
}

/**
 * The most that may be handed back without a credit note: only on a cancelled order, only money never applied to an
 * invoice (`unallocated`), and never below what the order still costs (its invoices net of credit notes).
 */
export function maxReturn(money: OrderMoney, unallocated: number): number {
  if (!money.cancelled) return 0
  return Math.max(0, Math.min(unallocated, money.held - orderCost(money)))
}

export function checkReturn(money: OrderMoney, unallocated: number, amount: number): DomainError | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return new DomainError('INVALID', 'errors.invalidAmount', {}, 'amount')
  if (!money.cancelled) return new DomainError('CONFLICT', 'back.errors.returnOnlyCancelled')
  const max = maxReturn(money, unallocated)
  if (max === 0) return new DomainError('CONFLICT', 'back.errors.nothingToReturn')
  if (amount > max) return new DomainError('CONFLICT', 'back.errors.overReturn', { max }, 'amount')
  return null
}

export function checkRefund(f: RefundFigures, amount: number): DomainError | null {
  if (!Number.isSafeInteger(amount) || amount <= 0) return new DomainError('INVALID', 'errors.invalidAmount', {}, 'amount')
  const max = maxRefund(f)
  if (max === 0) return new DomainError('CONFLICT', 'back.errors.nothingToRefund')
  if (amount > max) return new DomainError('CONFLICT', 'back.errors.overRefund', { max }, 'amount')
  return null
}

// ---- Receivables ------------------------------------------------------------------------------------------------

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

const DAY_MS = 86_400_000

/**
 * Whole days from `issuedYmd` to `todayYmd` (both YYYY-MM-DD business days; calendar arithmetic, no clocks).
 * Ageing counts days since issue: it is what the customer sees on the paper, and due dates follow from it.
 */
export function daysBetween(fromYmd: string, toYmd: string): number {
  const a = Date.parse(`${fromYmd}T00:00:00Z`)
  const b = Date.parse(`${toYmd}T00:00:00Z`)
  if (Number.isNaN(a) || Number.isNaN(b)) throw new RangeError(`Invalid day: ${fromYmd} / ${toYmd}`)
  return Math.round((b - a) / DAY_MS)
}

/** 0-30, 31-60, 61-90, 90+ days since issue (an invoice dated in the future counts as 0). */
export function agingBucket(ageDays: number): AgingBucket {
  if (ageDays <= 30) return '0-30'
  if (ageDays <= 60) return '31-60'
  if (ageDays <= 90) return '61-90'
  return '90+'
}

export type AgingTotals = Record<AgingBucket, number> & { total: number }

export function emptyAging(): AgingTotals {
  return { '0-30': 0, '31-60': 0, '61-90': 0, '90+': 0, total: 0 }
}

/** Add an open amount to its bucket (mutates and returns `totals`). */
export function addToAging(totals: AgingTotals, ageDays: number, open: number): AgingTotals {
  totals[agingBucket(ageDays)] += open
  totals.total += open
  return totals
}

// ---- CSV ----------------------------------------------------------------------------------------------------------

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text starting with = + - @ (or a tab / carriage return,
 * which some spreadsheets skip before evaluating) is prefixed with ' so it is never run as a formula; fields with a
 * comma, quote or line break are quoted. Numbers are written as they are (negative amounts stay numbers).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to CSV`)
    return String(value)
  }
  let text = value
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  if (/[",\r\n]/.test(text)) text = `"${text.replaceAll('"', '""')}"`
  return text
}

export function csvRow(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvCell).join(',')
}

/** Rows joined with CRLF, with a byte-order mark so spreadsheet programs read UTF-8 (Vietnamese names) correctly. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\uFEFF${rows.map(csvRow).join('\r\n')}\r\n`
}
