'use client'

import { useTranslations } from 'next-intl'
import { memo, useCallback } from 'react'
import { readAmount, type AmountReading } from '@/domain/intake'
import { formatMoney } from '@/domain/money'
import { lineAmounts } from '@/domain/tax'
import { LINE_NOTE_MAX } from '@/lib/schemas/order'
import { overLimit, TextLimit } from './intake/text-limit'

export interface DraftLine {
  key: string
  productId: string
  sku: string
  name: string
  unit: string
  /** Net catalog price (minor units). */
  catalogPrice: number
  taxRateBp: number
  /** As typed. */
  quantity: string
  /** Override as typed in the user's number format; '' = catalog price. */
  price: string
  note: string
  /**
   * Whether the quantity was confirmed: typed in, left with Enter, Tab or a click. A line added with Enter gets the
   * focus in its quantity; creating the order before it was confirmed asks first (unfinishedInput).
   */
  quantityConfirmed: boolean
}

export const MAX_QUANTITY_TYPED = 1_000_000

export function parseQuantity(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,7}$/.test(t)) return null
  const n = Number(t)
  return n >= 1 && n <= MAX_QUANTITY_TYPED ? n : null
}

/** The unit price a line will be sent with: the catalog's, or the override typed, with why it is refused. */
export function priceReading(line: DraftLine, currency: string, locale: string): AmountReading {
  if (line.price.trim() === '') return { ok: true, amount: line.catalogPrice }
  return readAmount(line.price, currency, locale)
}

/** The unit price a line will be sent with (null when the override typed is refused). */
export function effectivePrice(line: DraftLine, currency: string, locale: string): number | null {
  const reading = priceReading(line, currency, locale)
  return reading.ok ? reading.amount : null
}

const input =
  'block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

type Patch = (key: string, patch: Partial<DraftLine>) => void
type EnterHandler = (e: React.KeyboardEvent<HTMLInputElement>) => void

/** What the cells of one line share: where they are, which form owns their fields, and how they change the line. */
interface CellProps {
  /** The prefix of the line's element ids. */
  id: string
  n: number
  formId: string
  line: DraftLine
  onPatch: Patch
  onEnter: EnterHandler
}

/** The attributes every typed field of a line shares: its own form (see LineRow's formId), no autofill. */
function cellInput(id: string, formId: string, inputMode: 'numeric' | 'decimal', value: string) {
  return { id, form: formId, type: 'text', inputMode, autoComplete: 'off', value } as const
}

/** A cell's label: above the field on narrow screens (no column header there), read in full by a screen reader. */
function CellLabel({ htmlFor, shown, spoken }: { htmlFor: string; shown: string; spoken: string }) {
  return (
    <label htmlFor={htmlFor} className="block text-xs text-slate-600 md:sr-only">
      <span aria-hidden>{shown}</span>
      <span className="sr-only">{spoken}</span>
    </label>
  )
}

/** Name, SKU and tax rate, and the line's own note. */
function NameCell({ id, n, formId, line, onPatch, onEnter }: CellProps) {
  const t = useTranslations('front.intake.lines')
  return (
    <div className="col-start-2 row-start-1 min-w-0">
      <p className="truncate text-sm font-medium" title={line.name}>
        {line.name}
      </p>
      <p className="font-mono text-xs text-slate-500">
        {line.sku} · {t('taxRate', { rate: line.taxRateBp / 100 })}
      </p>
      <label htmlFor={`${id}-note`} className="sr-only">
        {t('noteFor', { n })}
      </label>
      {/* No maxLength: a pasted note is refused with the limit named, never cut. */}
      <input
        id={`${id}-note`}
        form={formId}
        type="text"
        value={line.note}
        placeholder={t('notePlaceholder')}
        onChange={(e) => onPatch(line.key, { note: e.target.value })}
        onKeyDown={onEnter}
        aria-invalid={overLimit(line.note, LINE_NOTE_MAX) || undefined}
        aria-describedby={`${id}-note-limit`}
        className={`${input} mt-1 py-1 text-xs`}
      />
      <TextLimit id={`${id}-note-limit`} text={line.note} max={LINE_NOTE_MAX} />
    </div>
  )
}

/** The quantity: typed, or stepped with ↑/↓; typing, Enter or leaving the field confirms it. */
function QuantityCell({
  id,
  n,
  formId,
  line,
  onPatch,
  onEnter,
  quantity,
  inputRef,
}: CellProps & { quantity: number | null; inputRef: (el: HTMLInputElement | null) => void }) {
  const t = useTranslations('front.intake.lines')
  return (
    <div className="min-w-0 md:col-start-3 md:row-start-1">
      <CellLabel htmlFor={`${id}-qty`} shown={t('quantity')} spoken={t('quantityFor', { n })} />
      <input
        ref={inputRef}
        {...cellInput(`${id}-qty`, formId, 'numeric', line.quantity)}
        aria-invalid={quantity === null ? true : undefined}
        onChange={(e) => onPatch(line.key, { quantity: e.target.value, quantityConfirmed: true })}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={() => {
          if (!line.quantityConfirmed) onPatch(line.key, { quantityConfirmed: true })
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault()
            const next = (quantity ?? 0) + (e.key === 'ArrowUp' ? 1 : -1)
            if (next >= 1 && next <= MAX_QUANTITY_TYPED) onPatch(line.key, { quantity: String(next), quantityConfirmed: true })
          } else {
            // Enter confirms; Ctrl+Enter (create the order) does not: it is what asks about an unconfirmed quantity.
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && !line.quantityConfirmed) onPatch(line.key, { quantityConfirmed: true })
            onEnter(e)
          }
        }}
        className={`${input} text-right tabular-nums`}
      />
      <span className="text-[11px] text-slate-500">{line.unit}</span>
    </div>
  )
}

