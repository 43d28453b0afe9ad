// An order's progress has separate dimensions, each derived from its lines and documents, never typed in. The
// server recomputes them in the transaction that changes their inputs; the checks below return a DomainError
// (or null) instead of throwing, so callers can collect or map them.

import { DomainError } from './errors'

export const FULFILLMENT_STATUSES = ['NOT_STARTED', 'PARTLY_FULFILLED', 'FULFILLED'] as const
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]
export const BILLING_STATUSES = ['UNBILLED', 'PARTLY_BILLED', 'BILLED'] as const
export type BillingStatus = (typeof BILLING_STATUSES)[number]
export const PAYMENT_STATUSES = ['UNPAID', 'PARTLY_PAID', 'PAID', 'REFUNDED'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]
export const HANDOVERS = ['WAITING', 'COLLECTED', 'DELIVERED'] as const
export type Handover = (typeof HANDOVERS)[number]
export const CUSTOMER_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'READY', 'COLLECTED', 'DELIVERED', 'ON_HOLD', 'CANCELLED'] as const
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]

export interface FulfillableLine {
  quantity: number
  qtyFulfilled: number
}
export interface OrderLineQuantities extends FulfillableLine {
  /** Net of credit notes that gave quantities back to "to invoice". */
  qtyInvoiced: number
}

/** An order with no lines, or no fulfilled unit at all, has not started (an empty order is not "fulfilled"). */
export function fulfillmentStatus(lines: readonly FulfillableLine[]): FulfillmentStatus {
  if (!lines.some((line) => line.qtyFulfilled > 0)) return 'NOT_STARTED'
  if (lines.every((line) => line.qtyFulfilled >= line.quantity)) return 'FULFILLED'
  return 'PARTLY_FULFILLED'
}

/**
 * Billed means every ordered unit is invoiced (not only every fulfilled one): invoicing what is done so far of a
 * partly fulfilled order leaves it PARTLY_BILLED.
 */
export function billingStatus(lines: readonly OrderLineQuantities[]): BillingStatus {
  if (!lines.some((line) => line.qtyInvoiced > 0)) return 'UNBILLED'
  if (lines.every((line) => line.qtyInvoiced >= line.quantity)) return 'BILLED'
  return 'PARTLY_BILLED'
}

export interface PaymentFigures {
  /** Invoice totals minus credit-note totals (gross, minor units). */
  invoicedNet: number
  /** Money received, deposit included (positive). */
  paid: number
  /** Money paid back (positive). */
  refunded: number
  /**
   * Whether at least one invoice has been issued. Only matters for an order invoiced at 0 (free work): with it,
   * such an order counts as PAID and can close; without it, it stays UNPAID forever.
   */
  invoiced?: boolean
}

/**
 * Payment status from money in and out against what was invoiced. First matching rule wins:
 *  1. REFUNDED: something was paid and refunds brought the money held back to zero (or below): the usual end of a
 *     cancelled or fully credited order.
 *  2. PAID: there is something to pay (invoicedNet > 0) and the money held covers it. Overpayment is still PAID;
 *     the surplus shows as a negative balanceDue.
 *  3. PAID: an issued invoice (or invoices and credits) nets to 0 and no money is held: nothing is owed.
 *  4. PARTLY_PAID: some money is held. This covers a deposit before any invoice, a payment short of the invoices,
 *     and money still held after a full credit note, before its refund.
 *  5. UNPAID otherwise.
 */
export function paymentStatus(figures: PaymentFigures): PaymentStatus {
  const { invoicedNet, paid, refunded } = figures
  const held = paid - refunded
  if (refunded > 0 && paid > 0 && held <= 0) return 'REFUNDED'
  if (invoicedNet > 0 && held >= invoicedNet) return 'PAID'
  if (figures.invoiced === true && invoicedNet === 0 && held === 0) return 'PAID'
  if (held > 0) return 'PARTLY_PAID'
  return 'UNPAID'
}

/** What an order's derived statuses are computed from: its lines, its money, and whether it left or was cancelled. */
export interface OrderFacts extends Required<PaymentFigures> {
  lines: readonly OrderLineQuantities[]
  handover: Handover
  cancelled: boolean
}

export interface DerivedOrderStatuses {
  fulfillment: FulfillmentStatus
  billing: BillingStatus
  payment: PaymentStatus
  closed: boolean
}

/** Every derived status of an order from its facts — the one rule behind refreshOrderState (each change), the new
 * order at the counter (newOrderStatuses) and the rows the order factory writes (seed, tests, benchmarks). */
export function orderStatuses(facts: OrderFacts): DerivedOrderStatuses {
  const fulfillment = fulfillmentStatus(facts.lines)
  const billing = billingStatus(facts.lines)
  const payment = paymentStatus(facts)
  return { fulfillment, billing, payment, closed: isClosed({ handover: facts.handover, billing, payment, cancelled: facts.cancelled }) }
}

