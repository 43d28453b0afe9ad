// Issue 19: VAT invoice details asked at the counter, changed later, carried by the invoice and its e-invoice.
import { randomBytes, randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { POST as createCustomerRoute } from '@/app/api/v1/customers/route'
import { isDomainError } from '@/domain/errors'
import { addDays, businessDay } from '@/domain/opening-hours'
import { createCustomerSchema } from '@/lib/schemas/customer'
import { createOrderSchema } from '@/lib/schemas/order'
import { fieldIssues } from '@/lib/validation'
import type { Actor } from '@/server/auth/actor'
import { issueInvoice } from '@/server/billing/issue-invoice'
import { getInvoice } from '@/server/billing/get-invoice'
import { createCustomer } from '@/server/customers/create-customer'
import { setInvoiceDetails } from '@/server/customers/set-invoice-details'
import { db } from '@/server/db'
import { invoiceDocument } from '@/server/einvoice/document'
import { createOrder } from '@/server/orders/create-order'
import { fixedRateCategoryId } from '@/server/seed/factories'
import { call, errorFields, tokenFor } from '../support/api'
import { makeActor, makeCustomer, makeStaff } from '../support/factories'
import { makeOrder } from './back-support'

let receptionist: Actor
let clerk: Actor

beforeAll(async () => {
  receptionist = await makeActor({ homeRole: 'RECEPTIONIST' })
  clerk = await makeActor({ homeRole: 'BACK_OFFICE' })
})

async function refusal(promise: Promise<unknown>) {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

const tag = () => randomBytes(3).toString('hex')
const stored = (id: string) =>
  db().customer.findUniqueOrThrow({ where: { id }, select: { taxCode: true, legalName: true, invoiceAddress: true } })

describe('creating a customer with VAT invoice details', () => {
  it('stores the tax code normalised, the legal name and the address, and says so in the audit trail', async () => {
    const input = createCustomerSchema.parse({
      name: `Chị Lan ${tag()}`,
      invoiceDetails: { taxCode: '0314 409 058 - 002', legalName: 'Công ty TNHH Ánh Dương', address: '12 Lý Tự Trọng, Quận 1' },
    })
    const result = await createCustomer(receptionist, input)
    if (result.status !== 'created') throw new Error('expected a new customer')
    const expected = { taxCode: '0314409058-002', legalName: 'Công ty TNHH Ánh Dương', address: '12 Lý Tự Trọng, Quận 1' }
    expect(result.customer.invoiceDetails).toEqual(expected)
    expect(await stored(result.customer.id)).toEqual({ ...expected, invoiceAddress: expected.address, address: undefined })
    const entry = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.customer.id, action: 'customer.created' } })
    expect(entry.after).toMatchObject({ taxCode: '0314409058-002', legalName: 'Công ty TNHH Ánh Dương' })
  })

  it('refuses a wrong check digit under the tax code field, and nothing is written', async () => {
    const name = `Anh Minh ${tag()}`
    const parsed = createCustomerSchema.safeParse({ name, invoiceDetails: { taxCode: '0314409059', legalName: 'Công ty B' } })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldIssues(parsed.error)).toEqual({ 'invoiceDetails.taxCode': [{ key: 'validation.taxCode.checkDigit' }] })
    expect(await db().customer.count({ where: { name } })).toBe(0)
  })

  it('refuses a person without the counter task before anything is written', async () => {
    const name = `Khách ${tag()}`
    const input = createCustomerSchema.parse({ name, invoiceDetails: { taxCode: '0100233488', legalName: 'Công ty C' } })
    expect(await refusal(createCustomer(clerk, input))).toBe('FORBIDDEN')
    expect(await db().customer.count({ where: { name } })).toBe(0)
  })
})

