'use client'

import * as Popover from '@radix-ui/react-popover'
import { House } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useRef, useState } from 'react'
import { setSkillLevelAction } from '@/actions/team'
import { AREAS, AREA_TASKS, SKILL_LEVELS, ownsTask, type HomeRole, type Task } from '@/domain/permissions'
import type { SkillCellDTO, SkillsMatrixDTO } from '@/server/team/get-skills-matrix'
import { FormError, StatusMessage } from '@/components/ui/field'
import { buttonClass, inputClass, noticeClass, secondaryButtonClass } from '@/components/ui/styles'
import { ToolbarSection } from '@/components/ui/toolbar-section'
import { useAction } from '@/components/ui/use-action'
import { LevelLegend, LevelMark, levelLook } from './visuals'

type Row = SkillsMatrixDTO['staff'][number]
const COLUMNS: Task[] = AREAS.flatMap((a) => [...AREA_TASKS[a]])
const EDITOR_ID = 'skill-cell-editor'
/** One person's level at one task, and the line that says who certified it. */
type OneCell = { person: Row; task: Task; certified: string }

/**
 * The skills matrix as a picture: people × tasks, each cell a coloured, patterned, numbered swatch. Every cell is a
 * button (arrow keys move between them, Enter opens it) with a small form to change the level.
 *
 * The cells are plain buttons and there is one editor for the whole grid, anchored to the cell it edits, mounted only
 * while a cell is open: the page hydrates a button per person and task, not a popover and a server-action hook each.
 */
