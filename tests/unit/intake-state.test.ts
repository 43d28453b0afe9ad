import { describe, expect, it } from 'vitest'
import { initialIntake, intakeReducer, type IntakeAction, type IntakeState } from '@/components/front/intake/intake-state'
import { buildOrderPayload, draftTotals } from '@/components/front/intake/order-payload'
import type { DraftLine } from '@/components/front/line-row'
import { MAX_ORDER_LINES } from '@/lib/schemas/order'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { draftLine } from '../support/draft-line'

const customer: CustomerHitDTO = {
  id: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f50',
  name: 'Lâm Thị Hoa',
  phone: '0901234567',
  email: null,
  openOrders: 0,
  invoiceDetails: null,
}

const line = (key: string, over: Partial<DraftLine> = {}): DraftLine => draftLine({ key, quantity: '1', quantityConfirmed: false, ...over })

const start = () => initialIntake({ customer: null, dueDate: '2026-12-07', dueTime: '17:00' })
const run = (actions: IntakeAction[], from: IntakeState = start()) => actions.reduce(intakeReducer, from)

describe('intakeReducer', () => {
  it('starts empty, with the default due date, pickup and a cash deposit method', () => {
    expect(start()).toMatchObject({
      customer: null,
      lines: [],
      dueDate: '2026-12-07',
      dueTime: '17:00',
      dueQuickOk: true,
      mode: 'PICKUP',
      depositMethod: 'CASH',
      pending: false,
      asking: null,
      errors: {},
      formError: null,
    })
  })

  it('adds lines in order, and no more than an order may hold', () => {
    const two = run([
      { type: 'addLine', line: line('a') },
      { type: 'addLine', line: line('b', { name: 'In A4 màu' }) },
    ])
    expect(two.lines.map((l) => l.key)).toEqual(['a', 'b'])
    const full = run(Array.from({ length: MAX_ORDER_LINES + 3 }, (_, i) => ({ type: 'addLine', line: line(`l${i}`) }) as const))
    expect(full.lines).toHaveLength(MAX_ORDER_LINES)
    expect(intakeReducer(full, { type: 'addLine', line: line('extra') })).toBe(full)
  })

  it('sets a quantity on one line and leaves the other line objects as they were (their rows stay memoized)', () => {
    const before = run([
      { type: 'addLine', line: line('a') },
      { type: 'addLine', line: line('b') },
    ])
    const after = intakeReducer(before, { type: 'patchLine', key: 'b', patch: { quantity: '12', quantityConfirmed: true } })
    expect(after.lines[1]).toMatchObject({ key: 'b', quantity: '12', quantityConfirmed: true })
    expect(after.lines[0]).toBe(before.lines[0])
    expect(before.lines[1]!.quantity).toBe('1')
  })

  it('removes the line asked for and only that one', () => {
    const state = run([
      { type: 'addLine', line: line('a') },
      { type: 'addLine', line: line('b') },
      { type: 'addLine', line: line('c') },
      { type: 'removeLine', key: 'b' },
    ])
    expect(state.lines.map((l) => l.key)).toEqual(['a', 'c'])
  })

  it('chooses a customer and drops only the "choose a customer" error; clearing the customer keeps the errors', () => {
    const refused = run([
      { type: 'refused', errors: { customerId: 'Choose a customer', lines: 'Add an item' }, formError: 'Check the order' },
    ])
    const chosen = intakeReducer(refused, { type: 'chooseCustomer', customer })
    expect(chosen.customer).toBe(customer)
    expect(chosen.errors).toEqual({ lines: 'Add an item' })
    const cleared = intakeReducer(refused, { type: 'chooseCustomer', customer: null })
    expect(cleared.customer).toBeNull()
    expect(cleared.errors).toBe(refused.errors)
  })

  it('sets the due date and time from the quick box, keeping the part not typed, and remembers an unread box', () => {
    const timeOnly = run([{ type: 'setDue', dueTime: '09:30', quickOk: true }])
    expect(timeOnly).toMatchObject({ dueDate: '2026-12-07', dueTime: '09:30', dueQuickOk: true })
    const unread = intakeReducer(timeOnly, { type: 'setDue', quickOk: false })
    expect(unread).toMatchObject({ dueDate: '2026-12-07', dueTime: '09:30', dueQuickOk: false })
    expect(intakeReducer(unread, { type: 'setDue', dueDate: '2026-12-09', quickOk: true })).toMatchObject({
      dueDate: '2026-12-09',
      dueTime: '09:30',
      dueQuickOk: true,
    })
  })

  it('sets the deposit, its method and the cash given as typed, and the handover and notes', () => {
    const state = run([
      { type: 'set', inputs: { depositText: '50,000' } },
      { type: 'set', inputs: { depositMethod: 'CARD' } },
      { type: 'set', inputs: { tenderedText: '100,000', mode: 'DELIVERY', address: '12 Lý Tự Trọng', notes: 'gọi trước' } },
    ])
    expect(state).toMatchObject({
      depositText: '50,000',
      depositMethod: 'CARD',
      tenderedText: '100,000',
      mode: 'DELIVERY',
      address: '12 Lý Tự Trọng',
      notes: 'gọi trước',
    })
  })

  it('asks before an unfinished order and closes the question', () => {
    const asking = run([{ type: 'ask', items: [{ kind: 'productSearch', text: 'poster' }] }])
    expect(asking.asking).toEqual([{ kind: 'productSearch', text: 'poster' }])
    expect(intakeReducer(asking, { type: 'closeQuestion' }).asking).toBeNull()
  })

  it('clears the errors when a submit starts, and is ready again after a refusal or a network failure', () => {
    const refused = run([{ type: 'refused', errors: { 'lines.0.quantity': 'Quantity?' }, formError: 'Check the order' }])
    const started = intakeReducer(refused, { type: 'submitStarted' })
    expect(started).toMatchObject({ pending: true, errors: {}, formError: null })
    expect(intakeReducer(started, { type: 'refused', errors: { dueDate: 'In the past' }, formError: 'Check the order' })).toMatchObject({
      pending: false,
      errors: { dueDate: 'In the past' },
      formError: 'Check the order',
    })
    expect(intakeReducer(started, { type: 'submitFailed', formError: 'Network' })).toMatchObject({
      pending: false,
      errors: {},
      formError: 'Network',
    })
  })

  it('what the person did, replayed, is the order the payload builder sends', () => {
    const state = run([
      { type: 'chooseCustomer', customer },
      { type: 'addLine', line: line('a') },
      { type: 'addLine', line: line('b', { productId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f52', catalogPrice: 2_500 }) },
      { type: 'patchLine', key: 'a', patch: { quantity: '2', quantityConfirmed: true } },
      { type: 'patchLine', key: 'b', patch: { quantity: '50', quantityConfirmed: true } },
      { type: 'removeLine', key: 'a' },
      { type: 'setDue', dueDate: '2026-12-09', dueTime: '10:00', quickOk: true },
    ])
    const { payload, problems } = buildOrderPayload(
      { ...state, idempotencyKey: 'k'.repeat(20), customerId: state.customer?.id ?? null, deposit: { problems: {} } },
      'VND',
      'en',
    )
    expect(problems).toEqual({})
    expect(payload).toEqual({
      idempotencyKey: 'k'.repeat(20),
      customerId: customer.id,
      lines: [{ productId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f52', quantity: 50 }],
      dueDate: '2026-12-09',
      dueTime: '10:00',
      mode: 'PICKUP',
    })
    // 50 × 2,500 net at 8 %.
    expect(draftTotals(state.lines, 'VND', 'en')).toMatchObject({ subtotal: 125_000, total: 135_000 })
  })
})

describe('draftTotals', () => {
  it('leaves out a line that cannot be read yet', () => {
    expect(
      draftTotals([line('a', { quantity: '2' }), line('b', { quantity: 'x' }), line('c', { price: '??' })], 'VND', 'en'),
    ).toMatchObject({ subtotal: 160_000, total: 172_800 })
    expect(draftTotals([], 'VND', 'en')).toMatchObject({ subtotal: 0, total: 0 })
  })
})