/** The derived statuses of an order as it is taken: nothing fulfilled or invoiced yet, and a deposit (money held
 * before any invoice) makes it partly paid — the same rules as for any later change, applied to the new order. */
export function newOrderStatuses(
  lines: readonly { quantity: number }[],
  deposit: number,
): { fulfillment: FulfillmentStatus; billing: BillingStatus; payment: PaymentStatus } {
  const untouched = lines.map((line) => ({ quantity: line.quantity, qtyFulfilled: 0, qtyInvoiced: 0 }))
  const { fulfillment, billing, payment } = orderStatuses({
    lines: untouched,
    invoicedNet: 0,
    paid: deposit,
    refunded: 0,
    invoiced: false,
    handover: 'WAITING',
    cancelled: false,
  })
  return { fulfillment, billing, payment }
}

/** What the customer still owes (negative: what the business owes back). */
export function balanceDue(figures: Pick<PaymentFigures, 'invoicedNet' | 'paid' | 'refunded'>): number {
  return figures.invoicedNet - (figures.paid - figures.refunded)
}

export interface OrderState {
  fulfillment: FulfillmentStatus
  handover: Handover
  heldAt: Date | null
  cancelledAt: Date | null
}

/** Precedence: CANCELLED > COLLECTED/DELIVERED > ON_HOLD > READY > IN_PROGRESS > RECEIVED. */
export function customerStatus(order: OrderState): CustomerStatus {
  if (order.cancelledAt !== null) return 'CANCELLED'
  if (order.handover === 'COLLECTED') return 'COLLECTED'
  if (order.handover === 'DELIVERED') return 'DELIVERED'
  if (order.heldAt !== null) return 'ON_HOLD'
  if (order.fulfillment === 'FULFILLED') return 'READY'
  if (order.fulfillment === 'PARTLY_FULFILLED') return 'IN_PROGRESS'
  return 'RECEIVED'
}

/**
 * Overdue: the due time has passed and the shop has not finished the order — not ready (fulfilled), not handed over,
 * not cancelled. On hold counts (a hold does not move the due date). Once ready it is no longer the shop that is late:
 * a ready order waiting for its customer is "waiting", not overdue. The one definition: the queue, the desk, the order
 * pages and the KPIs use it (SQL through overdueWhere in src/server/orders/overdue-sql.ts, tested against this).
 */
export function isOverdue(
  order: { dueAt: Date; fulfillment: FulfillmentStatus; handover: Handover; cancelled: boolean },
  now: Date,
): boolean {
  return !order.cancelled && order.handover === 'WAITING' && order.fulfillment !== 'FULFILLED' && order.dueAt.getTime() < now.getTime()
}

/**
 * Work left: not cancelled, not closed, and some line not fully made yet. The one rule for what a break handover
 * moves, what a deactivation must hand over, and the team page's "open orders" (SQL through workLeftWhere in
 * src/server/orders/work-left.ts, tested against this). A fulfilled order waiting for its customer or its money has
 * no work left for whoever it is assigned to.
 */
export function hasWorkLeft(order: { fulfillment: FulfillmentStatus; cancelled: boolean; closed: boolean }): boolean {
  return !order.cancelled && !order.closed && order.fulfillment !== 'FULFILLED'
}

/** Collected or delivered, fully billed and fully paid, and not cancelled. */
export function isClosed(order: { handover: Handover; billing: BillingStatus; payment: PaymentStatus; cancelled: boolean }): boolean {
  return !order.cancelled && order.handover !== 'WAITING' && order.billing === 'BILLED' && order.payment === 'PAID'
}

/** The customer-facing progress bar; DELIVERED takes the last step's place. */
export const CUSTOMER_STEPS = ['RECEIVED', 'IN_PROGRESS', 'READY', 'COLLECTED'] as const
export type CustomerStep = (typeof CUSTOMER_STEPS)[number]

/** Position on CUSTOMER_STEPS; -1 for ON_HOLD and CANCELLED, which sit beside the steps rather than on them. */
export function customerStepIndex(status: CustomerStatus): number {
  if (status === 'DELIVERED') return CUSTOMER_STEPS.length - 1
  return (CUSTOMER_STEPS as readonly string[]).indexOf(status)
}

// ---- Quantity rules ---------------------------------------------------------------------------------------------

function invalidQuantity(messageKey: string, params: Record<string, number> = {}): DomainError {
  return new DomainError('INVALID', messageKey, params, 'quantity')
}

/**
 * Recording `delta` more (or, negative, fewer: a correction) fulfilled units on a line. The result must stay within
 * [qtyInvoiced, quantity]: units already invoiced cannot be un-fulfilled without crediting them first.
 */
