// Bank transfers: the memo a VietQR code asks the customer's bank to carry, finding it again in the text the bank
// sends back, and whether a transfer's amount may be applied to what it names. Pure; src/server/billing/
// receive-transfer.ts applies it inside the transaction that holds the order's lock (docs/decisions/016).

import { roundHalfAwayFromZero } from './money'

/** Why a transfer was not applied automatically; it waits on the unmatched list for a person. */
export const UNMATCHED_REASONS = ['NO_MEMO', 'UNKNOWN_ORDER', 'CANCELLED', 'ALREADY_PAID', 'OVERPAYMENT', 'WRONG_AMOUNT'] as const
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number]

/** Upper-case A–Z and 0–9 only: Vietnamese letters lose their marks (Đ → D), everything else goes. */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
}

/** The memo of a QR code for an order: its number without the dash, unaccented ("DH-000123" → "DH000123"). */
export function orderMemo(orderNumber: string): string {
  return unaccented(orderNumber)
}

/** The memo of a QR code for an invoice: its number, unaccented ("HĐ-2026-000042" → "HD2026000042"). */
export function invoiceMemo(invoiceNumber: string): string {
  return unaccented(invoiceNumber)
}

export type TransferReference = { kind: 'ORDER'; number: number } | { kind: 'INVOICE'; year: number; seq: number }

/**
 * The order or invoice a bank's transfer text names. Banks add their own words around the memo ("MBVCB.3278907687.
 * DH000123.CT tu 0123…"), may drop spaces and dashes, and never keep diacritics; so the text is unaccented and cut at
 * anything that is not a letter or digit, and the memo looked for in each piece. Invoice numbers (prefix, 4-digit
 * year, 6+ digit sequence) are tried first; then an order number (prefix, digits).
 */
export function findReference(text: string, prefixes: { order: string; invoice: string }): TransferReference | null {
  const pieces = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
  const invoice = new RegExp(`^${unaccented(prefixes.invoice)}(\\d{4})(\\d{6,10})$`)
  const order = new RegExp(`^${unaccented(prefixes.order)}(\\d{1,10})$`)
  for (const piece of pieces) {
    const i = invoice.exec(piece)
    if (i) return { kind: 'INVOICE', year: Number(i[1]), seq: Number(i[2]) }
  }
  for (const piece of pieces) {
    const o = order.exec(piece)
    if (o && Number(o[1]) > 0) return { kind: 'ORDER', number: Number(o[1]) }
  }
  return null
}

/**
 * What the ticket's QR code asks for when the shop asks for a deposit: `percent` of the order's total, less what is
 * already held on the order, never more than is left to pay. 0: nothing to ask.
 */
export function depositAsk(total: number, held: number, leftToPay: number, percent: number): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new RangeError(`percent must be 1-100, got ${percent}`)
  const wanted = roundHalfAwayFromZero(total * percent, 100) - held
  return Math.max(0, Math.min(wanted, leftToPay))
}

export interface TransferTarget {
  /** What may still be paid on it (the order's amount left to pay, or the invoice's open amount). */
  open: number
  /** The amounts a QR code of ours may have asked for it (the balance, a deposit). */
  asked: readonly number[]
  cancelled: boolean
}

/** Whether a transfer of `amount` is applied to the target; otherwise why not. Money is never applied beyond what
 * is open, and an amount no QR code asked for is left to a person rather than guessed at. */
export function judgeTransfer(amount: number, target: TransferTarget): { ok: true } | { ok: false; reason: UnmatchedReason } {
  if (target.cancelled) return { ok: false, reason: 'CANCELLED' }
  if (target.open <= 0) return { ok: false, reason: 'ALREADY_PAID' }
  if (amount > target.open) return { ok: false, reason: 'OVERPAYMENT' }
  if (!target.asked.includes(amount)) return { ok: false, reason: 'WRONG_AMOUNT' }
  return { ok: true }
}
