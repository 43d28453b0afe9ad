'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { INVOICE_ADDRESS_MAX, LEGAL_NAME_MAX, TAX_CODE_INPUT_MAX, taxCodeSchema } from '@/lib/schemas/customer'
import { fieldIssues } from '@/lib/validation'
import type { InvoiceDetailsDraft } from './invoice-details-draft'
import { InputField } from './ui/field'

// "Wants a VAT invoice" and the details it asks for (issue 19, docs/decisions/026), wherever a customer's details are
// typed: the intake's customer, the new-customer form and the order page. Off by default, on when the customer already
// has a tax code; the fields appear only when it is on and never take the focus by themselves.

/** A translated message per field of `invoiceDetails` (paths `invoiceDetails.taxCode`…), from a form or the server. */
export type InvoiceDetailsErrors = Partial<Record<string, string>>

const FIELDS = [
  { name: 'taxCode', max: TAX_CODE_INPUT_MAX, extra: { inputMode: 'numeric', spellCheck: false, className: 'tabular-nums' } },
  { name: 'legalName', max: LEGAL_NAME_MAX, extra: {} },
  { name: 'address', max: INVOICE_ADDRESS_MAX, extra: {} },
] as const

/**
 * The toggle and, when on, tax code, legal name and address. Ids are `${id}-invoiceDetails-<field>` (a form puts the
 * focus on the first refused field by its path). The tax code is checked when the person leaves it, so a wrong check
 * digit shows while the customer is still there, without slowing down the typing.
 */
export function InvoiceDetailsFields({
  id,
  value,
  onChange,
  errors,
  hadDetails = false,
}: {
  id: string
  value: InvoiceDetailsDraft
  onChange: (next: InvoiceDetailsDraft) => void
  errors: InvoiceDetailsErrors
  /** The customer has stored details: turning the toggle off says they will be removed. */
  hadDetails?: boolean
}) {
  const t = useTranslations('common.invoiceDetails')
  const tRoot = useTranslations()
  const [blurError, setBlurError] = useState<string | null>(null)
  const fieldId = (name: string) => `${id}-invoiceDetails-${name}`
  const errorOf = (name: string) => errors[`invoiceDetails.${name}`] ?? (name === 'taxCode' ? (blurError ?? undefined) : undefined)

  function checkTaxCode(text: string) {
    if (text.trim() === '') return setBlurError(null)
    const parsed = taxCodeSchema.safeParse(text)
    const ref = parsed.success ? undefined : fieldIssues(parsed.error)['']?.[0]
    setBlurError(ref ? tRoot(ref.key, ref.params) : null)
  }

  return (
    <div className="space-y-3" data-testid="invoice-details">
      <label className="flex w-fit cursor-pointer items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          id={fieldId('wanted')}
          className="size-4 accent-brand-600"
          checked={value.wanted}
          onChange={(e) => onChange({ ...value, wanted: e.target.checked, touched: true })}
          aria-controls={`${id}-invoiceDetails`}
          aria-expanded={value.wanted}
        />
        {t('wanted')}
      </label>
      {!value.wanted && hadDetails && <p className="text-xs text-amber-800">{t('willRemove')}</p>}
      <div id={`${id}-invoiceDetails`} hidden={!value.wanted} className="grid gap-3 sm:grid-cols-2">
        {value.wanted &&
          FIELDS.map(({ name, max, extra }) => {
            const error = errorOf(name)
            const { className, ...rest } = extra as { className?: string }
            return (
              <InputField
                key={name}
                id={fieldId(name)}
                className={name === 'address' ? 'sm:col-span-2' : undefined}
                label={
                  <>
                    {t(name)}
                    {name !== 'address' && <span className="text-red-700"> *</span>}
                  </>
                }
                errors={error ? [error] : undefined}
                hint={name === 'taxCode' && !error ? t('taxCodeHint') : undefined}
                type="text"
                autoComplete="off"
                maxLength={max}
                required={name !== 'address'}
                value={value[name]}
                onChange={(e) => {
                  if (name === 'taxCode') setBlurError(null)
                  onChange({ ...value, [name]: e.target.value, touched: true })
                }}
                onBlur={name === 'taxCode' ? (e) => checkTaxCode(e.target.value) : undefined}
                extraClass={className}
                {...rest}
              />
            )
          })}
      </div>
    </div>
  )
}
