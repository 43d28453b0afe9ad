'use client'

import { useTranslations } from 'next-intl'
import { useState, type ReactNode } from 'react'
import { testEInvoiceConnectionAction, updateEInvoiceSettingsAction } from '@/actions/einvoice'
import { EINVOICE_PROVIDERS, type EInvoiceProviderName } from '@/domain/einvoice-setup'
import { INVOICE_TEMPLATES, type InvoiceTemplate } from '@/domain/tax-code'
import type { EInvoiceSettingsDTO } from '@/server/einvoice/get-einvoice-settings'
import type { ConnectionTestDTO } from '@/server/einvoice/test-einvoice-connection'
import { ChoiceField, FormError, InputField, StatusMessage, SubmitRow } from '@/components/ui/field'
import { Section } from '@/components/ui/section'
import { noticeClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'
import { useTextFields } from '@/components/ui/use-text-fields'

type Text = 'taxId' | 'legalName' | 'address' | 'invoiceSymbol' | 'username' | 'secret'

/** The seller as the tax authority knows it, the invoice template and symbol, and the provider with its credentials.
 * The password is write-only: the field starts empty, says whether one is saved, and can replace or remove it. */
export function EInvoiceSettingsForm({ settings }: { settings: EInvoiceSettingsDTO }) {
  const t = useTranslations('manager.einvoice')
  const [template, setTemplate] = useState<InvoiceTemplate>(settings.invoiceTemplate)
  const [provider, setProvider] = useState<EInvoiceProviderName>(settings.provider)
  const [clearSecret, setClearSecret] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(updateEInvoiceSettingsAction)
  const { text, setText, field } = useTextFields<Text>(
    {
      taxId: settings.taxId,
      legalName: settings.legalName,
      address: settings.address,
      invoiceSymbol: settings.invoiceSymbol,
      username: settings.username,
      secret: '',
    },
    (key) => t(key),
    fieldErrors,
  )

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const { secret, ...rest } = text
    const result = await run({ ...rest, invoiceTemplate: template, provider, clearSecret, ...(secret === '' ? {} : { secret }) })
    if (result.ok) {
      setStatus(t('saved'))
      setText((s) => ({ ...s, secret: '', taxId: result.data.taxId, invoiceSymbol: result.data.invoiceSymbol }))
      setClearSecret(false)
    }
  }

  const withProvider = provider !== 'NONE'
  /** A select of `values`, each shown by `name`. */
  const choice = <V extends string>(label: ReactNode, value: V, onChange: (v: V) => void, values: readonly V[], name: (v: V) => string) => (
    <ChoiceField label={label} value={value} onChange={onChange} options={values.map((v) => ({ value: v, label: name(v) }))} />
  )
  return (
    <form onSubmit={onSubmit} noValidate data-testid="einvoice-settings-form">
      <Section id="s-einvoice" title={t('title')} explain={t('explain')}>
        <FieldGroup title={t('seller')} columns={2}>
          <InputField {...field('taxId')} hint={t('taxIdHint')} maxLength={20} inputMode="numeric" extraClass="font-mono" />
          <InputField {...field('legalName')} hint={t('legalNameHint')} maxLength={200} />
          <InputField {...field('address')} hint={t('addressHint')} className="sm:col-span-2" maxLength={500} />
        </FieldGroup>
        <FieldGroup title={t('invoice')} columns={2}>
          {choice(t('invoiceTemplate'), template, setTemplate, INVOICE_TEMPLATES, (v) => t(`template.${v}`))}
          <InputField {...field('invoiceSymbol')} hint={t('invoiceSymbolHint')} maxLength={6} extraClass="font-mono uppercase" />
        </FieldGroup>
        <FieldGroup title={t('provider')} columns={3}>
          {choice(t('provider'), provider, setProvider, EINVOICE_PROVIDERS, (v) => t(`providers.${v}`))}
          <InputField {...field('username')} maxLength={100} autoComplete="off" disabled={!withProvider} />
          <SecretField
            field={field('secret')}
            hint={settings.hasSecret ? t('secretSaved') : t('secretUnset')}
            disabled={!withProvider}
            clear={settings.hasSecret ? { checked: clearSecret, onChange: setClearSecret, label: t('clearSecret') } : null}
          />
        </FieldGroup>
        {settings.missing.length > 0 && (
          <p className={`mt-3 ${noticeClass}`} data-testid="einvoice-missing">
            {t('missing', { fields: settings.missing.map((f) => t(`missingField.${f}`)).join(', ') })}
          </p>
        )}
        <div className="mt-4">
          <SubmitRow label={pending ? t('saving') : t('save')} pending={pending} error={formError} status={status} />
        </div>
        {settings.provider !== 'NONE' && settings.missing.length === 0 && <ConnectionTest />}
      </Section>
    </form>
  )
}

/** The write-only password: empty whatever is stored, with what is stored in its hint and a way to remove it. */
function SecretField(props: {
  field: { label: string; errors: string[] | undefined; value: string; onChange: (e: React.ChangeEvent<HTMLInputElement>) => void }
  hint: string
  disabled: boolean
  clear: { checked: boolean; onChange: (checked: boolean) => void; label: string } | null
}) {
  return (
    <div>
      <InputField {...props.field} hint={props.hint} type="password" autoComplete="new-password" disabled={props.disabled} />
      {props.clear && (
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={props.clear.checked}
            onChange={(e) => props.clear?.onChange(e.target.checked)}
          />
          {props.clear.label}
        </label>
      )}
    </div>
  )
}

/** Signs in to the provider with the saved settings and says how it went, in plain words. */
function ConnectionTest() {
  const t = useTranslations('manager.einvoice')
  const [outcome, setOutcome] = useState<ConnectionTestDTO | null>(null)
  const { run, pending, formError } = useAction(testEInvoiceConnectionAction, { refresh: false })
  async function onTest() {
    setOutcome(null)
    const result = await run({})
    if (result.ok) setOutcome(result.data)
  }
  return (
    <div className="mt-4 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={secondaryButtonClass} disabled={pending} onClick={onTest}>
          {pending ? t('testing') : t('test')}
        </button>
        <p className="text-sm text-slate-600">{t('testHint')}</p>
      </div>
      <div className="mt-2" data-testid="einvoice-test-result">
        <StatusMessage message={outcome?.ok ? t('testOk') : null} />
        <FormError
          message={
            outcome && !outcome.ok
              ? t(outcome.problem === 'refused' ? 'testRefused' : 'testUnreachable', { reason: outcome.reason })
              : formError
          }
        />
      </div>
    </div>
  )
}

/** A titled group of the form's fields on a grid. */
function FieldGroup({ title, columns, children }: { title: string; columns: 2 | 3; children: ReactNode }) {
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold text-slate-700">{title}</h3>
      <div className={`mt-2 grid gap-3 ${columns === 2 ? 'sm:grid-cols-2' : 'sm:grid-cols-3'}`}>{children}</div>
    </>
  )
}
