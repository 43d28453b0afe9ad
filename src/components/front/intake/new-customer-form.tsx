'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition, type InputHTMLAttributes, type Ref } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { createCustomerSchema } from '@/lib/schemas/customer'
import { fieldIssues } from '@/lib/validation'
import type { CreateCustomerResult } from '@/server/customers/create-customer'
import type { DuplicateCandidateDTO } from '@/server/customers/find-duplicate-customers'
import type { CustomerHitDTO } from '@/server/customers/search-customers'
import { invoiceDetailsDraft, invoiceDetailsInput, type InvoiceDetailsDraft } from '../../invoice-details-draft'
import { InvoiceDetailsFields } from '../../invoice-details-fields'
import { Button } from '../../ui/button'
import { invalidateLookups, lookupUrl, useLookup } from '../use-lookup'

type Draft = { name: string; phone: string; email: string }
const EMPTY: Draft = { name: '', phone: '', email: '' }

/** What was typed in the search box becomes the first field of a new customer it fits: a phone, an email or a name. */
function draftFrom(query: string): Draft {
  const q = query.trim()
  if (/^[+\d][\d\s().-]{5,}$/.test(q)) return { ...EMPTY, phone: q }
  if (q.includes('@')) return { ...EMPTY, email: q }
  return { ...EMPTY, name: q }
}

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

export type CreateCustomer = (raw: unknown) => Promise<ActionResult<CreateCustomerResult>>