export function checkFulfill(line: OrderLineQuantities, delta: number): DomainError | null {
  if (!Number.isSafeInteger(delta) || delta === 0) return invalidQuantity('errors.invalidQuantity')
  const next = line.qtyFulfilled + delta
  if (next > line.quantity) {
    return invalidQuantity('errors.overFulfilled', { max: Math.max(0, line.quantity - line.qtyFulfilled) })
  }
  if (next < 0) return invalidQuantity('errors.underFulfilled', { min: -line.qtyFulfilled })
  if (next < line.qtyInvoiced) {
    return invalidQuantity('errors.fulfilledBelowInvoiced', { invoiced: line.qtyInvoiced })
  }
  return null
}

/** Units done but not yet invoiced. */
export function invoiceableQuantity(line: OrderLineQuantities): number {
  return Math.max(0, line.qtyFulfilled - line.qtyInvoiced)
}

/** Invoicing `quantity` units of a line: a positive integer no larger than invoiceableQuantity. */
export function checkInvoice(line: OrderLineQuantities, quantity: number): DomainError | null {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return invalidQuantity('errors.invalidQuantity')
  const max = invoiceableQuantity(line)
  if (quantity > max) return invalidQuantity('errors.overInvoiced', { max })
  return null
}

/** Units of an invoice line that can still be credited. */
export function creditableQuantity(invoicedQty: number, alreadyCredited: number): number {
  return Math.max(0, invoicedQty - alreadyCredited)
}

/** Crediting `quantity` units of an invoice line: a positive integer no larger than creditableQuantity. */
export function checkCredit(invoicedQty: number, alreadyCredited: number, quantity: number): DomainError | null {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) return invalidQuantity('errors.invalidQuantity')
  const max = creditableQuantity(invoicedQty, alreadyCredited)
  if (quantity > max) return invalidQuantity('errors.overCredited', { max })
  return null
}

// ---- Order transitions -------------------------------------------------------------------------------------------

export const ORDER_ACTIONS = ['FULFILL', 'HAND_OVER', 'HOLD', 'RELEASE', 'CANCEL', 'INVOICE'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

/** Why an order action is not allowed now: one code per rule, shown by pages in their own words. */
export const BLOCK_REASONS = ['orderCancelled', 'orderHandedOver', 'orderOnHold', 'orderNotOnHold', 'orderNotFulfilled'] as const
export type BlockReason = (typeof BLOCK_REASONS)[number]

/**
 * Why `action` is not allowed on the order now, or null when it is — the one definition; transitionError (use cases)
 * and the pages (through the order's DTO, `blocked`) both read it. Rules:
 *  - nothing happens to a cancelled order (refunds of its payments are payments, not order actions);
 *  - FULFILL (including corrections): not on hold, not after handover (handover froze what the customer took);
 *  - HAND_OVER: requires FULFILLED, not on hold, only once. There is no partial handover: a customer who takes
 *    part of an order takes it after the rest is corrected down or split off;
 *  - HOLD: not after handover, not twice; RELEASE: only when held;
 *  - CANCEL: not after handover (a blank reason is an input error, checked by transitionError);
 *  - INVOICE: anything not cancelled, held or not (a hold stops the work, not the paperwork).
 */
export function transitionBlock(order: OrderState, action: OrderAction): BlockReason | null {
  if (order.cancelledAt !== null) return 'orderCancelled'
  const handedOver = order.handover !== 'WAITING'
  const held = order.heldAt !== null
  switch (action) {
    case 'FULFILL':
    case 'HOLD':
      if (handedOver) return 'orderHandedOver'
      if (held) return 'orderOnHold'
      return null
    case 'HAND_OVER':
      if (handedOver) return 'orderHandedOver'
      if (held) return 'orderOnHold'
      if (order.fulfillment !== 'FULFILLED') return 'orderNotFulfilled'
      return null
    case 'RELEASE':
      return held ? null : 'orderNotOnHold'
    case 'CANCEL':
      return handedOver ? 'orderHandedOver' : null
    case 'INVOICE':
      return null
  }
}

/** transitionBlock for every action: what an order's DTO carries so pages never re-derive it. */
export function transitionBlocks(order: OrderState): Record<OrderAction, BlockReason | null> {
  return Object.fromEntries(ORDER_ACTIONS.map((action) => [action, transitionBlock(order, action)])) as Record<
    OrderAction,
    BlockReason | null
  >
}

/**
 * transitionBlock as the error a use case throws (CONFLICT, message `errors.<reason>`), or null when allowed.
 * CANCEL also requires a non-blank reason. Cancelling does not touch invoices; issued ones are credited separately.
 */
export function transitionError(order: OrderState, action: OrderAction, options: { reason?: string | null } = {}): DomainError | null {
  const block = transitionBlock(order, action)
  if (block !== null) return new DomainError('CONFLICT', `errors.${block}`)
  if (action === 'CANCEL' && (options.reason ?? '').trim() === '') {
    return new DomainError('INVALID', 'errors.reasonRequired', {}, 'reason')
  }
  return null
}

export function canTransition(order: OrderState, action: OrderAction, options: { reason?: string | null } = {}): boolean {
  return transitionError(order, action, options) === null
}
