'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { recordAbsenceAction } from '@/actions/team'
import { ABSENCE_KINDS, type AbsenceKindInput } from '@/lib/schemas/absence'
import type { AbsencePresets } from '@/server/absences/presets'
import { FormError, InputField, SelectField, StatusMessage } from '@/components/ui/field'
import { buttonClass, cardClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

interface FormState {
  userId: string
  kind: AbsenceKindInput
  startsAt: string
  endsAt: string
  note: string
}

/** "Sick for the rest of today", or "… until closing on Monday 30/11" once today's opening is over. */
function useSickLabel(presets: AbsencePresets): string {
  const t = useTranslations('manager.absences')
  const format = useFormatter()
  if (!presets.endOfDayIsOn) return t('presetSickToday')
  const day = format.dateTime(new Date(`${presets.endOfDayIsOn}T12:00:00Z`), {
    weekday: 'long',
    day: 'numeric',
    month: 'numeric',
    timeZone: 'UTC',
  })
  return t('presetSickUntil', { day })
}

/** Record an absence for anyone; quick presets fill the common cases (lunch now, sick for the rest of the day, leave
 * tomorrow). Times are shop time. */
export function AbsenceForm({
  people,
  presets,
  timeZone,
}: {
  people: Array<{ id: string; name: string }>
  presets: AbsencePresets
  timeZone: string
}) {
  const t = useTranslations('manager.absences')
  const common = useTranslations('common')
  const sickLabel = useSickLabel(presets)
  const [state, setState] = useState<FormState>({ userId: '', kind: 'SICK', startsAt: presets.now, endsAt: presets.endOfDay, note: '' })
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(recordAbsenceAction)
  const set = (patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch }))
  /** One field's name, value, errors and change handler, as the form's inputs and selects take them. */
  const bind = <K extends keyof FormState>(name: K) => ({
    name,
    value: state[name],
    errors: fieldErrors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => set({ [name]: e.target.value } as Partial<FormState>),
  })

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setStatus(null)
    const result = await run({ ...state, note: state.note || undefined })
    if (result.ok) {
      setStatus(t('recorded', { name: result.data.person.name, kind: common(`absence.${result.data.kind}`) }))
      set({ note: '' })
    }
  }

  return (
    <section aria-labelledby="absence-form-title" className={cardClass}>
      <h2 id="absence-form-title" className="text-lg font-semibold">
        {t('formTitle')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('formExplain', { zone: timeZone })}</p>
      <div className="mt-3 flex flex-wrap gap-2" role="group" aria-label={t('presets')}>
        {(
          [
            ['presetLunch', { kind: 'LUNCH', startsAt: presets.now, endsAt: presets.lunchEnd }],
            ['presetSickToday', { kind: 'SICK', startsAt: presets.now, endsAt: presets.endOfDay }],
            ['presetLeaveTomorrow', { kind: 'LEAVE', startsAt: presets.tomorrowStart, endsAt: presets.tomorrowEnd }],
          ] as const
        ).map(([label, patch]) => (
          <button key={label} type="button" className={secondaryButtonClass} onClick={() => set(patch)}>
            {label === 'presetSickToday' ? sickLabel : t(label)}
          </button>
        ))}
      </div>
      <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2" noValidate data-testid="absence-form">
        <SelectField
          label={t('person')}
          {...bind('userId')}
          required
          placeholder={t('choosePerson')}
          options={people.map((person) => ({ value: person.id, label: person.name }))}
        />
        <SelectField
          label={t('kind')}
          {...bind('kind')}
          options={ABSENCE_KINDS.map((k) => ({ value: k, label: common(`absence.${k}`) }))}
        />
        <InputField label={t('startsAt')} type="datetime-local" required {...bind('startsAt')} />
        <InputField label={t('endsAt')} hint={t('endsAtHint')} type="datetime-local" required {...bind('endsAt')} />
        <InputField label={t('note')} className="sm:col-span-2" maxLength={500} {...bind('note')} />
        <div className="space-y-2 sm:col-span-2">
          <FormError message={formError} />
          <StatusMessage message={status} />
          <button type="submit" className={buttonClass} disabled={pending}>
            {pending ? t('saving') : t('record')}
          </button>
        </div>
      </form>
    </section>
  )
}
