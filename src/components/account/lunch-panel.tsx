'use client'

import { Utensils } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { endOwnAbsenceAction, planOwnLunchAction, startOwnLunchAction } from '@/actions/account'
import { LUNCH_PRESETS } from '@/lib/schemas/absence'
import type { AbsencePresets } from '@/server/absences/presets'
import type { AbsenceDTO } from '@/server/absences/rules'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { submitFields } from '@/components/ui/form-submit'
import { buttonClass, cardClass, inputClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/** My lunch break: start it now (or plan it), end it early; my other absences are shown, the manager changes them. */
export function LunchPanel({
  absences,
  presets,
}: {
  absences: { current: AbsenceDTO | null; upcoming: AbsenceDTO[] }
  presets: AbsencePresets
}) {
  const t = useTranslations('account')
  const common = useTranslations('common')
  const format = useFormatter()
  const [minutes, setMinutes] = useState(60)
  const [status, setStatus] = useState<string | null>(null)
  const start = useAction(startOwnLunchAction)
  const end = useAction(endOwnAbsenceAction)
  const current = absences.current
  /** Ends a lunch under way, or cancels a planned one; `done` says which. */
  const endLunch = async (lunch: AbsenceDTO, done: string) => {
    const result = await end.run({ absenceId: lunch.id })
    if (result.ok) setStatus(done)
  }
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: '2-digit', minute: '2-digit' })
  const range = (a: AbsenceDTO) =>
    format.dateTimeRange(new Date(a.startsAt), new Date(a.endsAt), {
      weekday: 'short',
      day: 'numeric',
      month: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })

  return (
    <section aria-labelledby="lunch-title" className={cardClass} data-testid="lunch-panel">
      <h2 id="lunch-title" className="flex items-center gap-2 text-lg font-semibold">
        <Utensils className="size-5 text-slate-500" aria-hidden />
        {t('lunchTitle')}
      </h2>
      <StatusMessage message={status} />
      <FormError message={start.formError ?? end.formError} />
      {current ? (
        <div className="mt-3 rounded-lg bg-amber-50 p-3 ring-1 ring-inset ring-amber-300" data-testid="current-absence">
          <p className="font-medium" suppressHydrationWarning>
            {t('awayNow', { kind: common(`absence.${current.kind}`), until: time(current.endsAt) })}
          </p>
          <EndLunchButton
            absence={current}
            label={t('endLunch')}
            className={`${buttonClass} mt-2`}
            pending={end.pending}
            onEnd={() => endLunch(current, t('welcomeBack'))}
            otherwise={<p className="mt-1 text-sm text-slate-700">{t('askManager')}</p>}
          />
        </div>
      ) : (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium text-slate-700">
            {t('duration')}
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} className={inputClass}>
              {LUNCH_PRESETS.map((m) => (
                <option key={m} value={m}>
                  {t('minutes', { count: m })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={buttonClass}
            disabled={start.pending}
            data-testid="start-lunch"
            onClick={async () => {
              setStatus(null)
              const result = await start.run({ minutes })
              if (result.ok) setStatus(t('enjoy', { until: time(result.data.endsAt) }))
            }}
          >
            {t('startLunch')}
          </button>
        </div>
      )}

      <PlanLunch presets={presets} onPlanned={(a) => setStatus(t('planned', { when: range(a) }))} />

      <h3 className="mt-4 text-sm font-semibold">{t('upcomingTitle')}</h3>
      {absences.upcoming.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noUpcoming')}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100">
          {absences.upcoming.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{common(`absence.${a.kind}`)}</span> ·{' '}
                <time dateTime={a.startsAt} suppressHydrationWarning>
                  {range(a)}
                </time>
                {a.note && <span className="text-slate-600"> · {a.note}</span>}
              </span>
              <EndLunchButton
                absence={a}
                label={t('cancelLunch')}
                className={secondaryButtonClass}
                pending={end.pending}
                onEnd={() => endLunch(a, t('lunchCancelled'))}
                otherwise={<span className="text-xs text-slate-500">{t('byManager')}</span>}
              />
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-500">{t('policy')}</p>
    </section>
  )
}

/** Ends (or cancels) a lunch of mine; any other absence is the manager's to change, `otherwise` says so instead. */
function EndLunchButton({
  absence,
  label,
  className,
  pending,
  onEnd,
  otherwise,
}: {
  absence: AbsenceDTO
  label: string
  className: string
  pending: boolean
  onEnd: () => void
  otherwise: React.ReactNode
}) {
  if (absence.kind !== 'LUNCH') return otherwise
  return (
    <button type="button" className={className} disabled={pending} onClick={onEnd}>
      {label}
    </button>
  )
}

/** A lunch planned ahead: from, until (the manager sees it at once). */
function PlanLunch({ presets, onPlanned }: { presets: AbsencePresets; onPlanned: (absence: AbsenceDTO) => void }) {
  const t = useTranslations('account')
  const plan = useAction(planOwnLunchAction)
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-semibold">{t('planTitle')}</summary>
      <form className="mt-2 grid gap-3 sm:grid-cols-3" noValidate onSubmit={submitFields(['startsAt', 'endsAt'], plan.run, onPlanned)}>
        <InputField label={t('from')} errors={plan.fieldErrors.startsAt} type="datetime-local" name="startsAt" defaultValue={presets.now} />
        <InputField
          label={t('until')}
          errors={plan.fieldErrors.endsAt}
          type="datetime-local"
          name="endsAt"
          defaultValue={presets.lunchEnd}
        />
        <div className="flex items-end">
          <button type="submit" className={secondaryButtonClass} disabled={plan.pending}>
            {t('plan')}
          </button>
        </div>
        <div className="sm:col-span-3">
          <FormError message={plan.formError} />
        </div>
      </form>
    </details>
  )
}
