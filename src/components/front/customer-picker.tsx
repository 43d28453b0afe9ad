'use client'

import { useTranslations } from 'next-intl'
import { memo, useId, useImperativeHandle, useRef, useState, useTransition, type Ref } from 'react'
import { createCustomerAction } from '@/app/(front)/front/actions'
import { createCustomerSchema } from '@/lib/schemas/customer'
import { fieldIssues } from '@/lib/validation'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import type { DuplicateCandidateDTO } from '@/server/customers/find-duplicate-customers'
import { useListbox } from '../use-listbox'
import { Kbd } from './kbd'
import { typedAhead } from '../typed-ahead'
import { invalidateLookups, lookupNow, lookupUrl, useLookup } from './use-lookup'

export interface CustomerPickerHandle {
  focusSearch(): void
  startNew(): void
  /** Whether an Enter is waiting for its lookup. */
  busy(): boolean
  /** Resolves once no Enter is waiting for its lookup. */
  settled(): Promise<void>
}

type Draft = { name: string; phone: string; email: string }
const EMPTY: Draft = { name: '', phone: '', email: '' }

/** What was typed in the search box becomes the first field of a new customer it fits: a phone, an email or a name. */
function draftFrom(query: string): Draft {
  const q = query.trim()
  if (/^[+\d][\d\s().-]{5,}$/.test(q)) return { ...EMPTY, phone: q }
  if (q.includes('@')) return { ...EMPTY, email: q }
  return { ...EMPTY, name: q }
}

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

