'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { updateBankSettingsAction } from '@/actions/team'
import { NAPAS_BANKS } from '@/domain/napas-banks'
import type { BankSettingsDTO } from '@/server/settings/get-bank-settings'
import { Field, InputField, SubmitRow } from '@/components/ui/field'
import { Section } from '@/components/ui/section'
import { inputClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/** Where customers pay by VietQR transfer (the bank from the NAPAS list), and what the ticket's code asks for. */
export function BankSettingsForm({ bank }: { bank: BankSettingsDTO }) {
  const t = useTranslations('manager.settings')
  const [form, setForm] = useState({ ...bank, depositPercent: String(bank.depositPercent) })
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(updateBankSettingsAction)
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm((f) => ({ ...f, [key]: e.target.value }))
  const bind = (key: 'bankAccount' | 'bankAccountName' | 'depositPercent') => ({ value: form[key], onChange: set(key) })

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const result = await run(form)
    if (result.ok) setStatus(t('bankSaved'))
  }

  return (
    <form onSubmit={onSubmit} noValidate data-testid="bank-settings-form">
      <Section id="s-bank" title={t('bankTitle')} explain={t('bankExplain')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <Choice
            label={t('bank')}
            errors={fieldErrors.bankBin}
            value={form.bankBin}
            onChange={set('bankBin')}
            options={[['', t('noBank')], ...NAPAS_BANKS.map((b) => [b.bin, `${b.shortName} — ${b.name}`] as const)]}
          />
          <InputField
            label={t('bankAccount')}
            errors={fieldErrors.bankAccount}
            {...bind('bankAccount')}
            maxLength={19}
            extraClass="font-mono"
          />
          <InputField label={t('bankAccountName')} errors={fieldErrors.bankAccountName} {...bind('bankAccountName')} maxLength={120} />
          <Choice
            label={t('ticketQrAmount')}
            errors={fieldErrors.ticketQrAmount}
            value={form.ticketQrAmount}
            onChange={set('ticketQrAmount')}
            options={[
              ['FULL', t('ticketQrFull')],
              ['DEPOSIT', t('ticketQrDeposit')],
            ]}
          />
          <InputField
            label={t('depositPercent')}
            errors={fieldErrors.depositPercent}
            {...bind('depositPercent')}
            type="number"
            disabled={form.ticketQrAmount !== 'DEPOSIT'}
          />
        </div>
        <div className="mt-4">
          <SubmitRow label={pending ? t('saving') : t('saveBank')} pending={pending} error={formError} status={status} />
        </div>
      </Section>
    </form>
  )
}

/** A labelled select of [value, label] options. */
function Choice(props: {
  label: string
  errors: string[] | undefined
  value: string
  onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void
  options: ReadonlyArray<readonly [string, string]>
}) {
  return (
    <Field label={props.label} errors={props.errors}>
      {(a11y) => (
        <select {...a11y} className={inputClass} value={props.value} onChange={props.onChange}>
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
