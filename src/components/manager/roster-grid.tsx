'use client'

import { useTranslations } from 'next-intl'
import { useRef, useState, type KeyboardEvent } from 'react'
import type { RosterWeekDTO } from '@/server/roster/get-roster-week'
import { tableCardClass } from '@/components/ui/styles'
import { ContractEditor, ShiftEditor, type EditTarget } from './roster-editors'
import { useRosterLabels } from './roster-labels'

type Person = RosterWeekDTO['people'][number]

/**
 * The week grid: one row per person, a contract column and seven day columns. One cell holds the focus at a time
 * (roving tabindex): arrow keys move it, Home/End jump along the row, Enter or F2 opens the cell's editor. Every cell
 * has a full label for screen readers ("Ngọc, Tuesday 8/12: 07:30–16:00 (one-off change)").
 */
export function RosterGrid({ data }: { data: RosterWeekDTO }) {
  const t = useTranslations('manager.roster')
  const labels = useRosterLabels()
  const [pos, setPos] = useState<[number, number]>([0, 1])
  const [edit, setEdit] = useState<EditTarget | null>(null)
  const cells = useRef(new Map<string, HTMLTableCellElement>())
  const rows = data.people.length
  const cols = 8

  const focus = (r: number, c: number) => {
    const row = Math.max(0, Math.min(rows - 1, r))
    const col = Math.max(0, Math.min(cols - 1, c))
    setPos([row, col])
    cells.current.get(`${row}:${col}`)?.focus()
  }
  const open = (person: Person, col: number) =>
    setEdit(col === 0 ? { kind: 'contract', person } : { kind: 'shift', person, cell: person.cells[col - 1]! })

  function onKeyDown(event: KeyboardEvent<HTMLTableCellElement>, r: number, c: number) {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, cols - 1],
    }
    const to = moves[event.key]
    if (to) {
      event.preventDefault()
      focus(to[0], to[1])
    } else if (event.key === 'Enter' || event.key === 'F2' || event.key === ' ') {
      event.preventDefault()
      open(data.people[r]!, c)
    }
  }

  const cellProps = (r: number, c: number) => ({
    ref: (el: HTMLTableCellElement | null) => {
      if (el) cells.current.set(`${r}:${c}`, el)
      else cells.current.delete(`${r}:${c}`)
    },
    role: 'gridcell',
    tabIndex: pos[0] === r && pos[1] === c ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLTableCellElement>) => onKeyDown(e, r, c),
    onClick: () => {
      setPos([r, c])
      open(data.people[r]!, c)
    },
    onFocus: () => setPos([r, c]),
    className:
      'cursor-pointer border-t border-slate-100 px-2 py-2 align-top outline-none focus:bg-sky-50 focus:ring-2 focus:ring-inset focus:ring-sky-600',
  })

  return (
    <div className={tableCardClass}>
      <table
        role="grid"
        aria-label={t('gridLabel', { date: labels.date(data.weekStart) })}
        className="w-full min-w-[56rem] text-sm"
        data-testid="roster-grid"
      >
        <RosterHead data={data} />
        <tbody>
          {data.people.map((p, r) => (
            <tr key={p.id}>
              <th scope="row" className="border-t border-slate-100 px-2 py-2 text-left font-medium">
                {p.name}
                {!p.rostered && <span className="block text-xs font-normal text-slate-500">{t('notRostered')}</span>}
              </th>
              <td {...cellProps(r, 0)} aria-label={t('contractLabel', { name: p.name, value: labels.contract(p) })}>
                <span className="tabular-nums">{labels.contract(p)}</span>
              </td>
              {p.cells.map((cell, i) => (
                <td key={cell.day} {...cellProps(r, i + 1)} aria-label={labels.cell(p.name, cell)} data-day={cell.day}>
                  {cell.blocks.length === 0 ? (
                    <span className="text-slate-500">{t('off')}</span>
                  ) : (
                    <span className={cell.source === 'opening' ? 'italic text-slate-500' : 'tabular-nums'}>
                      {labels.blocks(cell.blocks)}
                    </span>
                  )}
                  {cell.source === 'override' && (
                    <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t('oneOff')}</span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <NobodyRow days={data.days} />
      </table>
      <p className="px-3 pb-3 text-xs text-slate-500">{t('keysHelp')}</p>
      {edit?.kind === 'shift' && (
        <ShiftEditor
          target={edit}
          open={data.days.find((d) => d.day === edit.cell.day)!.open}
          onClose={() => {
            setEdit(null)
            focus(pos[0], pos[1])
          }}
        />
      )}
      {edit?.kind === 'contract' && (
        <ContractEditor
          person={edit.person}
          onClose={() => {
            setEdit(null)
            focus(pos[0], pos[1])
          }}
        />
      )}
    </div>
  )
}

/** The day columns' heads: the date and that day's opening hours. */
function RosterHead({ data }: { data: RosterWeekDTO }) {
  const t = useTranslations('manager.roster')
  const labels = useRosterLabels()
  return (
    <thead>
      <tr>
        <th scope="col" className="px-2 py-2 text-left font-semibold">
          {t('person')}
        </th>
        <th scope="col" className="px-2 py-2 text-left font-semibold">
          {t('contract')}
        </th>
        {data.days.map((d) => (
          <th key={d.day} scope="col" className={`px-2 py-2 text-left font-semibold ${d.day === data.today ? 'text-sky-800' : ''}`}>
            {labels.day(d.day)}
            <span className="block text-xs font-normal text-slate-500">{d.open.length === 0 ? t('closed') : labels.blocks(d.open)}</span>
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** The last row: opening time with nobody rostered, per day — a gap of its own. */
function NobodyRow({ days }: { days: RosterWeekDTO['days'] }) {
  const t = useTranslations('manager.roster')
  const labels = useRosterLabels()
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={2} className="border-t border-slate-200 px-2 py-2 text-left font-semibold text-red-800">
          {t('nobodyRow')}
        </th>
        {days.map((d) => (
          <td key={d.day} className="border-t border-slate-200 px-2 py-2 align-top text-xs" data-testid={`nobody-${d.day}`}>
            {d.unstaffed.length === 0 ? (
              <span className="text-slate-500">{t('nobodyNone')}</span>
            ) : (
              d.unstaffed.map((u) => (
                <span key={u.start} className="block font-medium text-red-800">
                  {t('nobodyGap', { start: labels.time(u.start), end: labels.time(u.end) })}
                </span>
              ))
            )}
          </td>
        ))}
      </tr>
    </tfoot>
  )
}
