'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { updateMessageSettingsAction } from '@/actions/messages'
import { MESSAGE_EVENTS, MESSAGE_LANGUAGES, type MessageEvent, type MessageLanguage } from '@/domain/customer-messages'
import type { MessageSettingsDTO } from '@/server/messages/get-message-settings'
import { InputField, ChoiceField, SubmitRow } from '@/components/ui/field'
import { Section } from '@/components/ui/section'
import { useAction } from '@/components/ui/use-action'

type Plain = Pick<MessageSettingsDTO, 'smtpHost' | 'smtpSecurity' | 'smtpUser' | 'smtpFrom' | 'smsUrl' | 'smsBodyTemplate'> & {
  reminderDays: string
  smtpPort: string
  smtpPassword: string
  zaloAccessToken: string
  smsAuthorization: string
}

/** A secret's field: empty keeps the stored one (say so), anything typed replaces it. */
const secretValue = (typed: string) => (typed === '' ? undefined : typed)

/** Which events message customers, the providers (secrets write-only) and a preview of every text. */
export function MessageSettingsForm({ settings }: { settings: MessageSettingsDTO }) {
  const t = useTranslations('manager.messageSettings')
  const tm = useTranslations('manager.messages')
  const [enabled, setEnabled] = useState<Set<MessageEvent>>(new Set(settings.enabledEvents))
  const [templates, setTemplates] = useState(settings.zaloTemplates)
  const [plain, setPlain] = useState<Plain>({
    reminderDays: String(settings.reminderDays),
    smtpHost: settings.smtpHost,
    smtpPort: String(settings.smtpPort),
    smtpSecurity: settings.smtpSecurity,
    smtpUser: settings.smtpUser,
    smtpFrom: settings.smtpFrom,
    smtpPassword: '',
    zaloAccessToken: '',
    smsUrl: settings.smsUrl,
    smsBodyTemplate: settings.smsBodyTemplate,
    smsAuthorization: '',
  })
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(updateMessageSettingsAction)
  const bind = (key: keyof Plain) => ({
    value: plain[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setPlain((s) => ({ ...s, [key]: e.target.value })),
    errors: fieldErrors[key],
  })
  // Write-only: the field starts empty whatever is stored, and says whether something is.
  const secretInput = (key: 'smtpPassword' | 'zaloAccessToken' | 'smsAuthorization', stored: boolean, className?: string) => (
    <InputField
      label={t(key)}
      type="password"
      className={className}
      hint={stored ? t('secretSet') : t('secretUnset')}
      {...bind(key)}
      autoComplete="new-password"
    />
  )

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const result = await run({
      ...plain,
      enabledEvents: MESSAGE_EVENTS.filter((e) => enabled.has(e)),
      zaloTemplates: templates,
      smtpPassword: secretValue(plain.smtpPassword),
      zaloAccessToken: secretValue(plain.zaloAccessToken),
      smsAuthorization: secretValue(plain.smsAuthorization),
    })
    if (result.ok) {
      setStatus(t('saved'))
      setPlain((s) => ({ ...s, smtpPassword: '', zaloAccessToken: '', smsAuthorization: '' }))
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="message-settings-form">
      <Section id="m-events" title={t('events')} explain={t('eventsExplain')}>
        <fieldset className="mt-3 grid gap-2 sm:grid-cols-2">
          <legend className="sr-only">{t('events')}</legend>
          {MESSAGE_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4"
                checked={enabled.has(e)}
                onChange={(ev) =>
                  setEnabled((s) => {
                    const next = new Set(s)
                    if (ev.target.checked) next.add(e)
                    else next.delete(e)
                    return next
                  })
                }
              />
              {tm(`events.${e}`)}
            </label>
          ))}
        </fieldset>
        <InputField label={t('reminderDays')} className="mt-3 max-w-48" inputMode="numeric" {...bind('reminderDays')} />
      </Section>
      <Section id="m-email" title={t('email')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <InputField label={t('smtpHost')} className="sm:col-span-2" {...bind('smtpHost')} maxLength={200} />
          <InputField label={t('smtpPort')} inputMode="numeric" {...bind('smtpPort')} />
          <ChoiceField
            label={t('smtpSecurity')}
            value={plain.smtpSecurity}
            onChange={(v) => setPlain((s) => ({ ...s, smtpSecurity: v }))}
            options={(['starttls', 'tls', 'none'] as const).map((v) => ({ value: v, label: t(`security.${v}`) }))}
          />
          <InputField label={t('smtpUser')} {...bind('smtpUser')} maxLength={200} autoComplete="off" />
          {secretInput('smtpPassword', settings.hasSmtpPassword)}
          <InputField label={t('smtpFrom')} className="sm:col-span-3" {...bind('smtpFrom')} maxLength={254} />
        </div>
      </Section>
      <Section id="m-zalo" title={t('zalo')} explain={t('zaloExplain')}>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {secretInput('zaloAccessToken', settings.hasZaloAccessToken, 'sm:col-span-2')}
          {MESSAGE_EVENTS.map((e) => (
            <InputField
              key={e}
              label={t('zaloTemplate', { event: tm(`events.${e}`) })}
              value={templates[e]}
              onChange={(ev) => setTemplates((s) => ({ ...s, [e]: ev.target.value }))}
              maxLength={100}
            />
          ))}
        </div>
      </Section>
      <Section id="m-sms" title={t('sms')} explain={t('smsExplain')}>
        <div className="mt-3 grid gap-3">
          <InputField label={t('smsUrl')} type="url" {...bind('smsUrl')} maxLength={500} />
          <InputField label={t('smsBodyTemplate')} extraClass="font-mono" {...bind('smsBodyTemplate')} maxLength={2000} />
          {secretInput('smsAuthorization', settings.hasSmsAuthorization)}
        </div>
      </Section>
      <MessagePreview previews={settings.previews} />
      <SubmitRow label={t('save')} pending={pending} error={formError} status={status} />
    </form>
  )
}

/** Every decided event's text in either language, as the customer would read it. */
function MessagePreview({ previews }: { previews: MessageSettingsDTO['previews'] }) {
  const t = useTranslations('manager.messageSettings')
  const tm = useTranslations('manager.messages')
  const [preview, setPreview] = useState<{ event: MessageEvent; language: MessageLanguage }>({ event: 'ORDER_READY', language: 'vi' })
  const shown = previews[preview.event][preview.language]
  return (
    <Section id="m-preview" title={t('preview')}>
      <div className="mt-3 flex flex-wrap gap-3">
        <ChoiceField
          label={t('previewEvent')}
          value={preview.event}
          onChange={(event) => setPreview((s) => ({ ...s, event }))}
          options={MESSAGE_EVENTS.map((e) => ({ value: e, label: tm(`events.${e}`) }))}
        />
        <ChoiceField
          label={t('previewLanguage')}
          value={preview.language}
          onChange={(language) => setPreview((s) => ({ ...s, language }))}
          options={MESSAGE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
      </div>
      <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="message-preview" lang={preview.language}>
        <p className="font-semibold">{shown.subject}</p>
        <p className="mt-2 whitespace-pre-line">{shown.text}</p>
      </div>
    </Section>
  )
}
