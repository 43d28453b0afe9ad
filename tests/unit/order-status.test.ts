import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '@/domain/errors'
import {
  BILLING_STATUSES,
  CUSTOMER_STEPS,
  FULFILLMENT_STATUSES,
  HANDOVERS,
  ORDER_ACTIONS,
  PAYMENT_STATUSES,
  type BillingStatus,
  type CustomerStatus,
  type FulfillmentStatus,
  type OrderAction,
  type OrderLineQuantities,
  type OrderState,
  type PaymentStatus,
  balanceDue,
  billingStatus,
  canTransition,
  checkCredit,
  checkFulfill,
  checkInvoice,
  creditableQuantity,
  customerStatus,
  customerStepIndex,
  fulfillmentStatus,
  invoiceableQuantity,
  isClosed,
  isOverdue,
  newOrderStatuses,
  paymentStatus,
  transitionBlock,
  transitionBlocks,
  transitionError,
} from '@/domain/order-status'

const AT = new Date('2026-03-01T08:00:00Z')

function l(quantity: number, qtyFulfilled: number, qtyInvoiced = 0): OrderLineQuantities {
  return { quantity, qtyFulfilled, qtyInvoiced }
}

/** Lines that respect the database invariant 0 <= qtyInvoiced <= qtyFulfilled <= quantity, quantity > 0. */
const validLine = fc
  .integer({ min: 1, max: 50 })
  .chain((quantity) =>
    fc
      .integer({ min: 0, max: quantity })
      .chain((qtyFulfilled) => fc.integer({ min: 0, max: qtyFulfilled }).map((qtyInvoiced) => ({ quantity, qtyFulfilled, qtyInvoiced }))),
  )
const validLines = fc.array(validLine, { minLength: 1, maxLength: 8 })

const fulfillmentRank = (s: FulfillmentStatus) => FULFILLMENT_STATUSES.indexOf(s)
const billingRank = (s: BillingStatus) => BILLING_STATUSES.indexOf(s)

describe('fulfillmentStatus', () => {
  it.each<[OrderLineQuantities[], FulfillmentStatus]>([
    [[], 'NOT_STARTED'],
    [[l(3, 0)], 'NOT_STARTED'],
    [[l(3, 0), l(1, 0)], 'NOT_STARTED'],
    [[l(3, 1)], 'PARTLY_FULFILLED'],
    [[l(3, 3), l(2, 0)], 'PARTLY_FULFILLED'],
    [[l(3, 2), l(2, 2)], 'PARTLY_FULFILLED'],
    [[l(3, 3)], 'FULFILLED'],
    [[l(3, 3), l(1, 1)], 'FULFILLED'],
  ])('%o -> %s', (lines, expected) => {
    expect(fulfillmentStatus(lines)).toBe(expected)
  })

  it('does not depend on line order', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        expect(fulfillmentStatus([...lines].reverse())).toBe(fulfillmentStatus(lines))
      }),
    )
  })

  it('never goes back when a line gets more done (monotonic)', () => {
    fc.assert(
      fc.property(validLines, fc.nat(), fc.nat(), (lines, pick, extra) => {
        const i = pick % lines.length
        const line = lines[i]!
        const more = Math.min(line.quantity, line.qtyFulfilled + 1 + (extra % line.quantity))
        const after = lines.map((x, j) => (j === i ? { ...x, qtyFulfilled: more } : x))
        expect(fulfillmentRank(fulfillmentStatus(after))).toBeGreaterThanOrEqual(fulfillmentRank(fulfillmentStatus(lines)))
      }),
    )
  })

  it('is FULFILLED exactly when every line is complete, NOT_STARTED exactly when nothing is done', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        const status = fulfillmentStatus(lines)
        expect(status === 'FULFILLED').toBe(lines.every((x) => x.qtyFulfilled === x.quantity))
        expect(status === 'NOT_STARTED').toBe(lines.every((x) => x.qtyFulfilled === 0))
      }),
    )
  })
})

