'use client'

import { RotateCcw } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import Link from 'next/link'
import { useState } from 'react'
import { retryMessageAction } from '@/actions/messages'
import type { MessageRowDTO, MessageStatus } from '@/server/messages/list-messages'
import { InlineError, StatusMessage } from '@/components/ui/field'
import { secondaryButtonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { useAction } from '@/components/ui/use-action'

const TONE: Record<MessageStatus, string> = {
  SENT: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  PENDING: 'bg-slate-100 text-slate-800 ring-slate-300',
  SENDING: 'bg-slate-100 text-slate-800 ring-slate-300',
  RETRYING: 'bg-amber-50 text-amber-900 ring-amber-300',
  FAILED: 'bg-red-50 text-red-900 ring-red-300',
  DEAD: 'bg-red-50 text-red-900 ring-red-300',
  SKIPPED: 'bg-slate-50 text-slate-700 ring-slate-300',
}

const COLUMNS = ['when', 'order', 'what', 'channel', 'status', 'actions'] as const

/** Messages to customers, newest first, with their state; a failed or given-up one can be sent again. */
export function MessagesTable({ messages }: { messages: MessageRowDTO[] }) {
  const t = useTranslations('manager.messages')
  const format = useFormatter()
  const [status, setStatus] = useState<string | null>(null)
  if (messages.length === 0)
    return <p className="rounded-xl bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">{t('empty')}</p>
  return (
    <div className="space-y-3">
      <StatusMessage message={status} />
      <DataTable
        caption={t('caption')}
        className="min-w-[760px]"
        columns={COLUMNS.map((key) => ({ label: t(key), end: key === 'actions' }))}
      >
        {messages.map((m) => (
          <tr key={m.id} className="border-t border-slate-100 align-top" data-testid="message-row" data-status={m.status}>
            <td className="px-3 py-2 whitespace-nowrap text-slate-600 tabular-nums">
              {format.dateTime(new Date(m.at), { dateStyle: 'short', timeStyle: 'short' })}
            </td>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <Link href={`/back/orders/${m.orderId}`} className="font-mono text-brand-700 underline">
                {m.orderNumber}
              </Link>
              <div className="font-normal text-slate-600">{m.customerName}</div>
            </th>
            <td className="px-3 py-2">{t(`events.${m.event}`)}</td>
            <td className="px-3 py-2">
              {m.channel ? t(`channels.${m.channel}`) : '—'}
              {m.recipient && <div className="text-xs text-slate-600">{m.recipient}</div>}
            </td>
            <td className="px-3 py-2">
              <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[m.status]}`}>
                {t(`statuses.${m.status}`)}
              </span>
              {m.attempts > 1 && <div className="text-xs text-slate-600">{t('attempts', { count: m.attempts })}</div>}
              {m.reason && <div className="max-w-72 text-xs break-words text-slate-600">{reasonText(m.reason, t)}</div>}
            </td>
            <td className="px-3 py-2 text-right">{m.retryable && <RetryButton message={m} onDone={setStatus} />}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  )
}

const SKIP_REASONS = new Set(['NO_CONSENT', 'NO_CONTACT', 'NO_CHANNEL'])
function reasonText(reason: string, t: ReturnType<typeof useTranslations<'manager.messages'>>): string {
  return SKIP_REASONS.has(reason) ? t(`skipReasons.${reason as 'NO_CONSENT'}`) : reason
}

function RetryButton({ message, onDone }: { message: MessageRowDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.messages')
  const { run, pending, formError } = useAction(retryMessageAction)
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        onClick={async () => {
          const result = await run({ messageId: message.id })
          if (result.ok) onDone(t('retried', { order: message.orderNumber }))
        }}
      >
        <RotateCcw aria-hidden className="size-4" />
        {t('retry')}
      </button>
      <InlineError message={formError} />
    </div>
  )
}
