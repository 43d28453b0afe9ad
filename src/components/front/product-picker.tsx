'use client'

import { useLocale, useTranslations } from 'next-intl'
import { memo, useId, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { formatMoney } from '@/domain/money'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import { useListbox } from '../use-listbox'
import { Kbd } from './kbd'
import { lookupNow, lookupUrl, typedAhead, useLookup } from './use-lookup'

export interface ProductPickerHandle {
  focus(): void
  /** Type these keys into the search as if typed now (keys typed ahead while something else was still loading). */
  replay(keys: readonly string[]): void
  /** Whether an Enter is waiting for its lookup. */
  busy(): boolean
  /** Resolves once no Enter is waiting for its lookup (so a submit does not leave a line behind). */
  settled(): Promise<void>
}

/**
 * Type a product's name or SKU, arrows to choose, Enter adds it as a new line. Memoized: typing in a line re-renders
 * the intake, not this search (`onAdd` is stable).
 */
export const ProductPicker = memo(function ProductPicker({
  ref,
  currency,
  onAdd,
  error,
}: {
  ref?: Ref<ProductPickerHandle>
  currency: string
  /** `ahead`: keys typed after Enter while the product was still being looked up (meant for its quantity). */
  onAdd: (product: ProductHitDTO, ahead: readonly string[]) => void
  error?: string
}) {
  const t = useTranslations('front.intake.products')
  const tf = useTranslations('front.lookupFailure')
  const locale = useLocale()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const pendingAdd = useRef<Promise<void> | null>(null)
  const [query, setQuery] = useState('')
  const url = lookupUrl('/front/lookup/products', { q: query })
  const lookup = useLookup<ProductHitDTO>(url)
  const options = lookup.results
  const listbox = useListbox({
    query,
    onQueryChange: setQuery,
    items: options,
    current: lookup.current,
    onEnter: (chosen) => chosen && add(chosen),
    // Enter before the list arrived: add the first match as soon as it is known, keeping what is typed meanwhile for
    // the new line's quantity.
    onEarlyEnter: () => addFirstMatch(query),
    onEscape: (e) => {
      if (query !== '') e.stopPropagation()
      setQuery('')
    },
  })

  /** Enter on `q` before its results are known: add the first match when it is, keeping keys typed meanwhile. */
  function addFirstMatch(q: string, keysSoFar: readonly string[] = []) {
    listbox.startBuffering(keysSoFar)
    const done = lookupNow<ProductHitDTO>(lookupUrl('/front/lookup/products', { q })).then((rows) => {
      const keys = listbox.stopBuffering()
      if (pendingAdd.current === done) pendingAdd.current = null
      if (rows && rows[0]) add(rows[0], keys)
      else setQuery(q + typedAhead(keys).text)
    })
    pendingAdd.current = done
  }

  useImperativeHandle(ref, () => ({
    focus: () => inputRef.current?.focus(),
    busy: () => pendingAdd.current !== null,
    settled: async () => {
      // A replayed Enter may start another lookup when the previous one lands: wait until none is left.
      for (let i = 0; i < 50 && pendingAdd.current; i++) await pendingAdd.current
    },
    replay: (keys) => {
      const { text, enter, after } = typedAhead(keys)
      inputRef.current?.focus()
      setQuery(text)
      listbox.setOpen(text !== '')
      if (enter && text.trim() !== '') addFirstMatch(text, after)
    },
  }))

  function add(product: ProductHitDTO, ahead: readonly string[] = []) {
    setQuery('')
    listbox.setOpen(false)
    onAdd(product, ahead)
  }

  return (
    <div className="relative">
      <label htmlFor={`${id}-search`} className="flex items-center justify-between text-sm font-medium text-slate-700">
        <span>{t('searchLabel')}</span>
        <Kbd keys={['Alt', 'P']} className="text-xs font-normal" />
      </label>
      <input
        ref={inputRef}
        id={`${id}-search`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={t('searchPlaceholder')}
        aria-expanded={listbox.showList}
        aria-controls={listbox.listId}
        {...listbox.inputProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className={`mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500 ${error ? 'border-red-500' : ''}`}
      />
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {t('hint')}
        </p>
      )}
      {listbox.showList && (
        <ul {...listbox.listProps} role="listbox" aria-label={t('results')}>
          {options.map((p, i) => (
            <li
              key={p.id}
              aria-disabled={lookup.loading || undefined}
              role="option"
              aria-selected={listbox.isActive(i)}
              {...listbox.optionProps(i)}
              onClick={() => add(p)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm ${listbox.isActive(i) ? 'bg-brand-50 text-brand-700' : ''} ${lookup.loading ? 'opacity-50' : ''}`}
            >
              <span>
                <span className="font-medium">{p.name}</span> <span className="font-mono text-xs text-slate-500">{p.sku}</span>
              </span>
              <span className="whitespace-nowrap tabular-nums text-slate-700">
                {t('pricePer', { price: formatMoney(p.unitPrice, currency, locale), unit: p.unit })}
              </span>
            </li>
          ))}
          {lookup.current && options.length === 0 && !lookup.failure && <li className="px-3 py-2 text-sm text-slate-600">{t('noMatch')}</li>}
          {lookup.loading && <li className="px-3 py-2 text-sm text-slate-500">{t('searching')}</li>}
          {lookup.failure && (
            <li className="px-3 py-2 text-sm text-red-700" role="alert">
              {tf(lookup.failure)}
            </li>
          )}
        </ul>
      )}
    </div>
  )
})
