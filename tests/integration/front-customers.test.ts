import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@/domain/errors'
import { createCustomerSchema, customerSearchSchema, duplicateCheckSchema } from '@/lib/schemas/customer'
import type { Actor } from '@/server/auth/actor'
import { searchProducts } from '@/server/catalog/search-products'
import { createCustomer } from '@/server/customers/create-customer'
import { findDuplicateCustomers } from '@/server/customers/find-duplicate-customers'
import { searchCustomers } from '@/server/customers/search-customers'
import { db } from '@/server/db'
import { makeActor, makeCustomer } from '../support/factories'
import { fixedRateCategoryId } from '@/server/seed/factories'

let receptionist: Actor
let duc: { id: string }

beforeAll(async () => {
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  duc = await makeCustomer({ name: 'Nguyễn Văn Đức', phone: '090 123 4567', email: 'Duc.Nguyen@Example.vn' })
  await makeCustomer({ name: 'Trần Thị Hạnh', phone: '0912345678' })
  await makeCustomer({ name: 'Quán cà phê Mộc', phone: '0283823999', email: 'moc@example.vn' })
  // Enough rows that a missing index or an accidental cross join would show in the timing below.
  const rows = Array.from({ length: 2000 }, (_, i) => {
    const name = `Khách ${i} ${randomBytes(3).toString('hex')}`
    return {
      name,
      phone: `07${String(i).padStart(8, '0')}`,
      searchText: `khach ${i} ${name.toLowerCase()} 07${String(i).padStart(8, '0')}`,
    }
  })
  await db().customer.createMany({ data: rows })
})

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('searchCustomers', () => {
  it('ignores diacritics and case, over name, phone and email', async () => {
    for (const q of [
      'nguyen',
      'NGUYỄN',
      'duc nguyen',
      'Đức',
      'van duc',
      '0901234567',
      '090 123 4567',
      '123 45',
      'duc.nguyen@',
      'EXAMPLE.VN duc',
    ]) {
      const hits = await searchCustomers(receptionist, { q })
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(duc.id)
    }
    const [first] = await searchCustomers(receptionist, { q: 'nguyen van' })
    expect(first).toMatchObject({ id: duc.id, name: 'Nguyễn Văn Đức', phone: '0901234567', email: 'duc.nguyen@example.vn', openOrders: 0 })
  })

  it('never fails on what is typed: control characters read as spaces', async () => {
    const hits = await searchCustomers(receptionist, customerSearchSchema.parse({ q: 'nguyen\u0000van\u001f' }))
    expect(hits.map((h) => h.id)).toContain(duc.id)
    expect(customerSearchSchema.safeParse({ q: 'x'.repeat(101) }).success).toBe(false)
  })

  it('returns nothing for a blank query and treats LIKE wildcards as text', async () => {
    expect(await searchCustomers(receptionist, { q: '   ' })).toEqual([])
    expect(await searchCustomers(receptionist, { q: '%' })).toEqual([])
    expect(await searchCustomers(receptionist, { q: '_' })).toEqual([])
  })

  it('is for counter staff only', async () => {
    const printer = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 0, HANDLE_PICKUP: 0, CUSTOMER_SERVICE: 0 } })
    expect(await refusal(searchCustomers(printer, { q: 'nguyen' }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('createCustomer', () => {
  it('normalises phone and email in the shared schema and rejects what is not one', () => {
    const ok = createCustomerSchema.parse({ name: '  Lê Văn Tám ', phone: '+84 (90) 111-2222', email: ' TAM@Example.VN ' })
    expect(ok).toEqual({ name: 'Lê Văn Tám', phone: '+84901112222', email: 'tam@example.vn' })
    expect(createCustomerSchema.parse({ name: 'A', phone: '', email: '' })).toEqual({ name: 'A' })
    const bad = createCustomerSchema.safeParse({ name: '', phone: '12', email: 'nope' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['phone', 'validation.phone'],
        ['email', 'validation.email'],
      ]),
    )
    expect(createCustomerSchema.safeParse({ name: 'A', role: 'MANAGER' }).success).toBe(false)
    // PostgreSQL refuses NUL in text: refused here as invalid input, never a database error.
    expect(createCustomerSchema.safeParse({ name: 'A\u0000B' }).success).toBe(false)
    expect(createCustomerSchema.safeParse({ name: 'A', email: 'a\u0000@b.vn' }).success).toBe(false)
    expect(createCustomerSchema.safeParse({ name: 'A', notes: 'line one\nline two' }).success).toBe(true)
  })

  it('points out a likely duplicate (same phone or email) instead of creating a second record', async () => {
    const input = createCustomerSchema.parse({ name: 'Duc N.', phone: '0901 234 567' })
    const result = await createCustomer(receptionist, input)
    expect(result.status).toBe('duplicates')
    if (result.status !== 'duplicates') return
    expect(result.candidates).toEqual([expect.objectContaining({ id: duc.id, matchedOn: ['phone'] })])
    expect(await db().customer.count({ where: { name: 'Duc N.' } })).toBe(0)

    const byEmail = await findDuplicateCustomers(receptionist, duplicateCheckSchema.parse({ email: 'DUC.NGUYEN@example.vn' }))
    expect(byEmail.map((c) => [c.id, c.matchedOn])).toEqual([[duc.id, ['email']]])
    // Half-typed values in the live check are simply not checked yet.
    expect(await findDuplicateCustomers(receptionist, duplicateCheckSchema.parse({ phone: '090', email: 'duc@' }))).toEqual([])
  })

  it('creates the customer when confirmed, searchable at once, and audits it', async () => {
    const input = createCustomerSchema.parse({ name: 'Đỗ Thị Ánh', phone: '0901234567', ignoreDuplicates: true })
    const result = await createCustomer(receptionist, input)
    expect(result.status).toBe('created')
    if (result.status !== 'created') return
    expect(result.customer).toMatchObject({ name: 'Đỗ Thị Ánh', phone: '0901234567', email: null })
    expect((await searchCustomers(receptionist, { q: 'do thi anh' })).map((c) => c.id)).toContain(result.customer.id)
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: 'customer.created', entityId: result.customer.id } })
    expect(event).toMatchObject({ actorId: receptionist.id, task: 'TAKE_ORDER', crossRole: false })
  })

  it('creates a customer without phone or email (name only)', async () => {
    const result = await createCustomer(receptionist, createCustomerSchema.parse({ name: 'Khách vãng lai' }))
    expect(result.status).toBe('created')
  })

  it('is refused to someone without a counter skill', async () => {
    const trainee = await makeActor({ homeRole: 'BACK_OFFICE', skills: { TAKE_ORDER: 1 } })
    expect(await refusal(createCustomer(trainee, { name: 'X' }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('searchProducts', () => {
  beforeAll(async () => {
    await db().product.createMany({
      data: [
        { sku: 'IN-A4-CL', name: 'In A4 màu', unitPrice: 2_500, taxCategoryId: await fixedRateCategoryId(800) },
        { sku: 'IN-A4-BW', name: 'In A4 đen trắng', unitPrice: 500, taxCategoryId: await fixedRateCategoryId(800) },
        { sku: 'BIND-SPR', name: 'Đóng gáy lò xo', unitPrice: 15_000, taxCategoryId: await fixedRateCategoryId(800) },
        { sku: 'OLD-1', name: 'In A4 màu (ngừng bán)', unitPrice: 1, taxCategoryId: await fixedRateCategoryId(800), active: false },
      ],
    })
  })

  it('finds by name without diacritics and by SKU, active products only', async () => {
    expect((await searchProducts(receptionist, { q: 'mau' })).map((p) => p.sku)).toEqual(['IN-A4-CL'])
    expect((await searchProducts(receptionist, { q: 'dong gay' })).map((p) => p.sku)).toEqual(['BIND-SPR'])
    expect((await searchProducts(receptionist, { q: 'ĐEN' })).map((p) => p.sku)).toEqual(['IN-A4-BW'])
    expect((await searchProducts(receptionist, { q: 'in-a4' })).map((p) => p.sku).sort()).toEqual(['IN-A4-BW', 'IN-A4-CL'])
    expect((await searchProducts(receptionist, { q: 'a4 màu' }))[0]).toEqual({
      id: expect.any(String),
      sku: 'IN-A4-CL',
      name: 'In A4 màu',
      unit: 'pcs',
      unitPrice: 2_500,
      taxRateBp: 800,
    })
    expect(await searchProducts(receptionist, { q: '' })).toEqual([])
  })

  it('is for people who take orders', async () => {
    const csOnly = await makeActor({ homeRole: 'BACK_OFFICE', skills: { CUSTOMER_SERVICE: 2 } })
    expect(await refusal(searchProducts(csOnly, { q: 'a4' }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
