'use client'

import { useTranslations } from 'next-intl'
import { memo, useId, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { createCustomerAction } from '@/actions/counter'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { useListbox } from '../use-listbox'
import { NewCustomerForm } from './intake/new-customer-form'
import { SearchBox, SearchOption } from './intake/search-box'
import { Kbd, ShortcutButton } from './kbd'
import { typedAhead } from '../typed-ahead'
import { lookupNow, lookupUrl, useLookup, type LookupState } from './use-lookup'

export interface CustomerPickerHandle {
  focusSearch(): void
  startNew(): void
  /** Whether an Enter is waiting for its lookup. */
  busy(): boolean
  /** Resolves once no Enter is waiting for its lookup. */
  settled(): Promise<void>
}

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

/** The customer chosen for the order, with the button that changes it (Alt+C). */
function SelectedCustomer({
  customer: value,
  changeRef,
  onChange,
}: {
  customer: CustomerHitDTO
  changeRef: Ref<HTMLButtonElement>
  onChange: () => void
}) {
  const t = useTranslations('front.intake.customer')
  return (
    <div
      className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3"
      data-testid="selected-customer"
    >
      <div>
        <p className="font-semibold text-slate-900">{value.name}</p>
        <p className="text-sm text-slate-700">{[value.phone, value.email].filter(Boolean).join(' · ') || t('noContact')}</p>
        {value.openOrders > 0 && <p className="mt-1 text-xs text-slate-600">{t('openOrders', { count: value.openOrders })}</p>}
      </div>
      <ShortcutButton ref={changeRef} keys={['Alt', 'C']} onClick={onChange} look="small">
        {t('change')}
      </ShortcutButton>
    </div>
  )
}

/** "New customer" under the search, with its shortcut. */
function NewCustomerLink({ onClick }: { onClick: () => void }) {
  const t = useTranslations('front.intake.customer')
  return (
    <p className="mt-1 text-xs text-slate-500">
      <button type="button" onClick={onClick} className="font-medium text-brand-700 underline-offset-2 hover:underline">
        {t('newCustomer')}
      </button>{' '}
      <Kbd keys={['Alt', 'N']} />
    </p>
  )
}

/** The results for what is typed, what went wrong looking them up, and "new customer …" last. */
function CustomerResults({
  listbox,
  lookup,
  query,
  onPick,
  onNew,
}: {
  listbox: ReturnType<typeof useListbox<CustomerHitDTO>>
  lookup: LookupState<CustomerHitDTO>
  query: string
  onPick: (customer: CustomerHitDTO) => void
  onNew: () => void
}) {
  const t = useTranslations('front.intake.customer')
  const tf = useTranslations('front.lookupFailure')
  return (
    <ul {...listbox.listProps} role="listbox" aria-label={t('results')}>
      {lookup.results.map((c, i) => (
        <SearchOption
          key={c.id}
          listbox={listbox}
          index={i}
          disabled={lookup.loading}
          onClick={() => onPick(c)}
          className={`cursor-pointer px-3 py-2 text-sm ${lookup.loading ? 'opacity-50' : ''}`}
        >
          <span className="font-medium">{c.name}</span>
          <span className="ml-2 text-slate-600">{[c.phone, c.email].filter(Boolean).join(' · ')}</span>
          {c.openOrders > 0 && (
            <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t('openOrders', { count: c.openOrders })}</span>
          )}
        </SearchOption>
      ))}
      {lookup.current && lookup.results.length === 0 && !lookup.failure && (
        <li className="px-3 py-2 text-sm text-slate-600">{t('noMatch')}</li>
      )}
      {lookup.failure && (
        <li className="px-3 py-2 text-sm text-red-700" role="alert">
          {tf(lookup.failure)}
        </li>
      )}
      {lookup.loading && <li className="px-3 py-2 text-sm text-slate-500">{t('searching')}</li>}
      <SearchOption
        listbox={listbox}
        index={lookup.results.length}
        onClick={onNew}
        className="cursor-pointer border-t border-slate-100 px-3 py-2 text-sm font-medium text-brand-700"
      >
        {t('newFromQuery', { query: query.trim() })} <Kbd keys={['Alt', 'N']} className="ml-1" />
      </SearchOption>
    </ul>
  )
}

