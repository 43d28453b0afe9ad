import type { DraftLine } from '@/components/front/line-row'

/** An intake line as the form holds it: 3 posters at the catalog price, quantity confirmed. */
export function draftLine(over: Partial<DraftLine> = {}): DraftLine {
  return {
    key: 'l1',
    productId: '7d3c4c1e-2f8a-4a57-9b7e-0a1c2d3e4f51',
    sku: 'POS-A1',
    name: 'Poster A1',
    unit: 'tấm',
    catalogPrice: 80_000,
    taxRateBp: 800,
    quantity: '3',
    price: '',
    note: '',
    quantityConfirmed: true,
    ...over,
  }
}
