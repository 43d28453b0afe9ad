import 'server-only'
import { BILLING_READERS } from '@/domain/permissions'
import { csvDocument, daysBetween } from '@/domain/billing'
import { DomainError } from '@/domain/errors'
import { fromMinor } from '@/domain/money'
import { formatOrderNumber } from '@/domain/numbering'
import { dayBounds, wallClock } from '@/domain/opening-hours'
import type { BillingExportInput } from '@/lib/schemas/billing'
import type { Actor } from '../auth/actor'
import { authorizeAny } from '../authz'
import { db } from '../db'
import { getSettings } from '../settings/get-settings'
import { defineUseCase } from '../use-case'

export const MAX_EXPORT_DAYS = 366

type Cell = string | number | null

/** Invoices issued in the range: amounts, what was credited and paid against each, what is open. */
async function invoiceRows({ range, when, money, order }: Sheet): Promise<Cell[][]> {
  const rows = await db().invoice.findMany({
    where: { issuedAt: range },
    orderBy: [{ year: 'asc' }, { seq: 'asc' }],
    select: {
      number: true,
      issuedAt: true,
      dueAt: true,
      currency: true,
      subtotal: true,
      taxTotal: true,
      total: true,
      buyer: true,
      crossRole: true,
      order: { select: { number: true } },
      customer: { select: { name: true } },
      issuedBy: { select: { name: true } },
      creditNotes: { select: { total: true } },
      allocations: { select: { amount: true } },
    },
  })
  const header = [
    'number',
    'issued_at',
    'due_at',
    'order',
    'customer',
    'currency',
    'subtotal',
    'tax',
    'total',
    'credited',
    'paid',
    'open',
    'issued_by',
  ]
  const body = rows.map((r) => {
    const credited = r.creditNotes.reduce((s, c) => s + c.total, 0)
    const paid = r.allocations.reduce((s, a) => s + a.amount, 0)
    const buyer = (r.buyer ?? {}) as { name?: unknown }
    return [
      r.number,
      when(r.issuedAt),
      when(r.dueAt),
      order(r.order.number),
      typeof buyer.name === 'string' ? buyer.name : r.customer.name,
      r.currency,
      money(r.subtotal),
      money(r.taxTotal),
      money(r.total),
      money(credited),
      money(paid),
      money(r.total - credited - paid),
      r.issuedBy.name,
    ]
  })
  return [header, ...body]
}

/** Money received or refunded in the range (refunds negative), with the invoices each payment settled. */
async function paymentRows({ range, when, money, order, currency }: Sheet): Promise<Cell[][]> {
  const rows = await db().payment.findMany({
    where: { receivedAt: range },
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
    select: {
      receivedAt: true,
      kind: true,
      method: true,
      amount: true,
      tendered: true,
      reference: true,
      order: { select: { number: true } },
      customer: { select: { name: true } },
      invoice: { select: { number: true } },
      creditNote: { select: { number: true } },
      receivedBy: { select: { name: true } },
      allocations: { select: { invoice: { select: { number: true } } } },
    },
  })
  const header = [
    'received_at',
    'kind',
    'method',
    'currency',
    'amount',
    'order',
    'customer',
    'invoice',
    'credit_note',
    'reference',
    'received_by',
  ]
  const body = rows.map((r) => {
    const invoices = r.invoice ? [r.invoice.number] : [...new Set(r.allocations.map((a) => a.invoice.number))]
    return [
      when(r.receivedAt),
      r.kind,
      r.method,
      currency,
      money(r.amount),
      order(r.order.number),
      r.customer.name,
      invoices.join(' '),
      r.creditNote?.number ?? null,
      r.reference,
      r.receivedBy.name,
    ]
  })
  return [header, ...body]
}

/** Credit notes issued in the range, with what was refunded on each. */
async function creditNoteRows({ range, when, money, order }: Sheet): Promise<Cell[][]> {
  const rows = await db().creditNote.findMany({
    where: { issuedAt: range },
    orderBy: [{ year: 'asc' }, { seq: 'asc' }],
    select: {
      number: true,
      issuedAt: true,
      currency: true,
      reason: true,
      reinvoice: true,
      subtotal: true,
      taxTotal: true,
      total: true,
      invoice: { select: { number: true } },
      order: { select: { number: true } },
      customer: { select: { name: true } },
      issuedBy: { select: { name: true } },
      refunds: { select: { amount: true } },
    },
  })
  const header = [
    'number',
    'issued_at',
    'invoice',
    'order',
    'customer',
    'currency',
    'subtotal',
    'tax',
    'total',
    'refunded',
    'reinvoice',
    'reason',
    'issued_by',
  ]
  const body = rows.map((r) => [
    r.number,
    when(r.issuedAt),
    r.invoice.number,
    order(r.order.number),
    r.customer.name,
    r.currency,
    money(r.subtotal),
    money(r.taxTotal),
    money(r.total),
    money(-r.refunds.reduce((s, x) => s + x.amount, 0)),
    r.reinvoice ? 'yes' : 'no',
    r.reason,
    r.issuedBy.name,
  ])
  return [header, ...body]
}

/** What each sheet needs: the range's bounds and how the shop writes times, money and order numbers. */
interface Sheet {
  range: { gte: Date; lt: Date }
  when: (d: Date) => string
  money: (minor: number) => number
  order: (n: number) => string
  currency: string
}

const SHEETS: Record<BillingExportInput['kind'], (sheet: Sheet) => Promise<Cell[][]>> = {
  invoices: invoiceRows,
  payments: paymentRows,
  'credit-notes': creditNoteRows,
}

/** The bookkeeper's export: invoices, payments (refunds negative) or credit notes issued in [from, to] (business
 * days, both included), as CSV that spreadsheets open safely (no formula injection, UTF-8 with BOM). */
export async function exportBillingCsv(actor: Actor, input: BillingExportInput): Promise<{ filename: string; body: string; rows: number }> {
  authorizeAny(actor, BILLING_READERS)
  if (daysBetween(input.from, input.to) + 1 > MAX_EXPORT_DAYS)
    throw new DomainError('INVALID', 'back.errors.exportRange', { max: MAX_EXPORT_DAYS }, 'to')
  const settings = await getSettings()
  const tz = settings.timeZone
  const table = await SHEETS[input.kind]({
    range: { gte: dayBounds(input.from, tz).start, lt: dayBounds(input.to, tz).end },
    when: (d: Date) => {
      const w = wallClock(d, tz)
      return `${w.ymd} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
    },
    money: (minor: number) => fromMinor(minor, settings.currency),
    order: (n: number) => formatOrderNumber(settings.orderPrefix, n),
    currency: settings.currency,
  })
  return { filename: `handoff-${input.kind}-${input.from}-to-${input.to}.csv`, body: csvDocument(table), rows: table.length - 1 }
}

/** Who may call it, read by its route and the authorization matrix. */
export const exportBillingCsvUseCase = defineUseCase({ name: 'exportBillingCsv', tasks: BILLING_READERS })