interface CustomerPickerProps {
  ref?: Ref<CustomerPickerHandle>
  value: CustomerHitDTO | null
  /**
   * `advance`: move on to the next part of the order (picked with the keyboard); `ahead`: keys typed after Enter while
   * the customer was still being looked up (they were meant for the product search).
   */
  onChange: (customer: CustomerHitDTO | null, advance: boolean, ahead?: readonly string[]) => void
  error?: string
}

/** Memoized: the intake re-renders on every line added or typed in, and none of that concerns the customer. */
export const CustomerPicker = memo(function CustomerPicker({ ref, value, onChange, error }: CustomerPickerProps) {
  const t = useTranslations('front.intake.customer')
  const id = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const changeRef = useRef<HTMLButtonElement>(null)
  const pendingPick = useRef<Promise<void> | null>(null)
  const [query, setQuery] = useState('')
  const [mode, setMode] = useState<'search' | 'new'>('search')
  // What the new-customer form starts from; `n` remounts it (a fresh form) each time it is opened.
  const [newFrom, setNewFrom] = useState({ text: '', n: 0 })

  const searchUrl = mode === 'search' && !value ? lookupUrl('/front/lookup/customers', { q: query }) : ''
  const lookup = useLookup<CustomerHitDTO>(searchUrl)
  const listbox = useListbox({
    query,
    onQueryChange: setQuery,
    items: lookup.results,
    // The last option is always "new customer …": reachable with the arrow keys like any result.
    extra: 1,
    enabled: mode === 'search' && !value,
    current: lookup.current,
    onEnter: (chosen) => (chosen ? pick(chosen) : startNew()),
    onEarlyEnter: () => {
      // Typed and pressed Enter before the results arrived: take the first match of what was typed.
      const typed = query
      listbox.startBuffering()
      const done = lookupNow<CustomerHitDTO>(searchUrl).then((rows) => {
        const keys = listbox.stopBuffering()
        pendingPick.current = null
        if (rows && rows[0]) pick(rows[0], keys)
        else if (rows) startNew(typed)
        else setQuery((q) => q + typedAhead(keys).text)
      })
      pendingPick.current = done
    },
  })

  function focusSearch() {
    if (value) return changeRef.current?.focus()
    setMode('search')
    requestAnimationFrame(() => searchRef.current?.focus())
  }

  function startNew(from = query) {
    onChange(null, false)
    setNewFrom((f) => ({ text: from, n: f.n + 1 }))
    setMode('new')
    listbox.setOpen(false)
    requestAnimationFrame(() => nameRef.current?.focus())
  }

  useImperativeHandle(ref, () => ({
    focusSearch,
    startNew: () => startNew(),
    busy: () => pendingPick.current !== null,
    settled: async () => {
      if (pendingPick.current) await pendingPick.current
    },
  }))

  function pick(customer: CustomerHitDTO, ahead: readonly string[] = []) {
    onChange(customer, true, ahead)
    listbox.setOpen(false)
    setMode('search')
    setQuery('')
  }

  function cancelNew() {
    setMode('search')
    requestAnimationFrame(() => searchRef.current?.focus())
  }

  if (value) {
    return (
      <SelectedCustomer
        customer={value}
        changeRef={changeRef}
        onChange={() => {
          onChange(null, false)
          cancelNew()
        }}
      />
    )
  }

  if (mode === 'new') {
    return (
      <NewCustomerForm
        key={newFrom.n}
        id={id}
        from={newFrom.text}
        nameRef={nameRef}
        createCustomer={createCustomerAction}
        onPick={pick}
        onCancel={cancelNew}
      />
    )
  }

  return (
    <div className="relative">
      <SearchBox
        baseId={id}
        inputRef={searchRef}
        label={t('searchLabel')}
        keys={
          <span className="flex items-center gap-2 text-xs font-normal text-slate-500">
            <Kbd keys={['Alt', 'C']} /> <Kbd keys={['/']} />
          </span>
        }
        placeholder={t('searchPlaceholder')}
        listbox={listbox}
        autoFocus
        error={error}
        describedBy={error ? `${id}-error` : undefined}
        className={`${field} text-base`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {listbox.showList && (
        <CustomerResults listbox={listbox} lookup={lookup} query={query} onPick={(c) => pick(c)} onNew={() => startNew()} />
      )}
      <NewCustomerLink onClick={() => startNew()} />
    </div>
  )
})
