import { describe, expect, it } from 'vitest'
import { buildOrderPayload, type IntakeDraft } from '@/components/front/intake/order-payload'
import { findInCatalog, indexCatalog } from '@/domain/catalog-search'
import { readAmount, readDeposit, readDueShortcut, unfinishedInput } from '@/domain/intake'
import { createOrderBodySchema, createOrderSchema } from '@/lib/schemas/order'
import { fieldIssues } from '@/lib/validation'
import { draftLine } from '../support/draft-line'

describe('readAmount', () => {
  it('tells a too large amount from a typo, in the user’s number format', () => {
    expect(readAmount('150.000', 'VND', 'vi')).toEqual({ ok: true, amount: 150_000 })
    expect(readAmount('2.000.000.000', 'VND', 'vi')).toEqual({ ok: true, amount: 2_000_000_000 })
    expect(readAmount('2.000.000.001', 'VND', 'vi')).toEqual({ ok: false, problem: 'tooLarge' })
    expect(readAmount('99999999999999', 'VND', 'en')).toEqual({ ok: false, problem: 'tooLarge' })
    expect(readAmount('5,000,000,000', 'VND', 'en')).toEqual({ ok: false, problem: 'tooLarge' })
    expect(readAmount('20000001', 'EUR', 'en')).toEqual({ ok: false, problem: 'tooLarge' })
    expect(readAmount('20000000', 'EUR', 'en')).toEqual({ ok: true, amount: 2_000_000_000 })
    for (const typo of ['12abc', '1.5', '-5', '', 'five', '1,00'])
      expect(readAmount(typo, 'VND', 'en')).toEqual({ ok: false, problem: 'invalid' })
  })
})

describe('readDeposit', () => {
  const read = (deposit: string, total: number | null = 500_000, tendered = '', method = 'CASH') =>
    readDeposit({ deposit, tendered, method, total }, 'VND', 'en')

  it('accepts a deposit up to the total, with the cash given', () => {
    expect(read('')).toEqual({ problems: {} })
    expect(read('50,000')).toEqual({ amount: 50_000, problems: {} })
    expect(read('50000', 500_000, '100000')).toEqual({ amount: 50_000, tendered: 100_000, problems: {} })
  })

  it('refuses, with the reason, what would show a negative balance or a silent error', () => {
    // A number too large for any deposit: no amount, so no "left to pay" of −5,000,000 ₫ on screen.
    expect(read('5,000,000,000')).toEqual({ problems: { amount: 'tooLarge' } })
    expect(read('5,500,000')).toEqual({ problems: { amount: 'overTotal' } })
    expect(read('0')).toEqual({ problems: { amount: 'notPositive' } })
    expect(read('abc')).toEqual({ problems: { amount: 'invalid' } })
    expect(read('50000', 500_000, '20000')).toEqual({ amount: 50_000, problems: { tendered: 'tenderedLow' } })
    expect(read('50000', 500_000, '9999999999999')).toEqual({ amount: 50_000, problems: { tendered: 'tooLarge' } })
    // Card: no cash given to check.
    expect(read('50000', 500_000, '20000', 'CARD')).toEqual({ amount: 50_000, problems: {} })
  })
})

describe('readDueShortcut', () => {
  const today = '2026-12-05'
  it('reads +N days, t / mai for tomorrow and a time, in either order', () => {
    expect(readDueShortcut('+2', today)).toEqual({ dueDate: '2026-12-07' })
    expect(readDueShortcut('t', today)).toEqual({ dueDate: '2026-12-06' })
    expect(readDueShortcut('mai', today)).toEqual({ dueDate: '2026-12-06' })
    expect(readDueShortcut('17', today)).toEqual({ dueTime: '17:00' })
    expect(readDueShortcut('+2 17', today)).toEqual({ dueDate: '2026-12-07', dueTime: '17:00' })
    expect(readDueShortcut('17:30 t', today)).toEqual({ dueDate: '2026-12-06', dueTime: '17:30' })
    expect(readDueShortcut('9h30', today)).toEqual({ dueTime: '09:30' })
    expect(readDueShortcut('1730', today)).toEqual({ dueTime: '17:30' })
    expect(readDueShortcut('17h', today)).toEqual({ dueTime: '17:00' })
    expect(readDueShortcut('+30', '2026-12-15')).toEqual({ dueDate: '2027-01-14' })
  })

  it('guesses nothing it does not understand', () => {
    for (const bad of ['', 'tomorrow please', '25', '17:75', '+2 +3', '17 18', '+999', 'x', '+2 17 t'])
      expect(readDueShortcut(bad, today)).toBeNull()
  })
})

describe('unfinishedInput', () => {
  it('names text left in the product search and quantities never confirmed', () => {
    expect(unfinishedInput({ productSearch: '  ', lines: [{ name: 'Poster A1', quantityConfirmed: true }] })).toEqual([])
    expect(
      unfinishedInput({
        productSearch: 'ep plastic a4 ',
        lines: [
          { name: 'Poster A1', quantityConfirmed: true },
          { name: 'Tờ rơi A5', quantityConfirmed: false },
        ],
      }),
    ).toEqual([
      { kind: 'productSearch', text: 'ep plastic a4' },
      { kind: 'quantity', line: 2, name: 'Tờ rơi A5' },
    ])
  })
})