describe('billingStatus', () => {
  it.each<[OrderLineQuantities[], BillingStatus]>([
    [[], 'UNBILLED'],
    [[l(3, 3, 0)], 'UNBILLED'],
    [[l(3, 1, 1)], 'PARTLY_BILLED'],
    [[l(3, 3, 3), l(2, 2, 0)], 'PARTLY_BILLED'],
    // Everything done so far is billed, but the order is not complete.
    [[l(3, 2, 2)], 'PARTLY_BILLED'],
    [[l(3, 3, 3)], 'BILLED'],
    [[l(3, 3, 3), l(1, 1, 1)], 'BILLED'],
  ])('%o -> %s', (lines, expected) => {
    expect(billingStatus(lines)).toBe(expected)
  })

  it('a credit note that frees quantities moves BILLED back to PARTLY_BILLED or UNBILLED', () => {
    expect(billingStatus([l(3, 3, 3)])).toBe('BILLED')
    expect(billingStatus([l(3, 3, 1)])).toBe('PARTLY_BILLED')
    expect(billingStatus([l(3, 3, 0)])).toBe('UNBILLED')
  })

  it('never goes back when more is invoiced, and is BILLED exactly when every unit is invoiced', () => {
    fc.assert(
      fc.property(validLines, fc.nat(), (lines, pick) => {
        const i = pick % lines.length
        const line = lines[i]!
        const after = lines.map((x, j) =>
          j === i ? { ...x, qtyFulfilled: x.quantity, qtyInvoiced: Math.min(x.quantity, line.qtyInvoiced + 1) } : x,
        )
        expect(billingRank(billingStatus(after))).toBeGreaterThanOrEqual(billingRank(billingStatus(lines)))
        expect(billingStatus(lines) === 'BILLED').toBe(lines.every((x) => x.qtyInvoiced === x.quantity))
        expect(billingStatus(lines) === 'UNBILLED').toBe(lines.every((x) => x.qtyInvoiced === 0))
      }),
    )
  })

  it('a billed order is always fulfilled', () => {
    fc.assert(
      fc.property(validLines, (lines) => {
        if (billingStatus(lines) === 'BILLED') expect(fulfillmentStatus(lines)).toBe('FULFILLED')
      }),
    )
  })
})

describe('paymentStatus', () => {
  it.each<[string, number, number, number, boolean | undefined, PaymentStatus]>([
    ['nothing yet', 0, 0, 0, undefined, 'UNPAID'],
    ['invoiced, nothing paid', 110_000, 0, 0, undefined, 'UNPAID'],
    ['deposit before any invoice', 0, 50_000, 0, undefined, 'PARTLY_PAID'],
    ['deposit short of the invoice', 110_000, 50_000, 0, undefined, 'PARTLY_PAID'],
    ['paid one unit short', 110_000, 109_999, 0, undefined, 'PARTLY_PAID'],
    ['paid exactly', 110_000, 110_000, 0, undefined, 'PAID'],
    ['deposit + payment exactly', 110_000, 110_000, 0, true, 'PAID'],
    ['overpaid', 110_000, 200_000, 0, undefined, 'PAID'],
    ['overpaid, surplus refunded', 110_000, 200_000, 90_000, undefined, 'PAID'],
    ['paid, part refunded after a partial credit note is not yet netted', 110_000, 110_000, 10_000, undefined, 'PARTLY_PAID'],
    ['partial credit note and matching refund', 100_000, 110_000, 10_000, undefined, 'PAID'],
    ['fully credited and refunded', 0, 110_000, 110_000, true, 'REFUNDED'],
    ['refunded everything although still invoiced', 110_000, 110_000, 110_000, undefined, 'REFUNDED'],
    ['cancelled before invoicing, deposit refunded', 0, 50_000, 50_000, undefined, 'REFUNDED'],
    ['fully credited, refund still to do', 0, 110_000, 0, true, 'PARTLY_PAID'],
    ['free order invoiced at 0', 0, 0, 0, true, 'PAID'],
    ['free order not invoiced yet', 0, 0, 0, false, 'UNPAID'],
    ['refund without payment (bad data) is not REFUNDED', 0, 0, 10_000, undefined, 'UNPAID'],
    ['invoiced, refund without payment (bad data)', 110_000, 0, 10_000, true, 'UNPAID'],
  ])('%s', (_, invoicedNet, paid, refunded, invoiced, expected) => {
    expect(paymentStatus({ invoicedNet, paid, refunded, ...(invoiced === undefined ? {} : { invoiced }) })).toBe(expected)
  })

  const money = fc.integer({ min: 0, max: 10_000_000 })

  it('paying more never makes an invoiced order less paid', () => {
    const rank: Record<PaymentStatus, number> = { UNPAID: 0, PARTLY_PAID: 1, PAID: 2, REFUNDED: -1 }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), money, fc.integer({ min: 1, max: 1_000_000 }), (invoicedNet, paid, more) => {
        const before = paymentStatus({ invoicedNet, paid, refunded: 0 })
        const after = paymentStatus({ invoicedNet, paid: paid + more, refunded: 0 })
        expect(rank[after]).toBeGreaterThanOrEqual(rank[before])
        expect(after).not.toBe('UNPAID')
      }),
    )
  })

  it('PAID means nothing is due; REFUNDED means money went back; UNPAID means no money is held', () => {
    fc.assert(
      fc.property(money, money, money, fc.boolean(), (invoicedNet, paid, refunded, invoiced) => {
        const figures = { invoicedNet, paid, refunded, invoiced }
        const status = paymentStatus(figures)
        if (status === 'PAID') expect(balanceDue(figures)).toBeLessThanOrEqual(0)
        if (status === 'REFUNDED') {
          expect(refunded).toBeGreaterThan(0)
          expect(paid - refunded).toBeLessThanOrEqual(0)
        }
        if (status === 'UNPAID') expect(paid - refunded).toBeLessThanOrEqual(0)
        if (status === 'PARTLY_PAID') expect(paid - refunded).toBeGreaterThan(0)
      }),
    )
  })
})

