'use client'

import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { useRef, type Dispatch, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { unfinishedInput, type DepositReading, type Unfinished } from '@/domain/intake'
import type { ActionResult } from '@/lib/action-result'
import { createOrderSchema } from '@/lib/schemas/order'
import { fieldIssues } from '@/lib/validation'
import type { CustomerPickerHandle } from '../customer-picker'
import type { ProductPickerHandle } from '../product-picker'
import { useAmountProblem } from './amounts-panel'
import type { FieldErrors, IntakeAction, IntakeState } from './intake-state'
import { buildOrderPayload } from './order-payload'

/** The first error in the order the form reads: customer, items, when, handover, notes, deposit. */
export function firstErrorPath(errors: FieldErrors): string | undefined {
  const order = ['customerId', 'invoiceDetails', 'lines', 'dueDate', 'dueTime', 'deliveryAddress', 'notes', 'deposit']
  const rank = (path: string) => {
    const i = order.findIndex((p) => path === p || path.startsWith(`${p}.`))
    return i < 0 ? order.length : i
  }
  return Object.keys(errors).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))[0]
}

interface SubmitIntakeOptions {
  id: string
  idempotencyKey: string
  state: IntakeState
  dispatch: Dispatch<IntakeAction>
  deposit: DepositReading
  currency: string
  locale: string
  customerRef: RefObject<CustomerPickerHandle | null>
  productRef: RefObject<ProductPickerHandle | null>
  formRef: RefObject<HTMLFormElement | null>
  focusLine: (key: string) => void
  /** The server action (passed in: the intake's page decides where actions come from). */
  createOrder: (payload: unknown) => Promise<ActionResult<{ id: string }>>
}

type Translate = ReturnType<typeof useTranslations>

/** Friendlier words for the places a person looks at, whatever the generic validation message was. */
function contextual(t: Translate, tRoot: Translate, path: string, message: string): string {
  if (path === 'customerId') return t('errors.customer')
  if (path === 'lines') return t('errors.noLines')
  if (path === 'dueDate' || path === 'dueTime')
    return path === 'dueDate' && message !== tRoot('validation.format') ? message : t('errors.due')
  if (path === 'deliveryAddress') return message === tRoot('validation.required') ? t('errors.address') : message
  return message
}

/**
 * Creating the order: the question before an unfinished order, the checks in the browser, the action, and the
 * errors put where a person looks (with the focus on the first). The idempotency key makes a retry safe.
 */
export function useSubmitIntake(options: SubmitIntakeOptions) {
  const { id, idempotencyKey, state, dispatch, deposit, currency, locale, customerRef, productRef, formRef, focusLine, createOrder } =
    options
  const t = useTranslations('front.intake')
  const tRoot = useTranslations()
  const router = useRouter()
  const amountProblem = useAmountProblem(currency, locale)
  const submitting = useRef(false)
  const { lines } = state

  function check(): { payload: Record<string, unknown>; errors: FieldErrors } {
    const draft = {
      ...state,
      idempotencyKey,
      customerId: state.customer?.id ?? null,
      deposit,
      customerHadInvoiceDetails: state.customer?.invoiceDetails != null,
    }
    const { payload, problems } = buildOrderPayload(draft, currency, locale)
    const errors: FieldErrors = {}
    for (const [path, problem] of Object.entries(problems)) {
      errors[path] =
        problem === 'quantity' ? t('errors.quantity') : problem === 'dueQuick' ? t('due.notUnderstood') : amountProblem(problem)
    }
    const parsed = createOrderSchema.safeParse(payload)
    if (!parsed.success) {
      for (const [path, refs] of Object.entries(fieldIssues(parsed.error))) {
        if (!errors[path] && refs[0]) errors[path] = contextual(t, tRoot, path, tRoot(refs[0].key, refs[0].params))
      }
    }
    return { payload, errors }
  }

  function refuse(errors: FieldErrors, formError: string) {
    dispatch({ type: 'refused', errors, formError })
    const first = firstErrorPath(errors)
    if (!first) return
    if (first === 'customerId') customerRef.current?.focusSearch()
    else if (first === 'lines') productRef.current?.focus()
    else {
      const m = /^lines\.(\d+)/.exec(first)
      const line = m ? lines[Number(m[1])] : undefined
      if (line) focusLine(line.key)
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
      if (open.length > 0) return dispatch({ type: 'ask', items: open })
    }
    const { payload, errors } = check()
    if (Object.keys(errors).length > 0) return refuse(errors, t('errors.check'))
    submitting.current = true
    dispatch({ type: 'submitStarted' })
    try {
      const result = await createOrder(payload)
      // Stay "pending" while the ticket loads: the key is spent, a second submit would only find the same order.
      if (result.ok) return router.push(`/front/orders/${result.data.id}/ticket?new=1`)
      const server: FieldErrors = {}
      for (const [path, messages] of Object.entries(result.fieldErrors))
        if (messages[0]) server[path] = contextual(t, tRoot, path, messages[0])
      refuse(server, result.formError ?? t('errors.check'))
    } catch {
      // The request may or may not have reached the server: the same key makes a retry safe either way.
      dispatch({ type: 'submitFailed', formError: t('errors.network') })
    }
    submitting.current = false
  }

  /** "Back to the order" from the question: to the first unfinished thing. */
  function backTo(items: Unfinished[]) {
    // Closed first: while the modal dialog is open, everything outside it is inert and cannot take the focus.
    flushSync(() => dispatch({ type: 'closeQuestion' }))
    const first = items[0]
    const line = first?.kind === 'quantity' ? lines[first.line - 1] : undefined
    if (first?.kind === 'quantity') {
      if (line) focusLine(line.key)
    } else productRef.current?.focus()
  }

  function confirm() {
    dispatch({ type: 'closeQuestion' })
    void submit(true)
  }

  return { submit, backTo, confirm }
}