/** Someone already known with the same phone or email, each with a button to use them instead. */
function DuplicateHint({ candidates, onUse }: { candidates: DuplicateCandidateDTO[]; onUse: (customer: DuplicateCandidateDTO) => void }) {
  const t = useTranslations('front.intake.customer')
  return (
    <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" role="status" data-testid="duplicate-hint">
      <p className="font-medium text-amber-900">{t('duplicateTitle')}</p>
      <ul className="mt-2 space-y-2">
        {candidates.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2">
            <span>
              <span className="font-medium">{c.name}</span>
              <span className="text-slate-700"> · {[c.phone, c.email].filter(Boolean).join(' · ')}</span>
              <span className="ml-1 text-xs text-amber-900">({c.matchedOn.map((m) => t(`matched.${m}`)).join(', ')})</span>
            </span>
            <button
              type="button"
              onClick={() => onUse(c)}
              className="rounded-md bg-amber-600 px-3 py-1 text-sm font-semibold text-white hover:bg-amber-700"
            >
              {t('useExisting')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** One field of the new customer, with its error under it. */
function DraftField({
  id,
  label,
  type,
  value,
  error,
  onChange,
  inputRef,
  extra,
}: {
  id: string
  label: string
  type: string
  value: string
  error?: string
  onChange: (value: string) => void
  inputRef?: Ref<HTMLInputElement>
  extra: InputHTMLAttributes<HTMLInputElement>
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={field}
        {...extra}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}

/**
 * A new customer, started from what was typed in the search (a fresh form each time: the picker remounts it). While
 * it is typed, people already known with the same phone or email are shown; saving with them shown asks once more.
 */
export function NewCustomerForm({
  id,
  from,
  nameRef,
  createCustomer,
  onPick,
  onCancel,
}: {
  id: string
  from: string
  nameRef: Ref<HTMLInputElement>
  createCustomer: CreateCustomer
  onPick: (customer: CustomerHitDTO) => void
  onCancel: () => void
}) {
  const t = useTranslations('front.intake.customer')
  const [draft, setDraft] = useState<Draft>(() => draftFrom(from))
  const [invoice, setInvoice] = useState<InvoiceDetailsDraft>(() => invoiceDetailsDraft(null))
  const { save, saving, draftErrors, formError, candidates, setCandidates } = useSaveCustomer(
    createCustomer,
    id,
    { draft, invoice },
    onPick,
  )

  // Live duplicate hint while a new customer is typed: same phone or email as someone already known.
  const phoneOk = createCustomerSchema.shape.phone.safeParse(draft.phone)
  const emailOk = createCustomerSchema.shape.email.safeParse(draft.email)
  const duplicates = useLookup<DuplicateCandidateDTO>(
    lookupUrl('/front/lookup/duplicates', {
      phone: phoneOk.success ? phoneOk.data : undefined,
      email: emailOk.success ? emailOk.data : undefined,
    }),
    250,
  )
  const shownDuplicates = candidates ?? (duplicates.current ? duplicates.results : [])

  const input = (
    name: keyof Draft,
    label: string,
    type: string,
    extra: InputHTMLAttributes<HTMLInputElement>,
    inputRef?: Ref<HTMLInputElement>,
  ) => (
    <DraftField
      id={`${id}-${name}`}
      label={label}
      type={type}
      value={draft[name]}
      error={draftErrors[name]}
      onChange={(value) => {
        setDraft((d) => ({ ...d, [name]: value }))
        setCandidates(null)
      }}
      inputRef={inputRef}
      extra={extra}
    />
  )
  return (
    <div
      className="rounded-lg border border-brand-100 bg-brand-50/60 p-4"
      role="group"
      aria-labelledby={`${id}-new-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
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
        {input('name', t('name'), 'text', { autoComplete: 'off', maxLength: 120, required: true }, nameRef)}
        {input('phone', t('phone'), 'tel', { autoComplete: 'off', inputMode: 'tel', maxLength: 40 })}
        {input('email', t('email'), 'email', { autoComplete: 'off', maxLength: 254 })}
      </div>
      <div className="mt-3">
        <InvoiceDetailsFields id={id} value={invoice} onChange={setInvoice} errors={draftErrors} />
      </div>
      {shownDuplicates.length > 0 && <DuplicateHint candidates={shownDuplicates} onUse={onPick} />}
      {formError && (
        <p className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {formError}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <Button look="primary" disabled={saving} onClick={() => save(candidates !== null && candidates.length > 0)}>
          {saving ? t('saving') : candidates && candidates.length > 0 ? t('createAnyway') : t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
        <span className="text-xs text-slate-600">{t('newHint')}</span>
      </div>
    </div>
  )
}

/** Saving a new customer: checked here first, then on the server, which may answer with people already known. */
function useSaveCustomer(
  createCustomer: CreateCustomer,
  id: string,
  { draft, invoice }: { draft: Draft; invoice: InvoiceDetailsDraft },
  onPick: (customer: CustomerHitDTO) => void,
) {
  const tRoot = useTranslations()
  const tf = useTranslations('front.lookupFailure')
  const [draftErrors, setDraftErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [candidates, setCandidates] = useState<DuplicateCandidateDTO[] | null>(null)
  const [saving, startSaving] = useTransition()

  /** The errors under their fields, and the focus on the first (in the form's order). */
  function refuse(errors: Record<string, string>) {
    setDraftErrors(errors)
    const first = ['name', 'phone', 'email', 'invoiceDetails.taxCode', 'invoiceDetails.legalName', 'invoiceDetails.address'].find(
      (path) => errors[path],
    )
    if (first) requestAnimationFrame(() => document.getElementById(`${id}-${first.replace('.', '-')}`)?.focus())
  }

  function save(ignoreDuplicates: boolean) {
    const raw = {
      name: draft.name,
      phone: draft.phone,
      email: draft.email,
      ...(invoice.wanted ? { invoiceDetails: invoiceDetailsInput(invoice) } : {}),
      ...(ignoreDuplicates ? { ignoreDuplicates: true } : {}),
    }
    const parsed = createCustomerSchema.safeParse(raw)
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const [path, refs] of Object.entries(fieldIssues(parsed.error))) if (refs[0]) errors[path] = tRoot(refs[0].key, refs[0].params)
      refuse(errors)
      return
    }
    setDraftErrors({})
    setFormError(null)
    startSaving(async () => {
      try {
        const result = await createCustomer(raw)
        if (!result.ok) {
          const errors: Record<string, string> = {}
          for (const [path, messages] of Object.entries(result.fieldErrors)) if (messages[0]) errors[path] = messages[0]
          refuse(errors)
          setFormError(result.formError ?? null)
          return
        }
        if (result.data.status === 'duplicates') {
          setCandidates(result.data.candidates)
          return
        }
        invalidateLookups('/front/lookup/')
        onPick(result.data.customer)
      } catch {
        setFormError(tf('NETWORK'))
      }
    })
  }
  return { save, saving, draftErrors, formError, candidates, setCandidates }
}
