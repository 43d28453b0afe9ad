'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { endAbsenceAction } from '@/actions/team'
import type { AbsenceDTO } from '@/server/absences/rules'
import type { AbsenceListDTO } from '@/server/absences/list-absences'
import { FormError, StatusMessage } from '@/components/ui/field'
import { cardClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/** Who is away now, who will be, who was: with "Back now" for current absences and "Cancel" for planned ones. */
export function AbsenceList({ data }: { data: AbsenceListDTO }) {
  const t = useTranslations('manager.absences')
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, formError } = useAction(endAbsenceAction)
  const act = async (a: AbsenceDTO, kind: 'end' | 'cancel') => {
    const result = await run({ absenceId: a.id })
    if (result.ok) setStatus(kind === 'end' ? t('ended', { name: a.person.name }) : t('cancelled', { name: a.person.name }))
  }
  return (
    <section aria-labelledby="absence-list-title" className={cardClass} data-testid="absence-list">
      <h2 id="absence-list-title" className="text-lg font-semibold">
        {t('listTitle')}
      </h2>
      <FormError message={formError} />
      <StatusMessage message={status} />
      {(
        [
          { rows: data.current, title: t('current'), empty: t('nobodyAway'), label: t('backNow'), kind: 'end' },
          { rows: data.upcoming, title: t('upcoming'), empty: t('nothingPlanned'), label: t('cancel'), kind: 'cancel' },
        ] as const
      ).map((g) => (
        <Group
          key={g.kind}
          title={g.title}
          empty={g.empty}
          rows={g.rows}
          action={(a) => ({ label: g.label, onClick: () => act(a, g.kind) })}
          pending={pending}
        />
      ))}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-semibold">{t('recent', { count: data.recent.length })}</summary>
        <Group title={null} empty={t('nothingRecent')} rows={data.recent} pending={pending} />
      </details>
    </section>
  )
}

function Group({
  title,
  empty,
  rows,
  action,
  pending,
}: {
  title: string | null
  empty: string
  rows: AbsenceDTO[]
  action?: (a: AbsenceDTO) => { label: string; onClick: () => void }
  pending: boolean
}) {
  const t = useTranslations('manager.absences')
  const common = useTranslations('common')
  const format = useFormatter()
  return (
    <div className="mt-3">
      {title && <h3 className="text-sm font-semibold text-slate-700">{title}</h3>}
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {rows.map((a) => {
            const button = action?.(a)
            return (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`absence-${a.id}`}>
                <div>
                  <p>
                    <span className="font-medium">{a.person.name}</span> · {common(`absence.${a.kind}`)}
                  </p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={a.startsAt} suppressHydrationWarning>
                      {format.dateTimeRange(new Date(a.startsAt), new Date(a.endsAt), {
                        weekday: 'short',
                        day: 'numeric',
                        month: 'numeric',
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                    </time>
                    {a.note && <> · {a.note}</>}
                    {a.createdBy && <> · {t('by', { name: a.createdBy })}</>}
                  </p>
                </div>
                {button && (
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    onClick={button.onClick}
                    disabled={pending}
                    aria-label={`${button.label}: ${a.person.name}, ${common(`absence.${a.kind}`)}`}
                  >
                    {button.label}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
