import { describe, expect, it } from 'vitest'
import { createCustomerSchema, invoiceDetailsSchema, setInvoiceDetailsSchema } from '@/lib/schemas/customer'
import { createOrderBodySchema, createOrderSchema } from '@/lib/schemas/order'
import { fieldIssues } from '@/lib/validation'

// The VAT invoice details asked at the counter (issue 19): one schema for the form, the action and the API.

function refusal(input: unknown) {
  const parsed = invoiceDetailsSchema.safeParse(input)
  return parsed.success ? null : fieldIssues(parsed.error)
}

describe('invoice details schema', () => {
  it.each([
    ['0100233488', '0100233488'],
    ['0314409058-002', '0314409058-002'],
    ['0314409058002', '0314409058-002'],
    ['0312 68 78 78 - 001', '0312687878-001'],
    ['03.1440.9058', '0314409058'],
    ['079201001234', '079201001234'],
  ])('accepts the tax code %s, stored as %s', (taxCode, stored) => {
    const parsed = invoiceDetailsSchema.parse({ taxCode, legalName: ' Công ty TNHH Ánh Dương ' })
    expect(parsed).toEqual({ taxCode: stored, legalName: 'Công ty TNHH Ánh Dương' })
  })

  it.each([
    ['0100233480', 'validation.taxCode.checkDigit'],
    ['0314409059-002', 'validation.taxCode.checkDigit'],
    ['031440905', 'validation.taxCode.format'],
    ['0314409058-02', 'validation.taxCode.format'],
    ['0314409058-0021', 'validation.taxCode.format'],
    ['MST0314409058', 'validation.taxCode.format'],
    ['0314409058-000', 'validation.taxCode.branch'],
    ['0100000000', 'validation.taxCode.sequence'],
    ['', 'validation.required'],
    ['   ', 'validation.required'],
    ['0'.repeat(41), 'validation.taxCode.format'],
  ])('refuses the tax code %j with %s', (taxCode, key) => {
    expect(refusal({ taxCode, legalName: 'Công ty A' })).toEqual({ taxCode: [{ key }] })
  })

  it('requires the legal name with the tax code, and keeps the address optional but on one bounded line', () => {
    expect(refusal({ taxCode: '0100233488', legalName: '  ' })).toEqual({ legalName: [{ key: 'validation.required' }] })
    expect(refusal({ taxCode: '0100233488' })).toEqual({ legalName: [{ key: 'validation.required' }] })
    expect(refusal({ legalName: 'Công ty A' })).toEqual({ taxCode: [{ key: 'validation.required' }] })
    expect(invoiceDetailsSchema.parse({ taxCode: '0100233488', legalName: 'A', address: '  ' })).toEqual({
      taxCode: '0100233488',
      legalName: 'A',
    })
    expect(refusal({ taxCode: '0100233488', legalName: 'A', address: 'Tầng 3\nQuận 1' })).toEqual({
      address: [{ key: 'validation.invalid' }],
    })
    expect(refusal({ taxCode: '0100233488', legalName: 'A'.repeat(201) })).toEqual({
      legalName: [{ key: 'validation.tooLong', params: { maximum: 200 } }],
    })
    expect(refusal({ taxCode: '0100233488', legalName: 'A', address: 'x'.repeat(501) })).toEqual({
      address: [{ key: 'validation.tooLong', params: { maximum: 500 } }],
    })
    expect(refusal({ taxCode: '0100233488', legalName: 'A', vatRate: 10 })).toEqual({ '': [{ key: 'validation.unknownField' }] })
    expect(Object.keys(refusal({ taxCode: 100233488, legalName: 'A' }) ?? {})).toEqual(['taxCode'])
  })

  it('puts the refusal under the customer form field the person typed in', () => {
    const parsed = createCustomerSchema.safeParse({ name: 'Lan', invoiceDetails: { taxCode: '0100233480', legalName: 'Công ty A' } })
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(fieldIssues(parsed.error)).toEqual({ 'invoiceDetails.taxCode': [{ key: 'validation.taxCode.checkDigit' }] })
    expect(createCustomerSchema.parse({ name: 'Lan' }).invoiceDetails).toBeUndefined()
  })

  it('removes the details with null on the order page and on an order, but not through the API order body', () => {
    const customerId = '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f50'
    expect(setInvoiceDetailsSchema.parse({ customerId, invoiceDetails: null })).toEqual({ customerId, invoiceDetails: null })
    expect(setInvoiceDetailsSchema.safeParse({ customerId }).success).toBe(false)
    const order = {
      customerId,
      lines: [{ productId: customerId, quantity: 1 }],
      dueDate: '2026-12-08',
      dueTime: '10:00',
      mode: 'PICKUP',
      invoiceDetails: null,
    }
    expect(createOrderSchema.parse({ ...order, idempotencyKey: 'k'.repeat(20) }).invoiceDetails).toBeNull()
    expect(createOrderBodySchema.safeParse(order).success).toBe(false)
  })
})