/** Memoized: the intake re-renders on every line added or typed in, and none of that concerns the customer. */
export const CustomerPicker = memo(function CustomerPicker({
  ref,
  value,
  onChange,
  error,
}: {
  ref?: Ref<CustomerPickerHandle>
  value: CustomerHitDTO | null
  /**
   * `advance`: move on to the next part of the order (picked with the keyboard); `ahead`: keys typed after Enter while
   * the customer was still being looked up (they were meant for the product search).
   */
  onChange: (customer: CustomerHitDTO | null, advance: boolean, ahead?: readonly string[]) => void
  error?: string
}) {
  const t = useTranslations('front.intake.customer')
  const tRoot = useTranslations()
  const tf = useTranslations('front.lookupFailure')
  const id = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const changeRef = useRef<HTMLButtonElement>(null)
  const pendingPick = useRef<Promise<void> | null>(null)
  const [query, setQuery] = useState('')
  const [mode, setMode] = useState<'search' | 'new'>('search')
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<DuplicateCandidateDTO[] | null>(null)
  const [saving, startSaving] = useTransition()

  const searchUrl = mode === 'search' && !value ? lookupUrl('/front/lookup/customers', { q: query }) : ''
  const lookup = useLookup<CustomerHitDTO>(searchUrl)
  const options = lookup.results
  const listbox = useListbox({
    query,
    onQueryChange: setQuery,
    items: options,
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

  // Live duplicate hint while a new customer is typed: same phone or email as someone already known.
  const phoneOk = createCustomerSchema.shape.phone.safeParse(draft.phone)
  const emailOk = createCustomerSchema.shape.email.safeParse(draft.email)
  const duplicates = useLookup<DuplicateCandidateDTO>(
    mode === 'new'
      ? lookupUrl('/front/lookup/duplicates', { phone: phoneOk.success ? phoneOk.data : undefined, email: emailOk.success ? emailOk.data : undefined })
      : '',
    250,
  )
  const shownDuplicates = candidates ?? (duplicates.current ? duplicates.results : [])

  function focusSearch() {
    if (value) {
      changeRef.current?.focus()
      return
    }
    setMode('search')
    requestAnimationFrame(() => searchRef.current?.focus())
  }

  function startNew(from = query) {
    onChange(null, false)
    setDraft(draftFrom(from))
    setDraftErrors({})
    setFormError(null)
    setCandidates(null)
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
    setCandidates(null)
  }

  function cancelNew() {
    setMode('search')
    setCandidates(null)
    requestAnimationFrame(() => searchRef.current?.focus())
  }

  function save(ignoreDuplicates: boolean) {
    const raw = { name: draft.name, phone: draft.phone, email: draft.email, ...(ignoreDuplicates ? { ignoreDuplicates: true } : {}) }
    const parsed = createCustomerSchema.safeParse(raw)
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const [path, refs] of Object.entries(fieldIssues(parsed.error))) if (refs[0]) errors[path] = tRoot(refs[0].key, refs[0].params)
      setDraftErrors(errors)
      return
    }
    setDraftErrors({})
    setFormError(null)
    startSaving(async () => {
      try {
        const result = await createCustomerAction(raw)
        if (!result.ok) {
          const errors: Record<string, string> = {}
          for (const [path, messages] of Object.entries(result.fieldErrors)) if (messages[0]) errors[path] = messages[0]
          setDraftErrors(errors)
          setFormError(result.formError ?? null)
          return
        }
        if (result.data.status === 'duplicates') {
          setCandidates(result.data.candidates)
          return
        }
        invalidateLookups('/front/lookup/')
        pick(result.data.customer)
      } catch {
        setFormError(tf('NETWORK'))
      }
    })
  }

  if (value) {
    return (
      <div className="flex flex-wrap items-start justify-between gap-3 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3" data-testid="selected-customer">
        <div>
          <p className="font-semibold text-slate-900">{value.name}</p>
          <p className="text-sm text-slate-700">
            {[value.phone, value.email].filter(Boolean).join(' · ') || t('noContact')}
          </p>
          {value.openOrders > 0 && <p className="mt-1 text-xs text-slate-600">{t('openOrders', { count: value.openOrders })}</p>}
        </div>
        <button
          ref={changeRef}
          type="button"
          onClick={() => {
            onChange(null, false)
            setMode('search')
            requestAnimationFrame(() => searchRef.current?.focus())
          }}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
        >
          {t('change')} <Kbd keys={['Alt', 'C']} className="ml-1" />
        </button>
      </div>
    )
  }

  if (mode === 'new') {
    const input = (name: keyof Draft, label: string, type: string, inputRef?: React.Ref<HTMLInputElement>, extra?: React.InputHTMLAttributes<HTMLInputElement>) => (
      <div>
        <label htmlFor={`${id}-${name}`} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
        <input
          ref={inputRef}
          id={`${id}-${name}`}
          type={type}
          value={draft[name]}
          onChange={(e) => {
            setDraft((d) => ({ ...d, [name]: e.target.value }))
            setCandidates(null)
          }}
          aria-invalid={draftErrors[name] ? true : undefined}
          aria-describedby={draftErrors[name] ? `${id}-${name}-error` : undefined}
          className={field}
          {...extra}
        />
        {draftErrors[name] && (
          <p id={`${id}-${name}-error`} className="mt-1 text-xs text-red-700">
            {draftErrors[name]}
          </p>
        )}
      </div>
    )
    return (
      <div
        className="rounded-lg border border-brand-100 bg-brand-50/60 p-4"
        role="group"
        aria-labelledby={`${id}-new-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            cancelNew()
          } else if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && (e.target as HTMLElement).tagName === 'INPUT') {
            e.preventDefault()
            save(false)
          }
        }}
      >
        <h3 id={`${id}-new-title`} className="mb-3 font-semibold">
          {t('newTitle')}
        </h3>
        <div className="grid gap-3 sm:grid-cols-3">
          {input('name', t('name'), 'text', nameRef, { autoComplete: 'off', maxLength: 120, required: true })}
          {input('phone', t('phone'), 'tel', undefined, { autoComplete: 'off', inputMode: 'tel', maxLength: 40 })}
          {input('email', t('email'), 'email', undefined, { autoComplete: 'off', maxLength: 254 })}
        </div>
        {shownDuplicates.length > 0 && (
          <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="duplicate-hint">
            <p className="font-medium text-amber-900">{t('duplicateTitle')}</p>
            <ul className="mt-2 space-y-2">
              {shownDuplicates.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <span className="font-medium">{c.name}</span>
                    <span className="text-slate-700"> · {[c.phone, c.email].filter(Boolean).join(' · ')}</span>
                    <span className="ml-1 text-xs text-amber-900">({c.matchedOn.map((m) => t(`matched.${m}`)).join(', ')})</span>
                  </span>
                  <button type="button" onClick={() => pick(c)} className="rounded-md bg-amber-600 px-3 py-1 text-sm font-semibold text-white hover:bg-amber-700">
                    {t('useExisting')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {formError && (
          <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {formError}
          </p>
        )}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <button
            type="button"
            disabled={saving}
            onClick={() => save(candidates !== null && candidates.length > 0)}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {saving ? t('saving') : candidates && candidates.length > 0 ? t('createAnyway') : t('save')}
          </button>
          <button type="button" onClick={cancelNew} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
            {t('cancel')}
          </button>
          <span className="text-xs text-slate-600">{t('newHint')}</span>
        </div>
      </div>
    )
  }

  return (
    <div className="relative">
      <label htmlFor={`${id}-search`} className="flex items-center justify-between text-sm font-medium text-slate-700">
        <span>{t('searchLabel')}</span>
        <span className="flex items-center gap-2 text-xs font-normal text-slate-500">
          <Kbd keys={['Alt', 'C']} /> <Kbd keys={['/']} />
        </span>
      </label>
      <input
        ref={searchRef}
        id={`${id}-search`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        maxLength={100}
        placeholder={t('searchPlaceholder')}
        aria-expanded={listbox.showList}
        aria-controls={listbox.listId}
        {...listbox.inputProps}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`${field} text-base`}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
      {listbox.showList && (
        <ul {...listbox.listProps} role="listbox" aria-label={t('results')}>
          {options.map((c, i) => (
            <li
              key={c.id}
              aria-disabled={lookup.loading || undefined}
              role="option"
              aria-selected={listbox.isActive(i)}
              {...listbox.optionProps(i)}
              onClick={() => pick(c)}
              className={`cursor-pointer px-3 py-2 text-sm ${listbox.isActive(i) ? 'bg-brand-50 text-brand-700' : ''} ${lookup.loading ? 'opacity-50' : ''}`}
            >
              <span className="font-medium">{c.name}</span>
              <span className="ml-2 text-slate-600">{[c.phone, c.email].filter(Boolean).join(' · ')}</span>
              {c.openOrders > 0 && <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t('openOrders', { count: c.openOrders })}</span>}
            </li>
          ))}
          {lookup.current && options.length === 0 && !lookup.failure && <li className="px-3 py-2 text-sm text-slate-600">{t('noMatch')}</li>}
          {lookup.failure && (
            <li className="px-3 py-2 text-sm text-red-700" role="alert">
              {tf(lookup.failure)}
            </li>
          )}
          {lookup.loading && <li className="px-3 py-2 text-sm text-slate-500">{t('searching')}</li>}
          <li
            role="option"
            aria-selected={listbox.isActive(options.length)}
            {...listbox.optionProps(options.length)}
            onClick={() => startNew()}
            className={`cursor-pointer border-t border-slate-100 px-3 py-2 text-sm font-medium ${listbox.isActive(options.length) ? 'bg-brand-50 text-brand-700' : 'text-brand-700'}`}
          >
            {t('newFromQuery', { query: query.trim() })} <Kbd keys={['Alt', 'N']} className="ml-1" />
          </li>
        </ul>
      )}
      <p className="mt-1 text-xs text-slate-500">
        <button type="button" onClick={() => startNew()} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {t('newCustomer')}
        </button>{' '}
        <Kbd keys={['Alt', 'N']} />
      </p>
    </div>
  )
})
