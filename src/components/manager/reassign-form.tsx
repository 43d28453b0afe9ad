'use client'

import { ArrowRightLeft } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useCallback, useEffect, useState } from 'react'
import { reassignOwnOrdersAction } from '@/actions/account'
import { getReassignmentAction, reassignOrdersAction } from '@/actions/team'
import type { ReassignmentDTO } from '@/server/team/reassign'
import { Field, FormError, StatusMessage } from '@/components/ui/field'
import { buttonClass, inputClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/**
 * Reassignment (break transfer, docs/glossary.md): someone going on break or leave hands their open orders to a colleague who can fulfil them, with a
 * note that lands on each order's timeline. The manager picks the person; on "my account" it is oneself.
 */
export function ReassignForm(
  props:
    | { mode: 'manager'; people: Array<{ id: string; name: string; openOrders: number }>; initialUserId?: string }
    | { mode: 'own'; data: ReassignmentDTO },
) {
  const t = useTranslations('manager.reassign')
  const common = useTranslations('common')
  const format = useFormatter()
  const [userId, setUserId] = useState(props.mode === 'manager' ? (props.initialUserId ?? '') : props.data.person.id)
  const [loaded, setLoaded] = useState<ReassignmentDTO | null>(props.mode === 'own' ? props.data : null)
  const [status, setStatus] = useState<string | null>(null)
  const load = useAction(getReassignmentAction, { refresh: false, onSuccess: setLoaded })
  const handManager = useAction(reassignOrdersAction)
  const handOwn = useAction(reassignOwnOrdersAction)
  const hand = props.mode === 'manager' ? handManager : handOwn
  const data = props.mode === 'own' ? props.data : loaded
  const { run: runLoad } = load

  useEffect(() => {
    if (props.mode === 'manager' && userId) void runLoad({ userId })
  }, [props.mode, userId, runLoad])

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const form = new FormData(event.currentTarget)
    const toUserId = String(form.get('toUserId') ?? '')
    const note = String(form.get('note') ?? '') || undefined
    const result =
      props.mode === 'manager' ? await handManager.run({ fromUserId: userId, toUserId, note }) : await handOwn.run({ toUserId, note })
    if (result.ok) {
      setStatus(t('done', { count: result.data.count, name: result.data.to.name }))
      if (props.mode === 'manager') void runLoad({ userId })
    }
  }

  return (
    <div className="space-y-3" data-testid="reassign">
      {props.mode === 'manager' && (
        <Field label={t('whoIsLeaving')} errors={load.fieldErrors.userId}>
          {(p) => (
            <select
              {...p}
              value={userId}
              onChange={(e) => (setUserId(e.target.value), setLoaded(null), setStatus(null))}
              className={inputClass}
            >
              <option value="">{t('choosePerson')}</option>
              {props.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {t('personOption', { name: person.name, count: person.openOrders })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <FormError message={load.formError} />
      <StatusMessage message={status} />
      {load.pending && !data && <p className="text-sm text-slate-500">{t('loading')}</p>}
      {data && data.orders.length === 0 && (
        <p className="text-sm text-slate-600">{props.mode === 'own' ? t('noneOwn') : t('none', { name: data.person.name })}</p>
      )}
      {data && data.orders.length > 0 && (
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <div>
            <p className="text-sm font-medium">{t('openOrders', { count: data.orders.length })}</p>
            <ul className="mt-1 max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md ring-1 ring-slate-200">
              {data.orders.map((o) => (
                <li key={o.id} className="flex flex-wrap justify-between gap-2 px-3 py-1.5 text-sm">
                  <span>
                    <span className="font-mono font-semibold">{o.number}</span> · {o.customerName}
                  </span>
                  <span className="text-slate-600" suppressHydrationWarning>
                    {`${common(`status.${o.status}`)} · ${t('due', { when: format.dateTime(new Date(o.dueAt), { dateStyle: 'short', timeStyle: 'short' }) })}`}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          {data.candidates.length === 0 ? (
            <p className="text-sm text-red-800">{t('noCandidates')}</p>
          ) : (
            <>
              <Field label={t('to')} errors={hand.fieldErrors.toUserId} hint={t('toHint')}>
                {(p) => <RecipientSelect {...p} name="toUserId" data={data} />}
              </Field>
              <Field label={t('note')} errors={hand.fieldErrors.note} hint={t('noteHint')}>
                {(p) => <textarea {...p} name="note" rows={2} maxLength={500} className={inputClass} placeholder={t('notePlaceholder')} />}
              </Field>
              <FormError message={hand.formError} />
              <button type="submit" className={buttonClass} disabled={hand.pending}>
                <ArrowRightLeft className="size-4" aria-hidden />
                {hand.pending ? t('handing') : t('submit', { count: data.orders.length })}
              </button>
            </>
          )}
        </form>
      )}
    </div>
  )
}

/** The colleagues who could take the work (qualified, those here now first), the present one preselected; when nobody
 * qualified is here, nothing is preselected and the manager chooses. */
export function RecipientSelect({ data, ...props }: { data: ReassignmentDTO } & Omit<React.ComponentProps<'select'>, 'defaultValue'>) {
  const t = useTranslations('manager.reassign')
  const common = useTranslations('common')
  return (
    <select key={data.person.id} {...props} defaultValue={data.preselectedId ?? ''} required className={inputClass}>
      {data.preselectedId === null && (
        <option value="" disabled>
          {t('chooseColleague')}
        </option>
      )}
      {data.candidates.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} · {common(`roles.${c.homeRole}`)} · {c.presentNow ? t('presentNow') : t('awayNow')} ·{' '}
          {t('theirOrders', { count: c.openOrders })}
        </option>
      ))}
    </select>
  )
}

/** Deactivation's handover (in the same dialog): loads who could take the person's work and reports the choice. */
export function DeactivationHandover({ userId, onChoose }: { userId: string; onChoose: (toUserId: string) => void }) {
  const t = useTranslations('manager.team')
  const [data, setData] = useState<ReassignmentDTO | null>(null)
  // Stable (onChoose is a state setter), so `run` is too and the list loads once.
  const loaded = useCallback(
    (d: ReassignmentDTO) => {
      setData(d)
      onChoose(d.preselectedId ?? '')
    },
    [onChoose],
  )
  const { run, formError } = useAction(getReassignmentAction, { refresh: false, onSuccess: loaded })
  useEffect(() => {
    void run({ userId })
  }, [run, userId])
  if (!data) return <FormError message={formError} />
  if (data.candidates.length === 0) return <p className="mt-3 text-sm text-red-800">{t('noQualified')}</p>
  return (
    <Field className="mt-3" label={t('handOverTo')}>
      {(p) => <RecipientSelect {...p} name="handOverTo" data={data} onChange={(e) => onChoose(e.currentTarget.value)} />}
    </Field>
  )
}