describe('balanceDue', () => {
  it('is what remains to pay, negative when the business owes money back', () => {
    expect(balanceDue({ invoicedNet: 110_000, paid: 50_000, refunded: 0 })).toBe(60_000)
    expect(balanceDue({ invoicedNet: 110_000, paid: 110_000, refunded: 0 })).toBe(0)
    expect(balanceDue({ invoicedNet: 0, paid: 50_000, refunded: 0 })).toBe(-50_000)
    expect(balanceDue({ invoicedNet: 0, paid: 50_000, refunded: 50_000 })).toBe(0)
  })
})

function order(overrides: Partial<OrderState> = {}): OrderState {
  return { fulfillment: 'NOT_STARTED', handover: 'WAITING', heldAt: null, cancelledAt: null, ...overrides }
}

const anyOrder: fc.Arbitrary<OrderState> = fc.record({
  fulfillment: fc.constantFrom(...FULFILLMENT_STATUSES),
  handover: fc.constantFrom(...HANDOVERS),
  heldAt: fc.option(fc.constant(AT), { nil: null }),
  cancelledAt: fc.option(fc.constant(AT), { nil: null }),
})

describe('newOrderStatuses', () => {
  it('is not started, unbilled and unpaid without a deposit', () => {
    expect(newOrderStatuses([{ quantity: 2 }, { quantity: 1 }], 0)).toEqual({
      fulfillment: 'NOT_STARTED',
      billing: 'UNBILLED',
      payment: 'UNPAID',
    })
  })

  it('is partly paid with a deposit, whatever its size', () => {
    expect(newOrderStatuses([{ quantity: 1 }], 1).payment).toBe('PARTLY_PAID')
    expect(newOrderStatuses([{ quantity: 1 }], 500_000).payment).toBe('PARTLY_PAID')
  })

  it('agrees with the general rules for any order as taken', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 60 }),
        fc.nat(10_000_000),
        (quantities, deposit) => {
          const lines = quantities.map((quantity) => ({ quantity, qtyFulfilled: 0, qtyInvoiced: 0 }))
          expect(newOrderStatuses(lines, deposit)).toEqual({
            fulfillment: fulfillmentStatus(lines),
            billing: billingStatus(lines),
            payment: paymentStatus({ invoicedNet: 0, paid: deposit, refunded: 0 }),
          })
        },
      ),
    )
  })
})

