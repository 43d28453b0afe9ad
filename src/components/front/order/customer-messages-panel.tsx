'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { setMessagePreferencesAction } from '@/actions/messages'
import { MESSAGE_CHANNELS, MESSAGE_LANGUAGES, type MessageChannel, type MessageLanguage } from '@/domain/customer-messages'
import type { OrderDetailDTO } from '@/server/orders/get-order'
import { ChoiceField, SubmitRow } from '@/components/ui/field'
import { Panel } from '@/components/ui/section'
import { useAction } from '@/components/ui/use-action'

/** How the customer wants to hear about their orders, and their consent — recorded at the counter with who and when. */
export function CustomerMessagesPanel({ customer }: { customer: OrderDetailDTO['customer'] }) {
  const t = useTranslations('front.customerMessages')
  const tc = useTranslations('common.messageChannels')
  const format = useFormatter()
  const [language, setLanguage] = useState<MessageLanguage>(customer.language === 'en' ? 'en' : 'vi')
  const [channel, setChannel] = useState<MessageChannel | ''>(customer.preferredChannel ?? '')
  const [consent, setConsent] = useState(customer.messageConsent)
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, formError } = useAction(setMessagePreferencesAction)
  return (
    <Panel id="customer-messages-title" title={t('title')}>
      <form
        className="space-y-3 text-sm"
        onSubmit={async (e) => {
          e.preventDefault()
          setStatus(null)
          const result = await run({ customerId: customer.id, language, preferredChannel: channel || null, messageConsent: consent })
          if (result.ok) setStatus(t('saved'))
        }}
      >
        <label className="flex items-center gap-2">
          <input type="checkbox" className="size-4" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          {t('consent')}
        </label>
        {customer.consentChangedAt && (
          <p className="text-xs text-slate-600">
            {t('consentChanged', { at: format.dateTime(new Date(customer.consentChangedAt), { dateStyle: 'short', timeStyle: 'short' }) })}
          </p>
        )}
        <div className="grid grid-cols-2 gap-3">
          <ChoiceField
            compact
            label={t('channel')}
            value={channel}
            onChange={setChannel}
            options={[{ value: '' as const, label: t('anyChannel') }, ...MESSAGE_CHANNELS.map((c) => ({ value: c, label: tc(c) }))]}
          />
          <ChoiceField
            compact
            label={t('language')}
            value={language}
            onChange={setLanguage}
            options={MESSAGE_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
        </div>
        <SubmitRow label={t('save')} pending={pending} error={formError} status={status} secondary />
      </form>
    </Panel>
  )
}
