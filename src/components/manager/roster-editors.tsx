'use client'

import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { setContractAction, setShiftsAction } from '@/actions/roster'
import { DialogButtons, Modal } from '@/components/ui/dialog'
import { Field, FormError } from '@/components/ui/field'
import { compactInputClass, secondaryButtonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'
import type { RosterCellDTO, RosterWeekDTO } from '@/server/roster/get-roster-week'
import { useRosterLabels } from './roster-labels'

type Person = RosterWeekDTO['people'][number]
export type EditTarget = { kind: 'shift'; person: Person; cell: RosterCellDTO } | { kind: 'contract'; person: Person }

function TimePair({ legend, value, onChange }: { legend: string; value: [string, string]; onChange: (v: [string, string]) => void }) {
  const t = useTranslations('manager.roster')
  return (
    <fieldset className="grid grid-cols-2 gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {(['from', 'to'] as const).map((end, i) => (
        <Field key={end} label={t(end)}>
          {(p) => (
            <input
              {...p}
              type="time"
              step={900}
              className={compactInputClass}
              value={value[i]}
              onChange={(e) => onChange(i === 0 ? [e.target.value, value[1]] : [value[0], e.target.value])}
            />
          )}
        </Field>
      ))}
    </fieldset>
  )
}

/** Edit one day of one person: up to two blocks, for every such weekday or only this date. */
export function ShiftEditor({
  target,
  open,
  onClose,
}: {
  target: { person: Person; cell: RosterCellDTO }
  open: Array<[string, string]>
  onClose: () => void
}) {
  const t = useTranslations('manager.roster')
  const labels = useRosterLabels()
  const { person, cell } = target
  const [first, setFirst] = useState<[string, string]>(cell.blocks[0] ?? open[0] ?? ['', ''])
  const [second, setSecond] = useState<[string, string]>(cell.blocks[1] ?? ['', ''])
  const [scope, setScope] = useState<'week' | 'date'>(cell.source === 'override' ? 'date' : 'week')
  const { run, pending, formError, fieldErrors } = useAction(setShiftsAction)

  const save = async (blocks: Array<[string, string]>, as: 'week' | 'date' | 'reset' = scope) => {
    const result = await run({ userId: person.id, scope: as, day: cell.day, blocks })
    if (result.ok) onClose()
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    void save([first, second].filter(([s, f]) => s !== '' || f !== ''))
  }
  return (
    <Modal
      open
      onOpenChange={(o) => !o && onClose()}
      title={t('editTitle', { name: person.name, day: labels.longDay(cell.day) })}
      description={t('editExplain', { hours: labels.blocks(open) || t('closed') })}
    >
      <form onSubmit={onSubmit} className="space-y-3" data-testid="shift-editor">
        <TimePair legend={t('shift1')} value={first} onChange={setFirst} />
        <TimePair legend={t('shift2')} value={second} onChange={setSecond} />
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('scope')}</legend>
          {(['week', 'date'] as const).map((s) => (
            <label key={s} className="mr-4 inline-flex items-center gap-1 text-sm">
              <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} />
              {s === 'week' ? t('scopeWeek', { weekday: labels.weekday(cell.day) }) : t('scopeDate', { date: labels.date(cell.day) })}
            </label>
          ))}
        </fieldset>
        <FormError message={fieldErrors.blocks?.join(' ')} />
        <div className="flex flex-wrap gap-2">
          <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => void save([])}>
            {t('dayOff')}
          </button>
          {cell.source === 'override' && (
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => void save([], 'reset')}>
              {t('undoOneOff')}
            </button>
          )}
        </div>
        <DialogButtons error={formError} label={t('save')} pending={pending} onCancel={onClose} />
      </form>
    </Modal>
  )
}

/** Contracted hours a week; empty = not recorded. */
export function ContractEditor({ person, onClose }: { person: Person; onClose: () => void }) {
  const t = useTranslations('manager.roster')
  const [hours, setHours] = useState(person.contractedMinutes === null ? '' : String(person.contractedMinutes / 60))
  const { run, pending, formError, fieldErrors } = useAction(setContractAction)
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const result = await run({ userId: person.id, hours: hours.trim() === '' ? null : hours.trim() })
    if (result.ok) onClose()
  }
  return (
    <Modal open onOpenChange={(o) => !o && onClose()} title={t('contractTitle', { name: person.name })}>
      <form onSubmit={onSubmit} className="space-y-3">
        <Field label={t('contractHours')} hint={t('contractHint')} errors={fieldErrors.hours}>
          {(p) => (
            <input {...p} inputMode="decimal" className={compactInputClass} value={hours} onChange={(e) => setHours(e.target.value)} />
          )}
        </Field>
        <DialogButtons error={formError} label={t('save')} pending={pending} onCancel={onClose} />
      </form>
    </Modal>
  )
}