describe('customerStatus', () => {
  it.each<[Partial<OrderState>, CustomerStatus]>([
    [{}, 'RECEIVED'],
    [{ fulfillment: 'PARTLY_FULFILLED' }, 'IN_PROGRESS'],
    [{ fulfillment: 'FULFILLED' }, 'READY'],
    [{ fulfillment: 'FULFILLED', heldAt: AT }, 'ON_HOLD'],
    [{ heldAt: AT }, 'ON_HOLD'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED' }, 'COLLECTED'],
    [{ fulfillment: 'FULFILLED', handover: 'DELIVERED' }, 'DELIVERED'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED', heldAt: AT }, 'COLLECTED'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED', cancelledAt: AT }, 'CANCELLED'],
    [{ cancelledAt: AT, heldAt: AT }, 'CANCELLED'],
    [{ cancelledAt: AT }, 'CANCELLED'],
  ])('%o -> %s', (overrides, expected) => {
    expect(customerStatus(order(overrides))).toBe(expected)
  })

  it('follows the precedence for every combination', () => {
    fc.assert(
      fc.property(anyOrder, (o) => {
        const status = customerStatus(o)
        if (o.cancelledAt) expect(status).toBe('CANCELLED')
        else if (o.handover !== 'WAITING') expect(status).toBe(o.handover)
        else if (o.heldAt) expect(status).toBe('ON_HOLD')
        else expect(status).toBe({ NOT_STARTED: 'RECEIVED', PARTLY_FULFILLED: 'IN_PROGRESS', FULFILLED: 'READY' }[o.fulfillment])
      }),
    )
  })
})

describe('customerStepIndex', () => {
  it.each<[CustomerStatus, number]>([
    ['RECEIVED', 0],
    ['IN_PROGRESS', 1],
    ['READY', 2],
    ['COLLECTED', 3],
    ['DELIVERED', 3],
    ['ON_HOLD', -1],
    ['CANCELLED', -1],
  ])('%s -> %i', (status, index) => {
    expect(customerStepIndex(status)).toBe(index)
  })

  it('the steps are the happy path in order', () => {
    expect(CUSTOMER_STEPS).toEqual(['RECEIVED', 'IN_PROGRESS', 'READY', 'COLLECTED'])
  })

  it('moves forward as an order progresses', () => {
    const path: OrderState[] = [
      order(),
      order({ fulfillment: 'PARTLY_FULFILLED' }),
      order({ fulfillment: 'FULFILLED' }),
      order({ fulfillment: 'FULFILLED', handover: 'COLLECTED' }),
    ]
    expect(path.map((o) => customerStepIndex(customerStatus(o)))).toEqual([0, 1, 2, 3])
  })
})

describe('isClosed', () => {
  it('closes only when handed over, billed, paid and not cancelled', () => {
    for (const handover of HANDOVERS) {
      for (const billing of BILLING_STATUSES) {
        for (const payment of PAYMENT_STATUSES) {
          for (const cancelled of [false, true]) {
            const expected = handover !== 'WAITING' && billing === 'BILLED' && payment === 'PAID' && !cancelled
            expect(isClosed({ handover, billing, payment, cancelled }), `${handover} ${billing} ${payment} ${cancelled}`).toBe(expected)
          }
        }
      }
    }
  })

  it('closes a collected and a delivered order', () => {
    expect(isClosed({ handover: 'COLLECTED', billing: 'BILLED', payment: 'PAID', cancelled: false })).toBe(true)
    expect(isClosed({ handover: 'DELIVERED', billing: 'BILLED', payment: 'PAID', cancelled: false })).toBe(true)
    expect(isClosed({ handover: 'WAITING', billing: 'BILLED', payment: 'PAID', cancelled: false })).toBe(false)
    expect(isClosed({ handover: 'COLLECTED', billing: 'BILLED', payment: 'REFUNDED', cancelled: false })).toBe(false)
  })
})

function expectError(error: DomainError | null, code: string, messageKey: string, field?: string): void {
  expect(error).toBeInstanceOf(DomainError)
  expect(error?.code).toBe(code)
  expect(error?.messageKey).toBe(messageKey)
  if (field !== undefined) expect(error?.field).toBe(field)
}

