'use client'

import { useLocale, useTranslations } from 'next-intl'
import { memo, useId, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react'
import { findInCatalog, type CatalogEntry } from '@/domain/catalog-search'
import { formatMoney } from '@/domain/money'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import { useListbox } from '../use-listbox'
import { SearchBox, SearchOption } from './intake/search-box'
import { Kbd } from './kbd'
import { typedAhead } from '../typed-ahead'

export interface ProductPickerHandle {
  focus(): void
  /** What is typed in the search and not yet added. */
  text(): string
  /** Type these keys into the search as if typed now (keys typed ahead while the customer was still being looked up). */
  replay(keys: readonly string[]): void
}

/**
 * Type a product's name or SKU, arrows to choose, Enter adds it as a new line. The search runs in the browser against
 * the catalog it holds (useCatalog), so Enter adds at once what is on screen: no lookup to wait for, and the keys
 * typed after it go to the new line's quantity (the parent moves the focus there before the next key is handled).
 * Memoized: typing in a line re-renders the intake, not this search (`onAdd` is stable).
 */
export const ProductPicker = memo(function ProductPicker({
  ref,
  currency,
  catalog,
  onAdd,
  error,
}: {
  ref?: Ref<ProductPickerHandle>
  currency: string
  catalog: readonly CatalogEntry<ProductHitDTO>[]
  /** `ahead`: keys typed after Enter that belong to the new line (its quantity, then the next search). */
  onAdd: (product: ProductHitDTO, ahead: readonly string[]) => void
  error?: string
}) {
  const t = useTranslations('front.intake.products')
  const locale = useLocale()
  const id = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const options = useMemo(() => findInCatalog(catalog, query), [catalog, query])
  const listbox = useListbox({
    query,
    onQueryChange: setQuery,
    items: options,
    current: true,
    onEnter: (chosen) => {
      // What is in the box now: a render may still be due for the last key, and the box is what the person sees.
      const typed = inputRef.current?.value ?? query
      const product = typed === query ? chosen : findInCatalog(catalog, typed, 1)[0]
      if (product) add(product)
    },
    onEarlyEnter: () => {},
    onEscape: (e) => {
      if (query !== '') e.stopPropagation()
      setQuery('')
    },
  })

  useImperativeHandle(ref, () => ({
    focus: () => inputRef.current?.focus(),
    text: () => inputRef.current?.value ?? query,
    replay: (keys) => {
      const { text, enter, after } = typedAhead(keys)
      inputRef.current?.focus()
      const product = enter ? findInCatalog(catalog, text, 1)[0] : undefined
      if (product) add(product, after)
      else {
        setQuery(text)
        listbox.setOpen(text !== '')
      }
    },
  }))

  function add(product: ProductHitDTO, ahead: readonly string[] = []) {
    setQuery('')
    listbox.setOpen(false)
    onAdd(product, ahead)
  }

  return (
    <div className="relative">
      <SearchBox
        keys={<Kbd keys={['Alt', 'P']} className="text-xs font-normal" />}
        baseId={id}
        error={error}
        inputRef={inputRef}
        listbox={listbox}
        label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        describedBy={error ? `${id}-error` : `${id}-hint`}
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
            <SearchOption
              key={p.id}
              listbox={listbox}
              index={i}
              onClick={() => add(p)}
              className="flex cursor-pointer items-baseline justify-between gap-3 px-3 py-2 text-sm"
            >
              <span>
                <span className="font-medium">{p.name}</span> <span className="font-mono text-xs text-slate-500">{p.sku}</span>
              </span>
              <span className="whitespace-nowrap tabular-nums text-slate-700">
                {t('pricePer', { price: formatMoney(p.unitPrice, currency, locale), unit: p.unit })}
              </span>
            </SearchOption>
          ))}
          {options.length === 0 && <li className="px-3 py-2 text-sm text-slate-600">{t('noMatch')}</li>}
        </ul>
      )}
    </div>
  )
})