describe('findInCatalog', () => {
  const catalog = indexCatalog([
    { id: '1', sku: 'FLY-A5', name: 'Tờ rơi A5 (100 tờ)' },
    { id: '2', sku: 'POS-A1', name: 'Poster A1' },
    { id: '3', sku: 'LAM-A4', name: 'Ép plastic A4' },
    { id: '4', sku: 'LAM-A3', name: 'Ép plastic A3' },
    { id: '5', sku: 'BND-SP', name: 'Đóng gáy lò xo' },
    { id: '6', sku: 'PHO-A4', name: 'Photocopy A4' },
  ])
  const ids = (q: string) => findInCatalog(catalog, q).map((p) => p.id)

  it('matches every word without diacritics, like the server', () => {
    expect(ids('to roi a5')).toEqual(['1'])
    expect(ids('ep plastic a4')).toEqual(['3'])
    expect(ids('dong gay')).toEqual(['5'])
    expect(ids('ĐÓNG')).toEqual(['5'])
    expect(ids('  ')).toEqual([])
    expect(ids('a4 zzz')).toEqual([])
  })

  it('ranks an SKU typed from its start first, then names starting with the query, then by name', () => {
    expect(ids('pho')).toEqual(['6'])
    expect(ids('a4')).toEqual(['6', '3'])
    expect(ids('p')).toEqual(['6', '2', '4', '3', '5'])
    expect(findInCatalog(catalog, 'a', 2)).toHaveLength(2)
  })
})

describe('order notes', () => {
  const base = {
    customerId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f50',
    lines: [{ productId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f51', quantity: 1 }],
    dueDate: '2026-12-07',
    dueTime: '17:00',
    mode: 'PICKUP',
  }

  it('refuses a note over the limit, naming it, on the counter and in the API, instead of cutting it', () => {
    const long = 'x'.repeat(10_000)
    for (const result of [
      createOrderSchema.safeParse({ ...base, idempotencyKey: 'k'.repeat(20), notes: long }),
      createOrderBodySchema.safeParse({ ...base, notes: long }),
      createOrderBodySchema.safeParse({ ...base, lines: [{ ...base.lines[0], note: 'y'.repeat(501) }] }),
    ]) {
      expect(result.success).toBe(false)
      const issues = fieldIssues(result.error!)
      const [path, refs] = Object.entries(issues)[0]!
      expect(path).toMatch(/^(notes|lines\.0\.note)$/)
      expect(refs[0]).toEqual({ key: 'validation.tooLong', params: { maximum: path === 'notes' ? 2000 : 500 } })
    }
    expect(createOrderBodySchema.safeParse({ ...base, notes: 'x'.repeat(2000) }).success).toBe(true)
  })
})

describe('buildOrderPayload', () => {
  const line = draftLine
  const draft = (over: Partial<IntakeDraft> = {}): IntakeDraft => ({
    idempotencyKey: 'k'.repeat(20),
    customerId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f50',
    lines: [line()],
    dueDate: '2026-12-07',
    dueTime: '17:00',
    dueQuickOk: true,
    mode: 'PICKUP',
    address: '',
    notes: '',
    deposit: { problems: {} },
    depositMethod: 'CASH',
    ...over,
  })

  it('sends what is on screen, in the shape the server accepts', () => {
    const { payload, problems } = buildOrderPayload(
      draft({
        lines: [line({ price: '75,000', note: 'couche' })],
        notes: 'gọi trước',
        deposit: { amount: 50_000, tendered: 100_000, problems: {} },
      }),
      'VND',
      'en',
    )
    expect(problems).toEqual({})
    expect(payload).toEqual({
      idempotencyKey: 'k'.repeat(20),
      customerId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f50',
      lines: [{ productId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f51', quantity: 3, unitPrice: 75_000, note: 'couche' }],
      dueDate: '2026-12-07',
      dueTime: '17:00',
      mode: 'PICKUP',
      notes: 'gọi trước',
      deposit: { amount: 50_000, method: 'CASH', tendered: 100_000 },
    })
    expect(createOrderSchema.safeParse(payload).success).toBe(true)
  })

  it('names each problem by its field: a too large price, a bad quantity, a refused deposit, an unread due date', () => {
    const { payload, problems } = buildOrderPayload(
      draft({ lines: [line({ quantity: 'x', price: '9,999,999,999' })], dueQuickOk: false, deposit: { problems: { amount: 'tooLarge' } } }),
      'VND',
      'en',
    )
    expect(problems).toEqual({
      'lines.0.quantity': 'quantity',
      'lines.0.unitPrice': 'tooLarge',
      'deposit.amount': 'tooLarge',
      dueDate: 'dueQuick',
    })
    expect(payload).not.toHaveProperty('deposit')
  })
})