describe('checkFulfill', () => {
  it('accepts recording work within the ordered quantity', () => {
    expect(checkFulfill(l(5, 0), 1)).toBeNull()
    expect(checkFulfill(l(5, 0), 5)).toBeNull()
    expect(checkFulfill(l(5, 4), 1)).toBeNull()
  })

  it('accepts corrections down to what is invoiced', () => {
    expect(checkFulfill(l(5, 5), -5)).toBeNull()
    expect(checkFulfill(l(5, 5, 2), -3)).toBeNull()
  })

  it('rejects doing more than ordered, with the maximum', () => {
    const error = checkFulfill(l(5, 3), 3)
    expectError(error, 'INVALID', 'errors.overFulfilled', 'quantity')
    expect(error?.params).toEqual({ max: 2 })
    expect(checkFulfill(l(5, 5), 1)?.params).toEqual({ max: 0 })
  })

  it('rejects going below zero', () => {
    const error = checkFulfill(l(5, 2), -3)
    expectError(error, 'INVALID', 'errors.underFulfilled', 'quantity')
    expect(error?.params).toEqual({ min: -2 })
  })

  it('rejects un-fulfilling invoiced units', () => {
    const error = checkFulfill(l(5, 4, 3), -2)
    expectError(error, 'INVALID', 'errors.fulfilledBelowInvoiced', 'quantity')
    expect(error?.params).toEqual({ invoiced: 3 })
  })

  it.each([0, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects delta %d', (delta) => {
    expectError(checkFulfill(l(5, 2), delta), 'INVALID', 'errors.invalidQuantity', 'quantity')
  })
})

describe('invoice and credit quantities', () => {
  it('invoiceableQuantity is done but not invoiced', () => {
    expect(invoiceableQuantity(l(5, 3, 1))).toBe(2)
    expect(invoiceableQuantity(l(5, 0, 0))).toBe(0)
    expect(invoiceableQuantity(l(5, 5, 5))).toBe(0)
    expect(invoiceableQuantity(l(5, 2, 3))).toBe(0) // bad data never yields a negative
  })

  it('checkInvoice allows 1..invoiceable', () => {
    expect(checkInvoice(l(5, 3, 1), 1)).toBeNull()
    expect(checkInvoice(l(5, 3, 1), 2)).toBeNull()
    const error = checkInvoice(l(5, 3, 1), 3)
    expectError(error, 'INVALID', 'errors.overInvoiced', 'quantity')
    expect(error?.params).toEqual({ max: 2 })
    expectError(checkInvoice(l(5, 3, 1), 0), 'INVALID', 'errors.invalidQuantity')
    expectError(checkInvoice(l(5, 3, 1), -1), 'INVALID', 'errors.invalidQuantity')
    expectError(checkInvoice(l(5, 3, 1), 0.5), 'INVALID', 'errors.invalidQuantity')
  })

  it('creditableQuantity is invoiced minus credited, never negative', () => {
    expect(creditableQuantity(5, 0)).toBe(5)
    expect(creditableQuantity(5, 2)).toBe(3)
    expect(creditableQuantity(5, 5)).toBe(0)
    expect(creditableQuantity(5, 7)).toBe(0)
  })

  it('checkCredit allows 1..creditable', () => {
    expect(checkCredit(5, 2, 3)).toBeNull()
    expect(checkCredit(5, 2, 1)).toBeNull()
    const error = checkCredit(5, 2, 4)
    expectError(error, 'INVALID', 'errors.overCredited', 'quantity')
    expect(error?.params).toEqual({ max: 3 })
    expectError(checkCredit(5, 5, 1), 'INVALID', 'errors.overCredited')
    expectError(checkCredit(5, 0, 0), 'INVALID', 'errors.invalidQuantity')
    expectError(checkCredit(5, 0, 2.5), 'INVALID', 'errors.invalidQuantity')
  })

  type Op = { kind: 'fulfill' | 'invoice' | 'credit'; amount: number }
  const op: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom('fulfill', 'invoice', 'credit'),
    amount: fc.integer({ min: -12, max: 12 }),
  })

  it('any sequence of checked operations keeps 0 <= invoiced <= fulfilled <= quantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(op, { maxLength: 40 }), (quantity, ops) => {
        const line = { quantity, qtyFulfilled: 0, qtyInvoiced: 0 }
        let accepted = 0
        for (const { kind, amount } of ops) {
          if (kind === 'fulfill' && checkFulfill(line, amount) === null) {
            line.qtyFulfilled += amount
            accepted++
          } else if (kind === 'invoice' && checkInvoice(line, amount) === null) {
            line.qtyInvoiced += amount
            accepted++
          } else if (kind === 'credit' && checkCredit(line.qtyInvoiced, 0, amount) === null) {
            // A credit note that frees quantities for re-invoicing.
            line.qtyInvoiced -= amount
            accepted++
          }
          expect(line.qtyInvoiced).toBeGreaterThanOrEqual(0)
          expect(line.qtyInvoiced).toBeLessThanOrEqual(line.qtyFulfilled)
          expect(line.qtyFulfilled).toBeLessThanOrEqual(line.quantity)
        }
        expect(accepted).toBeLessThanOrEqual(ops.length)
      }),
    )
  })

  it('every in-range fulfil delta is accepted (the checks are not overly strict)', () => {
    fc.assert(
      fc.property(validLine, fc.nat(), (line, pick) => {
        const min = line.qtyInvoiced - line.qtyFulfilled
        const max = line.quantity - line.qtyFulfilled
        const span = max - min + 1
        const delta = min + (pick % span)
        if (delta !== 0) expect(checkFulfill(line, delta)).toBeNull()
        expect(checkFulfill(line, max + 1)).not.toBeNull()
        expect(checkFulfill(line, min - 1)).not.toBeNull()
      }),
    )
  })
})

