'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { createOrderAction } from '@/app/(front)/front/actions'
import { readDeposit, unfinishedInput, type Unfinished } from '@/domain/intake'
import { documentTotals, type DocumentTotals } from '@/domain/tax'
import { createOrderSchema, DELIVERY_ADDRESS_MAX, MAX_ORDER_LINES, ORDER_NOTES_MAX, type PaymentMethodInput } from '@/lib/schemas/order'
import { fieldIssues } from '@/lib/validation'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { CustomerPicker, type CustomerPickerHandle } from './customer-picker'
import { AmountsPanel, useAmountProblem } from './intake/amounts-panel'
import { ConfirmSubmit } from './intake/confirm-submit'
import { DueFields } from './intake/due-fields'
import { buildOrderPayload } from './intake/order-payload'
import { ShortcutList } from './intake/shortcut-list'
import { overLimit, TextLimit } from './intake/text-limit'
import { useCatalog, type ActiveCatalog } from './intake/use-catalog'
import { Kbd } from './kbd'
import { effectivePrice, LineRow, parseQuantity, type DraftLine } from './line-row'
import { ProductPicker, type ProductPickerHandle } from './product-picker'
import { typedAhead } from '../typed-ahead'

type Errors = Record<string, string>

const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
}

let lineSeq = 0

/**
 * The counter's order intake: customer, lines, due date, pickup or delivery, notes and an optional deposit, all
 * reachable from the keyboard. The idempotency key comes with the page, so a double click, a retry after a network
 * error or a resubmitted form all land on the same order.
 */
