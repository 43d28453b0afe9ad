'use client'

import { useFormatter, useTranslations } from 'next-intl'
import { useState, type Ref } from 'react'
import { readDueShortcut } from '@/domain/intake'
import { Kbd } from '../kbd'
import { Labeled, LabelWithKeys } from './labeled'

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

/** The chosen wall-clock moment as a Date whose UTC fields are that wall clock (formatted with timeZone UTC). */
function wallClock(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!d || !t) return null
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])))
}

/**
 * Due date and time: a quick box that reads the counter's shortcuts (`+2`, `t`, `17`; readDueShortcut), the native
 * date and time controls for the mouse, and the chosen moment written out in the app's language. The native controls
 * follow the browser's language (12/07/2026 05:00 PM in an English Chrome on a Vietnamese screen), so the written-out
 * date is the one to read.
 */
export function DueFields({
  id,
  quickRef,
  today,
  dueDate,
  dueTime,
  onChange,
  error,
  quickError,
}: {
  id: string
  quickRef: Ref<HTMLInputElement>
  today: string
  dueDate: string
  dueTime: string
  onChange: (due: { dueDate?: string; dueTime?: string; quickOk: boolean }) => void
  error?: string
  quickError?: string
}) {
  const t = useTranslations('front.intake.due')
  const format = useFormatter()
  const [quick, setQuick] = useState('')
  const understood = quick.trim() === '' || readDueShortcut(quick, today) !== null
  const moment = wallClock(dueDate, dueTime)
  const problem = !understood ? t('notUnderstood') : quickError
  return (
    <div className="space-y-2">
      <div>
        <LabelWithKeys htmlFor={`${id}-dueQuick`} label={t('quick')} keys={<Kbd keys={['Alt', 'W']} className="text-xs font-normal" />} />
        <input
          ref={quickRef}
          id={`${id}-dueQuick`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          value={quick}
          placeholder={t('quickPlaceholder')}
          onChange={(e) => {
            const text = e.target.value
            setQuick(text)
            const read = text.trim() === '' ? {} : readDueShortcut(text, today)
            onChange({ ...(read ?? {}), quickOk: read !== null })
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-dueQuick-hint`}
          className={field}
        />
        <p id={`${id}-dueQuick-hint`} className={`mt-1 text-xs ${problem ? 'text-red-700' : 'text-slate-500'}`}>
          {problem ?? t('quickHint')}
        </p>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_8.5rem] gap-2">
        <Labeled htmlFor={`${id}-dueDate`} label={t('date')}>
          <input
            id={`${id}-dueDate`}
            type="date"
            required
            min={today}
            value={dueDate}
            onChange={(e) => {
              setQuick('')
              onChange({ dueDate: e.target.value, quickOk: true })
            }}
            aria-invalid={!!error || undefined}
            aria-describedby={`${id}-due-shown${error ? ` ${id}-dueDate-error` : ''}`}
            className={field}
          />
        </Labeled>
        <Labeled htmlFor={`${id}-dueTime`} label={t('time')}>
          <input
            id={`${id}-dueTime`}
            type="time"
            required
            step={300}
            value={dueTime}
            onChange={(e) => {
              setQuick('')
              onChange({ dueTime: e.target.value, quickOk: true })
            }}
            aria-invalid={!!error || undefined}
            aria-describedby={`${id}-due-shown`}
            className={field}
          />
        </Labeled>
      </div>
      <p id={`${id}-due-shown`} className="text-sm font-medium text-slate-900" data-testid="due-shown" aria-live="polite">
        {moment
          ? t('shown', {
              when: format.dateTime(moment, {
                timeZone: 'UTC',
                weekday: 'long',
                day: 'numeric',
                month: 'long',
                year: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
              }),
            })
          : '—'}
      </p>
      {error && (
        <p id={`${id}-dueDate-error`} className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
