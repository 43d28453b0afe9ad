'use client'

import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { useId, useState } from 'react'
import { closeCashSessionAction } from '@/actions/cash'
import { cashDifference, differenceNeedsNote } from '@/domain/cash-drawer'
import { formatMoney } from '@/domain/money'
import { DialogButtons, Modal, useDialog } from '@/components/ui/dialog'
import { Field, FieldError } from '@/components/ui/field'
import { Figures } from '@/components/ui/figures'
import { buttonClass, inputClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/** Whole pieces typed per note; anything else counts as nothing until corrected (the server refuses it anyway). */
function piecesOf(text: string): number {
  return /^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : 0
}

/**
 * Count the drawer note by note and close it: the counted total, the expected cash and the difference update as the
 * pieces are typed; a difference beyond the shop's threshold asks for a note before the drawer may close.
 */
export function CloseDrawerDialog({
  drawer,
  session,
  data,
}: {
  drawer: string
  session: { sessionId: string; expected: number }
  data: { currency: string; denominations: readonly number[]; threshold: number }
}) {
  const props = { drawer, sessionId: session.sessionId, expected: session.expected, ...data }
  const t = useTranslations('cash.close')
  const tc = useTranslations('cash')
  const locale = useLocale()
  const router = useRouter()
  const id = useId()
  const money = (n: number) => formatMoney(n, props.currency, locale)
  const [pieces, setPieces] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  const { run, pending, fieldErrors, formError, reset } = useAction(closeCashSessionAction, {
    refresh: false,
    onSuccess: () => router.push(`/front/drawer/sessions/${props.sessionId}?closed=1`),
  })
  const dialog = useDialog(reset)
  const counted = props.denominations.reduce((sum, d) => sum + d * piecesOf(pieces[String(d)] ?? ''), 0)
  const difference = cashDifference(props.expected, counted)
  const needsNote = differenceNeedsNote(difference, props.threshold)

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const counts = Object.fromEntries(
      Object.entries(pieces)
        .filter(([, text]) => text.trim() !== '')
        .map(([d, text]) => [d, /^\d+$/.test(text.trim()) ? Number(text.trim()) : text]),
    )
    await run({ sessionId: props.sessionId, counts, ...(note.trim() ? { note } : {}) })
  }

  return (
    <Modal
      {...dialog.modal}
      wide
      title={t('title', { drawer: props.drawer })}
      description={t('description')}
      trigger={
        <button type="button" className={buttonClass}>
          {tc('countAndClose')}
        </button>
      }
    >
      <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="close-drawer-form">
        <CountTable denominations={props.denominations} pieces={pieces} setPieces={setPieces} money={money} />
        <FieldError id={`${id}-counts`} messages={fieldErrors.counts} />
        <div aria-live="polite">
          <Figures
            className="grid grid-cols-3 gap-2 rounded-md bg-slate-50 p-3 text-sm"
            items={[
              { label: t('expected'), value: money(props.expected), valueClass: 'font-semibold' },
              { label: t('counted'), value: money(counted), valueClass: 'font-semibold', testId: 'counted-total' },
              {
                label: t('difference'),
                value: `${money(difference)} ${difference === 0 ? '' : t(difference < 0 ? 'short' : 'over')}`,
                valueClass: `font-bold ${difference === 0 ? 'text-emerald-700' : 'text-red-700'}`,
                testId: 'count-difference',
              },
            ]}
          />
        </div>
        {difference === 0 && <p className="text-sm text-emerald-800">{t('balanced')}</p>}
        <Field
          label={t('note')}
          errors={fieldErrors.note}
          hint={
            fieldErrors.note ? undefined : needsNote ? (
              <span className="font-semibold text-amber-800">{t('noteNeeded', { threshold: money(props.threshold) })}</span>
            ) : (
              t('noteOptional')
            )
          }
        >
          {(field) => (
            <textarea {...field} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} className={inputClass} />
          )}
        </Field>
        <DialogButtons error={formError} label={t('submit')} pending={pending} onCancel={dialog.close} />
      </form>
    </Modal>
  )
}

/** One row per note: the pieces counted and what they are worth. */
function CountTable({
  denominations,
  pieces,
  setPieces,
  money,
}: {
  denominations: readonly number[]
  pieces: Record<string, string>
  setPieces: (update: (p: Record<string, string>) => Record<string, string>) => void
  money: (n: number) => string
}) {
  const t = useTranslations('cash.close')
  const id = useId()
  return (
    <table className="w-full text-sm">
      <thead className="text-left text-xs text-slate-600">
        <tr>
          <th scope="col">{t('denomination')}</th>
          <th scope="col">{t('pieces')}</th>
          <th scope="col" className="text-right">
            {t('subtotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {denominations.map((d) => (
          <tr key={d}>
            <th scope="row" className="py-0.5 text-left font-medium tabular-nums">
              <label htmlFor={`${id}-${d}`}>{money(d)}</label>
            </th>
            <td className="py-0.5">
              <input
                id={`${id}-${d}`}
                inputMode="numeric"
                autoComplete="off"
                value={pieces[String(d)] ?? ''}
                onChange={(e) => setPieces((p) => ({ ...p, [String(d)]: e.target.value }))}
                className={`${inputClass} mt-0 w-24 text-right tabular-nums`}
                data-testid={`count-${d}`}
              />
            </td>
            <td className="py-0.5 text-right tabular-nums">{money(d * piecesOf(pieces[String(d)] ?? ''))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