export function IntakeForm({
  idempotencyKey: keyFromServer,
  currency,
  defaultDue,
  minDate,
  canOverride,
  initialCustomer,
  catalog: initialCatalog,
}: {
  idempotencyKey: string
  currency: string
  defaultDue: { dueDate: string; dueTime: string }
  /** Today in the business time zone: the earliest due date, and what `+2` counts from. */
  minDate: string
  canOverride: boolean
  initialCustomer: CustomerHitDTO | null
  catalog: ActiveCatalog
}) {
  const t = useTranslations('front.intake')
  const tRoot = useTranslations()
  const locale = useLocale()
  const router = useRouter()
  const id = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const customerRef = useRef<CustomerPickerHandle>(null)
  const productRef = useRef<ProductPickerHandle>(null)
  const dueQuickRef = useRef<HTMLInputElement>(null)
  const depositRef = useRef<HTMLInputElement>(null)
  const catalog = useCatalog(initialCatalog)
  const quantityInputs = useRef(new Map<string, HTMLInputElement>())
  /** The line whose quantity gets the focus when it mounts; `typed`: digits were typed ahead, keep the caret after them. */
  const pendingFocus = useRef<{ key: string; typed: boolean } | null>(null)
  const submitting = useRef(false)
  // Fixed for the life of the form: a refresh of the page's data must not turn a retry into a second order.
  const [idempotencyKey] = useState(keyFromServer)

  const [customer, setCustomer] = useState<CustomerHitDTO | null>(initialCustomer)
  const [lines, setLines] = useState<DraftLine[]>([])
  const [dueDate, setDueDate] = useState(defaultDue.dueDate)
  const [dueTime, setDueTime] = useState(defaultDue.dueTime)
  const [dueQuickOk, setDueQuickOk] = useState(true)
  const [unfinished, setUnfinished] = useState<Unfinished[] | null>(null)
  const [mode, setMode] = useState<'PICKUP' | 'DELIVERY'>('PICKUP')
  const [address, setAddress] = useState('')
  const [notes, setNotes] = useState('')
  const [depositText, setDepositText] = useState('')
  const [depositMethod, setDepositMethod] = useState<PaymentMethodInput>('CASH')
  const [tenderedText, setTenderedText] = useState('')
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)

  // Stable callbacks: rows are memoized, so these must not change identity between renders.
  const patchLine = useCallback((key: string, patch: Partial<DraftLine>) => {
    setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)))
  }, [])
  const removeLine = useCallback((key: string) => {
    setLines((ls) => ls.filter((l) => l.key !== key))
    productRef.current?.focus()
  }, [])
  const backToProducts = useCallback(() => productRef.current?.focus(), [])
  const registerQuantity = useCallback((key: string, el: HTMLInputElement | null) => {
    if (el) {
      quantityInputs.current.set(key, el)
      if (pendingFocus.current?.key === key) {
        const { typed } = pendingFocus.current
        pendingFocus.current = null
        el.focus()
        if (typed) el.setSelectionRange(el.value.length, el.value.length)
        else el.select()
      }
    } else quantityInputs.current.delete(key)
  }, [])

  const pickCustomer = useCallback((c: CustomerHitDTO | null, advance: boolean, ahead?: readonly string[]) => {
    // Rendered at once, so the product search has focus before the next key arrives.
    flushSync(() => {
      setCustomer(c)
      if (c) setErrors(({ customerId: _dropped, ...rest }) => rest)
    })
    if (c && advance) productRef.current?.replay(ahead ?? [])
  }, [])

  const addProduct = useCallback((p: ProductHitDTO, keys: readonly string[]) => {
    const key = `l${++lineSeq}`
    // Keys typed ahead of this line (while the customer was still being looked up) were its quantity and, after an
    // Enter, the next search.
    const ahead = typedAhead(keys)
    const typed = /^\d{1,7}$/.test(ahead.text)
    const quantity = typed ? ahead.text : '1'
    if (!ahead.enter) pendingFocus.current = { key, typed }
    // Rendered at once: the new quantity field exists and has the focus before the browser hands over the next key.
    flushSync(() =>
      setLines((ls) =>
        ls.length >= MAX_ORDER_LINES
          ? ls
          : [...ls, { key, productId: p.id, sku: p.sku, name: p.name, unit: p.unit, catalogPrice: p.unitPrice, taxRateBp: p.taxRateBp, quantity, price: '', note: '', quantityConfirmed: ahead.enter }],
      ),
    )
    if (ahead.enter) productRef.current?.replay(ahead.after)
  }, [])

  const totals: DocumentTotals | null = useMemo(() => {
    try {
      return documentTotals(
        lines.flatMap((l) => {
          const quantity = parseQuantity(l.quantity)
          const unitPrice = effectivePrice(l, currency, locale)
          return quantity !== null && unitPrice !== null ? [{ quantity, unitPrice, taxRateBp: l.taxRateBp }] : []
        }),
      )
    } catch {
      return null
    }
  }, [lines, currency, locale])

  const depositReading = readDeposit({ deposit: depositText, tendered: tenderedText, method: depositMethod, total: totals?.total ?? null }, currency, locale)
  const amountProblem = useAmountProblem(currency, locale)

  // Line errors grouped per line (stable object per render of errors only, so untouched rows stay memoized).
  const lineErrors = useMemo(() => {
    const out: Record<number, string[]> = {}
    for (const [path, message] of Object.entries(errors)) {
      const m = /^lines\.(\d+)/.exec(path)
      if (m) (out[Number(m[1])] ??= []).push(message)
    }
    return out
  }, [errors])

  function buildPayload(): { payload: Record<string, unknown>; local: Errors } {
    const draft = { idempotencyKey, customerId: customer?.id ?? null, lines, dueDate, dueTime, dueQuickOk, mode, address, notes, deposit: depositReading, depositMethod }
    const { payload, problems } = buildOrderPayload(draft, currency, locale)
    const local: Errors = {}
    for (const [path, problem] of Object.entries(problems)) {
      local[path] = problem === 'quantity' ? t('errors.quantity') : problem === 'dueQuick' ? t('due.notUnderstood') : amountProblem(problem)
    }
    return { payload, local }
  }

  /** Friendlier words for the places a person looks at, whatever the generic validation message was. */
  function contextual(path: string, message: string): string {
    if (path === 'customerId') return t('errors.customer')
    if (path === 'lines') return t('errors.noLines')
    if (path === 'dueDate' || path === 'dueTime') return path === 'dueDate' && message !== tRoot('validation.format') ? message : t('errors.due')
    if (path === 'deliveryAddress') return message === tRoot('validation.required') ? t('errors.address') : message
    return message
  }

  function focusFirstError(errs: Errors) {
    // In the order the form reads: customer, items, when, handover, notes, deposit.
    const rank = (path: string) => {
      const order = ['customerId', 'lines', 'dueDate', 'dueTime', 'deliveryAddress', 'notes', 'deposit']
      const i = order.findIndex((p) => path === p || path.startsWith(`${p}.`))
      return i < 0 ? order.length : i
    }
    const first = Object.keys(errs).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))[0]
    if (!first) return
    if (first === 'customerId') customerRef.current?.focusSearch()
    else if (first === 'lines') productRef.current?.focus()
    else {
      const m = /^lines\.(\d+)/.exec(first)
      const line = m ? lines[Number(m[1])] : undefined
      if (line) quantityInputs.current.get(line.key)?.focus()
      else document.getElementById(`${id}-${first.replace(/\./g, '-')}`)?.focus()
    }
  }

  async function submit(confirmed = false) {
    if (submitting.current) return
    if (customerRef.current?.busy()) {
      // Ctrl+Enter right after the customer's Enter: let the customer land first, then submit again with it.
      submitting.current = true
      await customerRef.current.settled()
      submitting.current = false
      requestAnimationFrame(() => formRef.current?.requestSubmit())
      return
    }
    if (!confirmed) {
      // Typed but not added, or added but its quantity never confirmed: ask rather than guess.
      const open = unfinishedInput({ productSearch: productRef.current?.text() ?? '', lines })
      if (open.length > 0) {
        setUnfinished(open)
        return
      }
    }
    const { payload, local } = buildPayload()
    const parsed = createOrderSchema.safeParse(payload)
    const errs: Errors = { ...local }
    if (!parsed.success) {
      for (const [path, refs] of Object.entries(fieldIssues(parsed.error))) {
        if (!errs[path] && refs[0]) errs[path] = contextual(path, tRoot(refs[0].key, refs[0].params))
      }
    }
    if (Object.keys(errs).length > 0) {
      setErrors(errs)
      setFormError(t('errors.check'))
      focusFirstError(errs)
      return
    }
    submitting.current = true
    setPending(true)
    setErrors({})
    setFormError(null)
    try {
      const result = await createOrderAction(payload)
      if (result.ok) {
        // Stay "pending" while the ticket loads: the key is spent, a second submit would only find the same order.
        router.push(`/front/orders/${result.data.id}/ticket?new=1`)
        return
      }
      const server: Errors = {}
      for (const [path, messages] of Object.entries(result.fieldErrors)) if (messages[0]) server[path] = contextual(path, messages[0])
      setErrors(server)
      setFormError(result.formError ?? t('errors.check'))
      focusFirstError(server)
    } catch {
      // The request may or may not have reached the server: the same key makes a retry safe either way.
      setFormError(t('errors.network'))
    }
    submitting.current = false
    setPending(false)
  }

  // Shortcuts anywhere on the page. Alt+letter by physical key (e.code), so a layout or macOS Option-character does
  // not matter; none of these is a Chromium shortcut (Alt+D, Alt+E and Alt+F are, and are avoided), a Firefox menu
  // (Alt+F, E, V, S, B, T, H) or a screen reader's (NVDA, JAWS and Orca use Insert or Caps Lock, VoiceOver Ctrl+Option).
  // Alt+O (new order) is the counter's, in NewOrderKey.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && !e.ctrlKey && !e.metaKey) {
        if (e.code === 'KeyC') {
          e.preventDefault()
          customerRef.current?.focusSearch()
        } else if (e.code === 'KeyN') {
          e.preventDefault()
          customerRef.current?.startNew()
        } else if (e.code === 'KeyP') {
          e.preventDefault()
          productRef.current?.focus()
        } else if (e.code === 'KeyW') {
          e.preventDefault()
          dueQuickRef.current?.focus()
        } else if (e.code === 'KeyM') {
          e.preventDefault()
          depositRef.current?.focus()
        }
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault()
        formRef.current?.requestSubmit()
      } else if (e.key === '/' && !isEditable(e.target)) {
        e.preventDefault()
        customerRef.current?.focusSearch()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const onDue = useCallback((due: { dueDate?: string; dueTime?: string; quickOk: boolean }) => {
    if (due.dueDate !== undefined) setDueDate(due.dueDate)
    if (due.dueTime !== undefined) setDueTime(due.dueTime)
    setDueQuickOk(due.quickOk)
  }, [])

  /** "Back to the order" from the question: to the first unfinished thing. */
  function backTo(items: Unfinished[]) {
    // Closed first: while the modal dialog is open, everything outside it is inert and cannot take the focus.
    flushSync(() => setUnfinished(null))
    const first = items[0]
    if (first?.kind === 'quantity') {
      const line = lines[first.line - 1]
      if (line) quantityInputs.current.get(line.key)?.focus()
    } else productRef.current?.focus()
  }

  function confirmSubmit() {
    setUnfinished(null)
    void submit(true)
  }

  const err = (path: string) => errors[path]
  const describedBy = (path: string) => (errors[path] ? `${id}-${path.replace(/\./g, '-')}-error` : undefined)
  const errorText = (path: string) =>
    errors[path] ? (
      <p id={`${id}-${path.replace(/\./g, '-')}-error`} className="mt-1 text-xs text-red-700">
        {errors[path]}
      </p>
    ) : null

  const lineFormId = (key: string) => `${id}-form-${key}`

  return (
    <>
      <form
        ref={formRef}
        noValidate
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
        onKeyDown={(e) => {
          // Enter in a text field never submits the whole order by accident; Ctrl+Enter does, on purpose.
          if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && (e.target as HTMLElement).tagName === 'INPUT') e.preventDefault()
        }}
      >
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <h1 id={`${id}-title`} className="text-2xl font-bold">
            {t('title')}
          </h1>
          <ShortcutList />
        </div>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-6">
            <section aria-labelledby={`${id}-customer`} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <h2 id={`${id}-customer`} className="mb-3 text-lg font-semibold">
                <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-900 text-xs text-white">1</span>
                {t('customer.title')}
              </h2>
              <CustomerPicker ref={customerRef} value={customer} error={err('customerId')} onChange={pickCustomer} />
            </section>

            <section aria-labelledby={`${id}-lines`} className="rounded-lg bg-white ring-1 ring-slate-200">
              <div className="p-4 pb-3">
                <h2 id={`${id}-lines`} className="mb-3 text-lg font-semibold">
                  <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-900 text-xs text-white">2</span>
                  {t('lines.title')}
                  {lines.length > 0 && <span className="ml-2 text-sm font-normal text-slate-500">{t('lines.count', { count: lines.length })}</span>}
                </h2>
                <ProductPicker ref={productRef} currency={currency} catalog={catalog} onAdd={addProduct} error={err('lines')} />
              </div>
              {lines.length === 0 ? (
                <p className="border-t border-slate-100 px-4 py-6 text-center text-sm text-slate-500">{t('lines.empty')}</p>
              ) : (
                <>
                  <div className="hidden border-y border-slate-100 bg-slate-50 px-3 py-1.5 text-xs font-medium text-slate-600 md:grid md:grid-cols-[1.5rem_minmax(0,1fr)_5.5rem_8.5rem_8rem_2.25rem] md:gap-x-2" aria-hidden>
                    <span />
                    <span>{t('lines.product')}</span>
                    <span className="text-right">{t('lines.quantity')}</span>
                    <span className="text-right">{t('lines.unitPrice')}</span>
                    <span className="text-right">{t('lines.total')}</span>
                    <span />
                  </div>
                  <ol className="pb-1" aria-label={t('lines.title')}>
                    {lines.map((line, i) => (
                      <LineRow
                        key={line.key}
                        line={line}
                        index={i}
                        formId={lineFormId(line.key)}
                        currency={currency}
                        locale={locale}
                        canOverride={canOverride}
                        errors={lineErrors[i]}
                        onPatch={patchLine}
                        onRemove={removeLine}
                        onDone={backToProducts}
                        registerQuantity={registerQuantity}
                      />
                    ))}
                  </ol>
                </>
              )}
            </section>
          </div>

          <aside className="grid content-start gap-4 md:grid-cols-2 lg:sticky lg:top-4 lg:grid-cols-1 lg:self-start" aria-label={t('details')}>
            <section aria-labelledby={`${id}-when`} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
              <h2 id={`${id}-when`} className="text-lg font-semibold">
                <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-900 text-xs text-white">3</span>
                {t('due.title')}
              </h2>
              <DueFields
                id={id}
                quickRef={dueQuickRef}
                today={minDate}
                dueDate={dueDate}
                dueTime={dueTime}
                onChange={onDue}
                error={err('dueDate') ?? err('dueTime')}
              />
              <fieldset>
                <legend className="text-sm font-medium text-slate-700">{t('mode.title')}</legend>
                <div className="mt-1 grid grid-cols-2 gap-2">
                  {(['PICKUP', 'DELIVERY'] as const).map((m) => (
                    <label key={m} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${mode === m ? 'border-brand-500 bg-brand-50 font-medium text-brand-700' : 'border-slate-300'}`}>
                      <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} className="accent-brand-600" />
                      {t(`mode.${m}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
              {mode === 'DELIVERY' && (
                <div>
                  <label htmlFor={`${id}-deliveryAddress`} className="block text-sm font-medium text-slate-700">
                    {t('mode.address')}
                  </label>
                  <textarea id={`${id}-deliveryAddress`} rows={2} maxLength={DELIVERY_ADDRESS_MAX} value={address} onChange={(e) => setAddress(e.target.value)} aria-invalid={!!err('deliveryAddress') || undefined} aria-describedby={describedBy('deliveryAddress')} className={field} />
                  {errorText('deliveryAddress')}
                </div>
              )}
              <div>
                <label htmlFor={`${id}-notes`} className="block text-sm font-medium text-slate-700">
                  {t('notes')}
                </label>
                {/* No maxLength: a pasted note must not lose its end silently. It is refused with the limit named instead. */}
                <textarea
                  id={`${id}-notes`}
                  rows={2}
                  value={notes}
                  onChange={(e) => setNotes(e.target.value)}
                  aria-invalid={overLimit(notes, ORDER_NOTES_MAX) || !!err('notes') || undefined}
                  aria-describedby={[`${id}-notes-limit`, describedBy('notes')].filter(Boolean).join(' ')}
                  className={field}
                />
                <TextLimit id={`${id}-notes-limit`} text={notes} max={ORDER_NOTES_MAX} />
                {!overLimit(notes, ORDER_NOTES_MAX) && errorText('notes')}
              </div>
            </section>

            <AmountsPanel
              id={id}
              currency={currency}
              locale={locale}
              totals={totals}
              depositRef={depositRef}
              depositText={depositText}
              onDepositText={setDepositText}
              method={depositMethod}
              onMethod={setDepositMethod}
              tenderedText={tenderedText}
              onTenderedText={setTenderedText}
              reading={depositReading}
              submitErrors={errors}
            />

            {formError && (
              <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2 lg:col-span-1" role="alert" data-testid="intake-error">
                {formError}
              </p>
            )}
            <button
              type="submit"
              disabled={pending}
              className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 md:col-span-2 lg:col-span-1"
            >
              {pending ? t('submitting') : t('submit')}
              {!pending && <Kbd keys={['Ctrl', 'Enter']} className="opacity-90" />}
            </button>
          </aside>
        </div>
      </form>
      {/* Each line's own empty form (see LineRow's formId): outside the order's form, since forms cannot nest. */}
      <div hidden>
        {lines.map((line) => (
          <form key={line.key} id={lineFormId(line.key)} onSubmit={(e) => e.preventDefault()} />
        ))}
      </div>
      {unfinished && <ConfirmSubmit items={unfinished} onBack={() => backTo(unfinished)} onConfirm={confirmSubmit} />}
    </>
  )
}