export function SkillsMatrix({ staff, overdue }: { staff: Row[]; overdue: SkillsMatrixDTO['overdueReviews'] }) {
  const t = useTranslations('manager.matrix')
  const common = useTranslations('common')
  const format = useFormatter()
  const certifiedText = (cell: SkillCellDTO) => describeCertification(cell, t, format)
  const [status, setStatus] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ personId: string; task: Task } | null>(null)
  const anchorRef = useRef<HTMLButtonElement | null>(null)

  const editingPerson = editing ? staff.find((p) => p.id === editing.personId) : undefined

  function toggle(person: Row, task: Task, button: HTMLButtonElement) {
    if (editing?.personId === person.id && editing.task === task) return setEditing(null)
    anchorRef.current = button
    setEditing({ personId: person.id, task })
  }

  return (
    <ToolbarSection
      id="matrix-title"
      title={t('title')}
      explain={t('explain')}
      tools={
        <LevelLegend label={t('legend')} levels={SKILL_LEVELS.map((level) => ({ level, name: common(`levels.${level}`) }))}>
          <House className="size-3.5 text-slate-500" aria-hidden />
          {t('homeRoleTask')}
        </LevelLegend>
      }
      data-testid="skills-matrix"
    >
      <div className="mt-3">
        <StatusMessage message={status} />
      </div>
      <Popover.Root open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <Popover.Anchor virtualRef={anchorRef as React.RefObject<HTMLButtonElement>} />
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[640px] border-separate border-spacing-1 text-sm">
            <caption className="sr-only">{t('caption')}</caption>
            <MatrixColumns />
            <tbody onKeyDown={moveBetweenCells}>
              {staff.map((person, r) => (
                <tr key={person.id} data-testid={`matrix-row-${person.id}`}>
                  <th scope="row" className="sticky left-0 z-10 bg-white px-2 py-1 text-left align-middle font-normal">
                    <span className="block font-medium leading-tight">{person.name}</span>
                    <span className="text-xs text-slate-500">{common(`roles.${person.homeRole}`)}</span>
                  </th>
                  {COLUMNS.map((task, c) => (
                    <td key={task} className="p-0 text-center">
                      <MatrixCell
                        person={person}
                        task={task}
                        r={r}
                        c={c}
                        open={editing?.personId === person.id && editing.task === task}
                        certified={certifiedText(person.cells[task])}
                        onToggle={(button) => toggle(person, task, button)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Popover.Portal>
          <Popover.Content
            id={EDITOR_ID}
            sideOffset={4}
            collisionPadding={8}
            className="z-50 max-h-[var(--radix-popover-content-available-height)] w-72 overflow-y-auto rounded-lg bg-white p-3 text-sm shadow-lg ring-1 ring-slate-200"
            onOpenAutoFocus={(event) => {
              // Start on the current level, so arrow keys move up or down from it.
              event.preventDefault()
              ;(event.currentTarget as HTMLElement).querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus()
            }}
            onCloseAutoFocus={(event) => {
              // Back to the cell that was edited (the popover has no trigger of its own).
              event.preventDefault()
              anchorRef.current?.focus()
            }}
            onInteractOutside={(event) => {
              // A click on the open cell itself closes it through its own click (as a trigger would), not twice.
              if (anchorRef.current?.contains(event.target as Node)) event.preventDefault()
            }}
          >
            {editing && editingPerson && (
              <CellEditor
                key={`${editing.personId}-${editing.task}`}
                person={editingPerson}
                task={editing.task}
                certified={certifiedText(editingPerson.cells[editing.task])}
                onSaved={(message) => {
                  setEditing(null)
                  setStatus(message)
                }}
              />
            )}
            <Popover.Arrow className="fill-white" />
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {staff.length === 0 && <p className="mt-2 text-sm text-slate-600">{t('empty')}</p>}
      <OverdueReviews overdue={overdue} />
    </ToolbarSection>
  )
}

/** Arrow keys, Home and End move the focus between the cells' buttons (data-r, data-c), as in a grid. */
function moveBetweenCells(event: React.KeyboardEvent<HTMLTableSectionElement>) {
  const target = event.target as HTMLElement
  const r = Number(target.dataset.r)
  const c = Number(target.dataset.c)
  if (!Number.isInteger(r) || !Number.isInteger(c) || target.dataset.r === undefined) return
  const moves: Record<string, [number, number]> = {
    ArrowRight: [r, c + 1],
    ArrowLeft: [r, c - 1],
    ArrowDown: [r + 1, c],
    ArrowUp: [r - 1, c],
    Home: [r, 0],
    End: [r, COLUMNS.length - 1],
  }
  const next = moves[event.key]
  if (!next) return
  const button = event.currentTarget.querySelector<HTMLButtonElement>(`button[data-r="${next[0]}"][data-c="${next[1]}"]`)
  if (button) {
    event.preventDefault()
    button.focus()
  }
}

/** Certifications whose review date has passed (ADR 013), oldest first; nothing when none is overdue. */
function OverdueReviews({ overdue }: { overdue: SkillsMatrixDTO['overdueReviews'] }) {
  const t = useTranslations('manager.matrix')
  const common = useTranslations('common')
  const format = useFormatter()
  if (overdue.length === 0) return null
  return (
    <div className={`mt-3 ${noticeClass}`} data-testid="overdue-reviews">
      <h3 className="font-semibold">{t('overdueTitle')}</h3>
      <ul className="mt-1 list-disc pl-5">
        {overdue.map((r) => (
          <li key={`${r.person.id}-${r.task}`}>
            {t('overdueLine', {
              name: r.person.name,
              task: common(`tasks.${r.task}`),
              level: r.level,
              date: format.dateTime(new Date(`${r.reviewDueOn}T00:00:00Z`), { dateStyle: 'medium' }),
            })}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Who certified a level and when, whether it was carried over (ADR 013), and its review date. */
function describeCertification(
  cell: SkillCellDTO,
  t: ReturnType<typeof useTranslations<'manager.matrix'>>,
  format: ReturnType<typeof useFormatter>,
): string {
  if (!cell.recorded) return t('notCertified')
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium' })
  const review = cell.reviewDueOn ? ` · ${t('reviewDue', { date: date(`${cell.reviewDueOn}T00:00:00Z`) })}` : ''
  if (cell.migrated && cell.certifiedAt) return t('migrated', { date: date(cell.certifiedAt) }) + review
  if (cell.certifiedBy && cell.certifiedAt) return t('certifiedBy', { name: cell.certifiedBy, date: date(cell.certifiedAt) }) + review
  if (cell.certifiedAt) return t('recordedOn', { date: date(cell.certifiedAt) }) + review
  return t('recorded') + review
}
/** The form for one cell: choose a level, say why, save. Mounted only while that cell is open. */
function CellEditor({ person, task, certified, onSaved }: OneCell & { onSaved: (message: string) => void }) {
  const t = useTranslations('manager.matrix')
  const common = useTranslations('common')
  const cell = person.cells[task]
  const [level, setLevel] = useState(cell.level)
  const { run, pending, formError } = useAction(setSkillLevelAction)
  const taskName = common(`tasks.${task}`)

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const note = String(form.get('note') ?? '')
    const reviewDueOn = String(form.get('reviewDueOn') ?? '')
    const result = await run({ userId: person.id, task, level, reviewDueOn, note })
    if (result.ok) {
      onSaved(
        result.data.changed
          ? t('saved', { name: person.name, task: taskName, level, label: common(`levels.${level}`) }) +
              (result.data.rightsChanged ? ` ${t('rightsChanged')}` : '')
          : t('unchanged', { name: person.name, task: taskName }),
      )
    }
  }

  return (
    <form onSubmit={save} className="space-y-2">
      <p className="font-semibold">
        {person.name} · {taskName}
      </p>
      <p className="text-xs text-slate-600">{certified}</p>
      <fieldset>
        <legend className="sr-only">{t('chooseLevel')}</legend>
        <div className="space-y-1">
          {SKILL_LEVELS.map((l) => (
            <label
              key={l}
              className={`flex cursor-pointer items-start gap-2 rounded-md p-1.5 ${level === l ? 'bg-brand-50 ring-1 ring-brand-500' : 'hover:bg-slate-50'}`}
            >
              <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} className="mt-1" />
              <span>
                <span className="font-medium">
                  {l} — {common(`levels.${l}`)}
                </span>
                <span className="block text-xs text-slate-600">{t(`levelHelp.${l}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-xs font-medium text-slate-700">
        {t('reviewDueOn')}
        <input name="reviewDueOn" type="date" defaultValue={cell.reviewDueOn ?? ''} className={inputClass} />
      </label>
      <label className="block text-xs font-medium text-slate-700">
        {t('note')}
        <input name="note" maxLength={500} className={inputClass} placeholder={t('notePlaceholder')} />
      </label>
      {level !== cell.level && (
        <p className="text-xs text-amber-800">{person.isSelf ? t('warnSelf') : t('warnOther', { name: person.name })}</p>
      )}
      <FormError message={formError} />
      <div className="flex justify-end gap-2">
        <Popover.Close className={secondaryButtonClass}>{common('actions.cancel')}</Popover.Close>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? t('saving') : cell.migrated || !cell.recorded ? t('confirm') : common('actions.save')}
        </button>
      </div>
    </form>
  )
}

/** Two header rows: the areas, then each area's tasks. */
function MatrixColumns() {
  const t = useTranslations('manager.matrix')
  const common = useTranslations('common')
  return (
    <thead>
      <tr>
        <th
          scope="col"
          rowSpan={2}
          className="sticky left-0 z-10 bg-white px-2 text-left align-bottom text-xs font-semibold text-slate-600"
        >
          {t('person')}
        </th>
        {AREAS.map((area) => (
          <th
            key={area}
            scope="colgroup"
            colSpan={AREA_TASKS[area].length}
            className="border-b border-slate-200 px-1 pb-1 text-center text-xs font-semibold uppercase tracking-wide text-slate-500"
          >
            {common(`nav.${area}`)}
          </th>
        ))}
      </tr>
      <tr>
        {COLUMNS.map((task) => (
          <th
            key={task}
            scope="col"
            className="w-[11%] px-1 pb-1 text-center align-bottom text-xs font-medium leading-tight text-slate-700"
          >
            {common(`tasks.${task}`)}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** One person's level at one task: a swatch that opens the editor (arrow keys move between cells). */
function MatrixCell({
  person,
  task,
  certified,
  r,
  c,
  open,
  onToggle,
}: OneCell & { r: number; c: number; open: boolean; onToggle: (button: HTMLButtonElement) => void }) {
  const t = useTranslations('manager.matrix')
  const common = useTranslations('common')
  const cell = person.cells[task]
  const home = ownsTask(person.homeRole as HomeRole, task)
  const look = levelLook(cell.level)
  return (
    <button
      type="button"
      data-r={r}
      data-c={c}
      data-level={cell.level}
      data-testid={`cell-${person.id}-${task}`}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? EDITOR_ID : undefined}
      data-state={open ? 'open' : 'closed'}
      aria-label={
        t('cellLabel', { name: person.name, task: common(`tasks.${task}`), level: cell.level, label: common(`levels.${cell.level}`) }) +
        (home ? `, ${t('homeRoleTask')}` : '') +
        `. ${certified}`
      }
      className={`relative flex h-10 w-full min-w-12 items-center justify-center rounded-md text-sm ring-1 ring-inset transition hover:brightness-95 ${look.className}`}
      style={look.style}
      title={`${common(`levels.${cell.level}`)} — ${certified}`}
      onClick={(event) => onToggle(event.currentTarget)}
    >
      <LevelMark level={cell.level} />
      {home && <House className="absolute right-0.5 top-0.5 size-3 opacity-70" aria-hidden />}
    </button>
  )
}