/** The unit price: the catalog's, or an override typed by someone allowed to. */
function PriceCell({
  id,
  n,
  formId,
  line,
  onPatch,
  onEnter,
  price,
  canOverride,
  money,
}: CellProps & { price: number | null; canOverride: boolean; money: (n: number) => string }) {
  const t = useTranslations('front.intake.lines')
  return (
    <div className="min-w-0 md:col-start-4 md:row-start-1">
      {canOverride ? (
        <>
          <CellLabel htmlFor={`${id}-price`} shown={t('unitPrice')} spoken={t('priceFor', { n })} />
          <input
            {...cellInput(`${id}-price`, formId, 'decimal', line.price)}
            placeholder={money(line.catalogPrice)}
            aria-invalid={price === null ? true : undefined}
            aria-describedby={`${id}-price-hint`}
            onChange={(e) => onPatch(line.key, { price: e.target.value })}
            onKeyDown={onEnter}
            className={`${input} text-right tabular-nums ${line.price.trim() !== '' ? 'bg-amber-50' : ''}`}
          />
          <span id={`${id}-price-hint`} className="block text-[11px] text-slate-500">
            {line.price.trim() === '' ? t('catalogPrice') : t('overridden')}
          </span>
        </>
      ) : (
        <p className="pt-1.5 text-right text-sm tabular-nums text-slate-700">
          <span className="block text-xs text-slate-600 md:sr-only">{t('unitPrice')}</span>
          {money(line.catalogPrice)}
        </p>
      )}
    </div>
  )
}

interface LineRowProps {
  line: DraftLine
  index: number
  /**
   * The id of the line's own empty form, rendered outside the order's form: the line's controls belong to it (`form`
   * attribute) instead of the order's form. When a text field gets the focus, Chromium walks every control of that
   * field's form, each with a style-and-layout check; with the order's form owning the 4 controls of every line, the
   * new line's quantity took ~12 checks per line already there (742 at 60 lines, measured). The order is sent from
   * state, never from form data, so which form owns these controls changes nothing else.
   */
  formId: string
  currency: string
  locale: string
  canOverride: boolean
  errors: string[] | undefined
  onPatch: Patch
  onRemove: (key: string) => void
  /** Enter in a field of the line: back to the product search for the next one. */
  onDone: () => void
  registerQuantity: (key: string, element: HTMLInputElement | null) => void
}

/**
 * One order line. Memoized: typing in one line re-renders that line and the totals, not the 59 others (the parent
 * passes stable callbacks and keeps unchanged line objects as they are).
 */
export const LineRow = memo(function LineRow({
  line,
  index,
  formId,
  currency,
  locale,
  canOverride,
  errors,
  onPatch,
  onRemove,
  onDone,
  registerQuantity,
}: LineRowProps) {
  const t = useTranslations('front.intake.lines')
  const quantity = parseQuantity(line.quantity)
  const price = effectivePrice(line, currency, locale)
  let gross: number | null = null
  if (quantity !== null && price !== null) {
    try {
      gross = lineAmounts({ quantity, unitPrice: price, taxRateBp: line.taxRateBp }).gross
    } catch {
      gross = null
    }
  }
  const n = index + 1
  const id = `line-${line.key}`
  const { key } = line
  const quantityRef = useCallback((el: HTMLInputElement | null) => registerQuantity(key, el), [registerQuantity, key])
  const onEnter = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault()
      onDone()
    }
  }
  const money = (amount: number) => formatMoney(amount, currency, locale)
  const cell: CellProps = { id, n, formId, line, onPatch, onEnter }
  return (
    <li
      className="grid grid-cols-[1.5rem_minmax(0,1fr)_2.25rem] items-start gap-x-2 gap-y-1.5 border-t border-slate-100 px-3 py-2 first:border-t-0 md:grid-cols-[1.5rem_minmax(0,1fr)_5.5rem_8.5rem_8rem_2.25rem]"
      data-testid="order-line"
      aria-label={t('lineLabel', { n, name: line.name })}
    >
      <span className="col-start-1 row-start-1 pt-0.5 text-right text-xs tabular-nums text-slate-500">{n}</span>
      <NameCell {...cell} />
      <button
        type="button"
        form={formId}
        onClick={() => onRemove(line.key)}
        aria-label={t('remove', { n, name: line.name })}
        title={t('remove', { n, name: line.name })}
        className="col-start-3 row-start-1 self-start rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-red-50 hover:text-red-700 md:col-start-6"
      >
        ×
      </button>
      <div className="col-span-2 col-start-2 row-start-2 grid grid-cols-3 items-start gap-2 md:contents">
        <QuantityCell {...cell} quantity={quantity} inputRef={quantityRef} />
        <PriceCell {...cell} price={price} canOverride={canOverride} money={money} />
        <p className="pt-1.5 text-right text-sm font-semibold tabular-nums md:col-start-5 md:row-start-1">
          <span className="block text-xs font-normal text-slate-600 md:sr-only">
            <span aria-hidden>{t('total')}</span>
            <span className="sr-only">{t('lineTotalFor', { n })}</span>
          </span>
          {gross === null ? '—' : money(gross)}
        </p>
      </div>
      {errors && errors.length > 0 && (
        <p className="col-span-2 col-start-2 text-xs text-red-700 md:col-span-4" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </li>
  )
})