describe('changing them later', () => {
  it('adds, changes and removes them, each change audited with before and after; unchanged writes nothing', async () => {
    const customer = await makeCustomer({ name: `Cô Hà ${tag()}` })
    const details = { taxCode: '0100233488', legalName: 'Công ty D' }
    // The back office may set them before invoicing.
    expect((await setInvoiceDetails(clerk, { customerId: customer.id, invoiceDetails: details })).invoiceDetails).toEqual({
      ...details,
      address: null,
    })
    await setInvoiceDetails(receptionist, { customerId: customer.id, invoiceDetails: details })
    await setInvoiceDetails(receptionist, { customerId: customer.id, invoiceDetails: null })
    expect(await stored(customer.id)).toEqual({ taxCode: null, legalName: null, invoiceAddress: null })
    const trail = await db().auditEvent.findMany({
      where: { entityId: customer.id, action: 'customer.invoice_details_changed' },
      orderBy: { at: 'asc' },
    })
    expect(trail.map((e) => [e.task, (e.after as { taxCode: string | null }).taxCode])).toEqual([
      ['INVOICE', '0100233488'],
      ['TAKE_ORDER', null],
    ])
  })

  it('refuses a trainee (level 1 grants nothing) before anything is read or written', async () => {
    const customer = await makeCustomer({ name: `Khách ${tag()}` })
    const trainee = await makeActor({ homeRole: 'RECEPTIONIST', skills: { TAKE_ORDER: 1, CUSTOMER_SERVICE: 1, HANDLE_PICKUP: 1 } })
    const code = await refusal(setInvoiceDetails(trainee, { customerId: customer.id, invoiceDetails: null }))
    expect(code).toBe('FORBIDDEN')
  })

  it('are confirmed with an order at the counter: written with it and shown on its timeline', async () => {
    const customer = await makeCustomer({ name: `Ông Tùng ${tag()}` })
    const product = await db().product.create({
      data: { sku: `T-${tag()}`, name: 'In A4', unitPrice: 2_500, taxCategoryId: await fixedRateCategoryId(800) },
    })
    const order = createOrderSchema.parse({
      idempotencyKey: randomUUID(),
      customerId: customer.id,
      lines: [{ productId: product.id, quantity: 2 }],
      dueDate: addDays(businessDay(new Date(), 'Asia/Ho_Chi_Minh'), 1),
      dueTime: '17:00',
      mode: 'PICKUP',
      invoiceDetails: { taxCode: '0312.687.878-001', legalName: 'Công ty E', address: '3 Hai Bà Trưng' },
    })
    const created = await createOrder(receptionist, order)
    expect(await stored(customer.id)).toEqual({ taxCode: '0312687878-001', legalName: 'Công ty E', invoiceAddress: '3 Hai Bà Trưng' })
    const events = await db().auditEvent.findMany({ where: { orderId: created.id }, select: { action: true, entityId: true } })
    expect(events).toContainEqual({ action: 'customer.invoice_details_changed', entityId: customer.id })
  })
})

describe('the invoice and its e-invoice', () => {
  it('name the company by its legal name and tax code, and the person as the buyer', async () => {
    const customer = await makeCustomer({ name: 'Nguyễn Thị Lan', phone: '0901234567' })
    await setInvoiceDetails(receptionist, {
      customerId: customer.id,
      invoiceDetails: { taxCode: '0314409058-002', legalName: 'Công ty TNHH Ánh Dương', address: '12 Lý Tự Trọng' },
    })
    const order = await makeOrder({ customerId: customer.id, lines: [{ quantity: 2, unitPrice: 10_000, qtyFulfilled: 2 }] })
    const issued = await issueInvoice(clerk, { orderId: order.id })
    const doc = await invoiceDocument(db(), issued.invoiceId, { transactionUuid: randomUUID(), template: '1', symbol: 'C26TAA' })
    expect(doc.buyer).toMatchObject({
      name: 'Nguyễn Thị Lan',
      legalName: 'Công ty TNHH Ánh Dương',
      taxCode: '0314409058-002',
      address: '12 Lý Tự Trọng',
    })
    const printed = await getInvoice(clerk, issued.invoiceId)
    expect(printed.buyer).toMatchObject({ name: 'Nguyễn Thị Lan', legalName: 'Công ty TNHH Ánh Dương', taxId: '0314409058-002' })
    // Issued is issued: removing the details later does not change the invoice's buyer.
    await setInvoiceDetails(receptionist, { customerId: customer.id, invoiceDetails: null })
    expect((await getInvoice(clerk, issued.invoiceId)).buyer.taxId).toBe('0314409058-002')
  })
})

describe('POST /api/v1/customers', () => {
  it('accepts invoice details and answers with them; refuses a wrong tax code with its field and writes nothing', async () => {
    const token = await tokenFor((await makeStaff({ homeRole: 'RECEPTIONIST' })).id)
    const create = (body: unknown) => call(createCustomerRoute, { method: 'POST', path: '/api/v1/customers', token, body })
    const ok = await create({ name: `API ${tag()}`, invoiceDetails: { taxCode: '0100109106-505', legalName: 'Công ty F' } })
    expect(ok.status).toBe(201)
    expect((ok.json as { invoiceDetails: unknown }).invoiceDetails).toEqual({
      taxCode: '0100109106-505',
      legalName: 'Công ty F',
      address: null,
    })
    const before = await db().customer.count()
    for (const invoiceDetails of [
      { taxCode: '0100109106-000', legalName: 'Công ty G' },
      { taxCode: '0100233480', legalName: 'Công ty G' },
      { taxCode: '0100233488' },
      { taxCode: '0100233488', legalName: 'Công ty G', extra: 1 },
      { taxCode: '0100233488', legalName: 'x'.repeat(201) },
    ]) {
      const res = await create({ name: `API ${tag()}`, invoiceDetails })
      expect(res.status).toBe(422)
      expect(errorFields(res).some((f) => f.startsWith('invoiceDetails'))).toBe(true)
    }
    expect(await db().customer.count()).toBe(before)
  })
})
