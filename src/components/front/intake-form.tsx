'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useCallback, useId, useMemo, useReducer, useRef, useState, type Dispatch, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { createOrderAction } from '@/actions/counter'
import { readDeposit } from '@/domain/intake'
import type { ProductHitDTO } from '@/server/catalog/search-products'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { typedAhead } from '../typed-ahead'
import { CustomerPicker, type CustomerPickerHandle } from './customer-picker'
import { AmountsPanel } from './intake/amounts-panel'
import { ConfirmSubmit } from './intake/confirm-submit'
import { DetailsSection } from './intake/details-section'
import { InvoiceSection } from './intake/invoice-section'
import { initialIntake, intakeReducer, type IntakeAction, type IntakeInputs } from './intake/intake-state'
import { LinesSection } from './intake/lines-section'
import { draftTotals } from './intake/order-payload'
import { ShortcutList } from './intake/shortcut-list'
import { StepHeading } from './intake/step-heading'
import { SubmitBar } from './intake/submit-bar'
import { useCatalog, type ActiveCatalog } from './intake/use-catalog'
import { useIntakeShortcuts } from './intake/use-intake-shortcuts'
import { useLineFocus } from './intake/use-line-focus'
import { useSubmitIntake } from './intake/use-submit-intake'
import type { DraftLine } from './line-row'
import type { ProductPickerHandle } from './product-picker'

let lineSeq = 0

interface IntakeFormProps {
  idempotencyKey: string
  currency: string
  defaultDue: { dueDate: string; dueTime: string }
  /** Today in the business time zone: the earliest due date, and what `+2` counts from. */
  minDate: string
  canOverride: boolean
  initialCustomer: CustomerHitDTO | null
  catalog: ActiveCatalog
}

/**
 * The counter's order intake: customer, lines, due date, pickup or delivery, notes and an optional deposit, all
 * reachable from the keyboard. The idempotency key comes with the page, so a double click, a retry after a network
 * error or a resubmitted form all land on the same order. What is on screen lives in one reducer (intakeReducer).
 */
export function IntakeForm({
  idempotencyKey: keyFromServer,
  currency,
  defaultDue,
  minDate,
  canOverride,
  initialCustomer,
  catalog: initialCatalog,
}: IntakeFormProps) {
  const t = useTranslations('front.intake')
  const locale = useLocale()
  const id = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const customerRef = useRef<CustomerPickerHandle>(null)
  const productRef = useRef<ProductPickerHandle>(null)
  const dueQuickRef = useRef<HTMLInputElement>(null)
  const depositRef = useRef<HTMLInputElement>(null)
  const catalog = useCatalog(initialCatalog)
  const lineFocus = useLineFocus()
  // Fixed for the life of the form: a refresh of the page's data must not turn a retry into a second order.
  const [idempotencyKey] = useState(keyFromServer)
  const [state, dispatch] = useReducer(intakeReducer, { customer: initialCustomer, ...defaultDue }, initialIntake)
  const { lines, errors } = state

  const { patchLine, removeLine, backToProducts, set, pickCustomer, addProduct } = useIntakeCallbacks(dispatch, productRef, lineFocus)

  const totals = useMemo(() => draftTotals(lines, currency, locale), [lines, currency, locale])

  const deposit = readDeposit(
    { deposit: state.depositText, tendered: state.tenderedText, method: state.depositMethod, total: totals?.total ?? null },
    currency,
    locale,
  )
  const { submit, backTo, confirm } = useSubmitIntake({
    id,
    idempotencyKey,
    state,
    dispatch,
    deposit,
    currency,
    locale,
    customerRef,
    productRef,
    formRef,
    focusLine: lineFocus.focus,
    createOrder: createOrderAction,
  })
  useIntakeShortcuts({ form: formRef, customer: customerRef, product: productRef, dueQuick: dueQuickRef, deposit: depositRef })
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
              <StepHeading id={`${id}-customer`} step={1} className="mb-3 text-lg font-semibold">
                {t('customer.title')}
              </StepHeading>
              <CustomerPicker ref={customerRef} value={state.customer} error={errors.customerId} onChange={pickCustomer} />
              <InvoiceSection id={id} state={state} dispatch={dispatch} />
            </section>
            <LinesSection
              {...{ id, lines, errors, productRef, catalog, currency, locale, canOverride, lineFormId }}
              onAdd={addProduct}
              onPatch={patchLine}
              onRemove={removeLine}
              onDone={backToProducts}
              registerQuantity={lineFocus.register}
            />
          </div>

          <aside
            className="grid content-start gap-4 md:grid-cols-2 lg:sticky lg:top-4 lg:grid-cols-1 lg:self-start"
            aria-label={t('details')}
          >
            <DetailsSection id={id} today={minDate} dueQuickRef={dueQuickRef} state={state} dispatch={dispatch} />
            <AmountsPanel
              id={id}
              currency={currency}
              locale={locale}
              totals={totals}
              depositRef={depositRef}
              state={state}
              set={set}
              reading={deposit}
            />
            <SubmitBar formError={state.formError} pending={state.pending} />
          </aside>
        </div>
      </form>
      {/* Each line's own empty form (see LineRow's formId): outside the order's form, since forms cannot nest. */}
      <div hidden>
        {lines.map((line) => (
          <form key={line.key} id={lineFormId(line.key)} onSubmit={(e) => e.preventDefault()} />
        ))}
      </div>
      {state.asking && <ConfirmSubmit items={state.asking} onBack={() => backTo(state.asking ?? [])} onConfirm={confirm} />}
    </>
  )
}