describe('transitionError / canTransition', () => {
  const reason = { reason: 'Customer changed their mind' }

  it('allows the happy path', () => {
    expect(transitionError(order(), 'FULFILL')).toBeNull()
    expect(transitionError(order({ fulfillment: 'PARTLY_FULFILLED' }), 'FULFILL')).toBeNull()
    expect(transitionError(order({ fulfillment: 'FULFILLED' }), 'HAND_OVER')).toBeNull()
    expect(transitionError(order({ fulfillment: 'FULFILLED' }), 'INVOICE')).toBeNull()
    expect(transitionError(order({ fulfillment: 'FULFILLED', handover: 'COLLECTED' }), 'INVOICE')).toBeNull()
    expect(transitionError(order(), 'HOLD')).toBeNull()
    expect(transitionError(order({ heldAt: AT }), 'RELEASE')).toBeNull()
    expect(transitionError(order(), 'CANCEL', reason)).toBeNull()
    expect(transitionError(order({ heldAt: AT, fulfillment: 'FULFILLED' }), 'CANCEL', reason)).toBeNull()
  })

  it.each<[Partial<OrderState>, OrderAction, string]>([
    [{ heldAt: AT }, 'FULFILL', 'errors.orderOnHold'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED' }, 'FULFILL', 'errors.orderHandedOver'],
    [{ fulfillment: 'PARTLY_FULFILLED' }, 'HAND_OVER', 'errors.orderNotFulfilled'],
    [{}, 'HAND_OVER', 'errors.orderNotFulfilled'],
    [{ fulfillment: 'FULFILLED', heldAt: AT }, 'HAND_OVER', 'errors.orderOnHold'],
    [{ fulfillment: 'FULFILLED', handover: 'DELIVERED' }, 'HAND_OVER', 'errors.orderHandedOver'],
    [{ heldAt: AT }, 'HOLD', 'errors.orderOnHold'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED' }, 'HOLD', 'errors.orderHandedOver'],
    [{}, 'RELEASE', 'errors.orderNotOnHold'],
    [{ fulfillment: 'FULFILLED', handover: 'COLLECTED' }, 'CANCEL', 'errors.orderHandedOver'],
  ])('%o %s -> %s', (overrides, action, key) => {
    const error = transitionError(order(overrides), action, reason)
    expectError(error, 'CONFLICT', key)
    expect(canTransition(order(overrides), action, reason)).toBe(false)
  })

  it.each([undefined, null, '', '   \n\t'])('cancelling requires a reason (%j)', (r) => {
    expectError(transitionError(order(), 'CANCEL', { reason: r }), 'INVALID', 'errors.reasonRequired', 'reason')
    expect(canTransition(order(), 'CANCEL')).toBe(false)
  })

  it('nothing happens to a cancelled order', () => {
    fc.assert(
      fc.property(anyOrder, fc.constantFrom(...ORDER_ACTIONS), (o, action) => {
        const error = transitionError({ ...o, cancelledAt: AT }, action, reason)
        expectError(error, 'CONFLICT', 'errors.orderCancelled')
      }),
    )
  })

  it('a handed-over order only accepts invoicing', () => {
    fc.assert(
      fc.property(anyOrder, fc.constantFrom(...ORDER_ACTIONS), (o, action) => {
        const handedOver: OrderState = { ...o, handover: 'COLLECTED', cancelledAt: null, heldAt: null }
        expect(canTransition(handedOver, action, reason)).toBe(action === 'INVOICE')
      }),
    )
  })

  it('canTransition agrees with transitionError', () => {
    fc.assert(
      fc.property(anyOrder, fc.constantFrom(...ORDER_ACTIONS), fc.option(fc.string(), { nil: undefined }), (o, action, r) => {
        expect(canTransition(o, action, { reason: r })).toBe(transitionError(o, action, { reason: r }) === null)
      }),
    )
  })

  it('hand-over is possible exactly for fulfilled, waiting, active orders', () => {
    fc.assert(
      fc.property(anyOrder, (o) => {
        const expected = o.fulfillment === 'FULFILLED' && o.handover === 'WAITING' && !o.heldAt && !o.cancelledAt
        expect(canTransition(o, 'HAND_OVER')).toBe(expected)
      }),
    )
  })
})

describe('transitionBlock: the one reason an action is refused', () => {
  it('is what transitionError throws, for every order and action (a reason given)', () => {
    fc.assert(
      fc.property(anyOrder, fc.constantFrom(...ORDER_ACTIONS), (o, action) => {
        const block = transitionBlock(o, action)
        const error = transitionError(o, action, { reason: 'Customer changed their mind' })
        if (block === null) expect(error).toBeNull()
        else expectError(error, 'CONFLICT', `errors.${block}`)
      }),
    )
  })

  it('transitionBlocks carries it for every action', () => {
    fc.assert(
      fc.property(anyOrder, (o) => {
        const blocks = transitionBlocks(o)
        expect(Object.keys(blocks).sort()).toEqual([...ORDER_ACTIONS].sort())
        for (const action of ORDER_ACTIONS) expect(blocks[action]).toBe(transitionBlock(o, action))
      }),
    )
  })

  it('names the first rule that stops the action', () => {
    expect(transitionBlock(order({ cancelledAt: AT, heldAt: AT }), 'FULFILL')).toBe('orderCancelled')
    expect(transitionBlock(order({ heldAt: AT }), 'FULFILL')).toBe('orderOnHold')
    expect(transitionBlock(order({ heldAt: AT }), 'HAND_OVER')).toBe('orderOnHold')
    expect(transitionBlock(order({ fulfillment: 'PARTLY_FULFILLED' }), 'HAND_OVER')).toBe('orderNotFulfilled')
    expect(transitionBlock(order({ fulfillment: 'FULFILLED', handover: 'COLLECTED' }), 'HAND_OVER')).toBe('orderHandedOver')
    expect(transitionBlock(order({ heldAt: AT }), 'INVOICE')).toBeNull()
  })
})

describe('isOverdue: the one definition', () => {
  const dueAt = new Date('2026-03-01T10:00:00Z')
  const later = new Date(dueAt.getTime() + 1)
  const base = { dueAt, fulfillment: 'PARTLY_FULFILLED' as FulfillmentStatus, handover: 'WAITING' as const, cancelled: false }

  it('is past due and not finished', () => {
    expect(isOverdue(base, later)).toBe(true)
    expect(isOverdue({ ...base, fulfillment: 'NOT_STARTED' }, later)).toBe(true)
    expect(isOverdue(base, dueAt)).toBe(false)
  })

  it('a ready order waiting for its customer is not overdue; nor a cancelled or handed-over one', () => {
    expect(isOverdue({ ...base, fulfillment: 'FULFILLED' }, later)).toBe(false)
    expect(isOverdue({ ...base, cancelled: true }, later)).toBe(false)
    expect(isOverdue({ ...base, fulfillment: 'FULFILLED', handover: 'COLLECTED' }, later)).toBe(false)
  })

  it('is exactly: due passed, not cancelled, waiting and not fulfilled', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FULFILLMENT_STATUSES),
        fc.constantFrom(...HANDOVERS),
        fc.boolean(),
        fc.integer({ min: -5, max: 5 }),
        (fulfillment, handover, cancelled, offset) => {
          const now = new Date(dueAt.getTime() + offset)
          const expected = offset > 0 && !cancelled && handover === 'WAITING' && fulfillment !== 'FULFILLED'
          expect(isOverdue({ dueAt, fulfillment, handover, cancelled }, now)).toBe(expected)
        },
      ),
    )
  })
})
