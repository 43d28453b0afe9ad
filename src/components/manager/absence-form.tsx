'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { recordAbsenceAction } from '@/actions/team'
import { ABSENCE_KINDS, type AbsenceKindInput } from '@/lib/schemas/absence'
import type { AbsencePresets } from '@/server/absences/presets'
import { Field, FormError, InputField, StatusMessage } from '@/components/ui/field'
import { buttonClass, cardClass, inputClass, secondaryButtonClass } from '@/components/ui/styles'
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
        <Field label={t('person')} errors={fieldErrors.userId}>
          {(p) => (
            <select
              {...p}
              name="userId"
              value={state.userId}
              onChange={(e) => set({ userId: e.target.value })}
              className={inputClass}
              required
            >
              <option value="">{t('choosePerson')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('kind')} errors={fieldErrors.kind}>
          {(p) => (
            <select
              {...p}
              name="kind"
              value={state.kind}
              onChange={(e) => set({ kind: e.target.value as AbsenceKindInput })}
              className={inputClass}
            >
              {ABSENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {common(`absence.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InputField
          label={t('startsAt')}
          errors={fieldErrors.startsAt}
          type="datetime-local"
          name="startsAt"
          value={state.startsAt}
          onChange={(e) => set({ startsAt: e.target.value })}
          required
        />
        <InputField
          label={t('endsAt')}
          errors={fieldErrors.endsAt}
          hint={t('endsAtHint')}
          type="datetime-local"
          name="endsAt"
          value={state.endsAt}
          onChange={(e) => set({ endsAt: e.target.value })}
          required
        />
        <InputField
          label={t('note')}
          errors={fieldErrors.note}
          className="sm:col-span-2"
          name="note"
          value={state.note}
          maxLength={500}
          onChange={(e) => set({ note: e.target.value })}
        />
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
