'use client'

import { useTranslations } from 'next-intl'
import { useCallback, type Dispatch, type Ref } from 'react'
import { DELIVERY_ADDRESS_MAX, ORDER_NOTES_MAX } from '@/lib/schemas/order'
import { DueFields } from './due-fields'
import type { FieldErrors, IntakeAction, IntakeState } from './intake-state'
import { Labeled } from './labeled'
import { StepHeading } from './step-heading'
import { overLimit, TextLimit } from './text-limit'

const field =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 aria-[invalid=true]:border-red-500'

/** The message under a field after a refused submit, referenced by the field's aria-describedby. */
function FieldError({ id, path, errors }: { id: string; path: string; errors: FieldErrors }) {
  return errors[path] ? (
    <p id={`${id}-${path}-error`} className="mt-1 text-xs text-red-700">
      {errors[path]}
    </p>
  ) : null
}

/** Step 3: when it is due, pickup or delivery (with the address), and the order's notes. */
export function DetailsSection({
  id,
  today,
  dueQuickRef,
  state,
  dispatch,
}: {
  id: string
  today: string
  dueQuickRef: Ref<HTMLInputElement>
  state: Pick<IntakeState, 'dueDate' | 'dueTime' | 'mode' | 'address' | 'notes' | 'errors'>
  dispatch: Dispatch<IntakeAction>
}) {
  const t = useTranslations('front.intake')
  const { mode, notes, errors } = state
  const describedBy = (path: string) => (errors[path] ? `${id}-${path}-error` : undefined)
  const onDue = useCallback(
    (due: { dueDate?: string; dueTime?: string; quickOk: boolean }) => dispatch({ type: 'setDue', ...due }),
    [dispatch],
  )
  return (
    <section aria-labelledby={`${id}-when`} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <StepHeading id={`${id}-when`} step={3}>
        {t('due.title')}
      </StepHeading>
      <DueFields
        id={id}
        quickRef={dueQuickRef}
        today={today}
        dueDate={state.dueDate}
        dueTime={state.dueTime}
        onChange={onDue}
        error={errors.dueDate ?? errors.dueTime}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('mode.title')}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2">
          {(['PICKUP', 'DELIVERY'] as const).map((m) => (
            <label
              key={m}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${mode === m ? 'border-brand-500 bg-brand-50 font-medium text-brand-700' : 'border-slate-300'}`}
            >
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => dispatch({ type: 'set', inputs: { mode: m } })}
                className="accent-brand-600"
              />
              {t(`mode.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'DELIVERY' && (
        <Labeled htmlFor={`${id}-deliveryAddress`} label={t('mode.address')}>
          <textarea
            id={`${id}-deliveryAddress`}
            rows={2}
            maxLength={DELIVERY_ADDRESS_MAX}
            value={state.address}
            onChange={(e) => dispatch({ type: 'set', inputs: { address: e.target.value } })}
            aria-invalid={!!errors.deliveryAddress || undefined}
            aria-describedby={describedBy('deliveryAddress')}
            className={field}
          />
          <FieldError id={id} path="deliveryAddress" errors={errors} />
        </Labeled>
      )}
      <Labeled htmlFor={`${id}-notes`} label={t('notes')}>
        {/* No maxLength: a pasted note must not lose its end silently. It is refused with the limit named instead. */}
        <textarea
          id={`${id}-notes`}
          rows={2}
          value={notes}
          onChange={(e) => dispatch({ type: 'set', inputs: { notes: e.target.value } })}
          aria-invalid={overLimit(notes, ORDER_NOTES_MAX) || !!errors.notes || undefined}
          aria-describedby={[`${id}-notes-limit`, describedBy('notes')].filter(Boolean).join(' ')}
          className={field}
        />
        <TextLimit id={`${id}-notes-limit`} text={notes} max={ORDER_NOTES_MAX} />
        {!overLimit(notes, ORDER_NOTES_MAX) && <FieldError id={id} path="notes" errors={errors} />}
      </Labeled>
    </section>
  )
}