/** The form's callbacks, stable (rows are memoized, so they must not change identity between renders). */
function useIntakeCallbacks(
  dispatch: Dispatch<IntakeAction>,
  productRef: RefObject<ProductPickerHandle | null>,
  lineFocus: ReturnType<typeof useLineFocus>,
) {
  const patchLine = useCallback((key: string, patch: Partial<DraftLine>) => dispatch({ type: 'patchLine', key, patch }), [dispatch])
  const removeLine = useCallback(
    (key: string) => {
      dispatch({ type: 'removeLine', key })
      productRef.current?.focus()
    },
    [dispatch, productRef],
  )
  const backToProducts = useCallback(() => productRef.current?.focus(), [productRef])
  const set = useCallback((inputs: Partial<IntakeInputs>) => dispatch({ type: 'set', inputs }), [dispatch])

  const pickCustomer = useCallback(
    (c: CustomerHitDTO | null, advance: boolean, ahead?: readonly string[]) => {
      // Rendered at once, so the product search has focus before the next key arrives.
      flushSync(() => dispatch({ type: 'chooseCustomer', customer: c }))
      if (c && advance) productRef.current?.replay(ahead ?? [])
    },
    [dispatch, productRef],
  )

  const addProduct = useCallback(
    (p: ProductHitDTO, keys: readonly string[]) => {
      const key = `l${++lineSeq}`
      // Keys typed ahead of this line (while the customer was still being looked up) were its quantity and, after an
      // Enter, the next search.
      const ahead = typedAhead(keys)
      const typed = /^\d{1,7}$/.test(ahead.text)
      const quantity = typed ? ahead.text : '1'
      if (!ahead.enter) lineFocus.focusWhenMounted(key, typed)
      const line = {
        key,
        productId: p.id,
        sku: p.sku,
        name: p.name,
        unit: p.unit,
        catalogPrice: p.unitPrice,
        taxRateBp: p.taxRateBp,
        quantity,
        price: '',
        note: '',
        quantityConfirmed: ahead.enter,
      }
      // Rendered at once: the new quantity field exists and has the focus before the browser hands over the next key.
      flushSync(() => dispatch({ type: 'addLine', line }))
      if (ahead.enter) productRef.current?.replay(ahead.after)
    },
    [dispatch, lineFocus, productRef],
  )
  return { patchLine, removeLine, backToProducts, set, pickCustomer, addProduct }
}
