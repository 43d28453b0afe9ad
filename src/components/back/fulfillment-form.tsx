'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { recordFulfillmentAction } from '@/actions/fulfillment'
import { FieldError } from '@/components/ui/field'
import { FormMessage } from './form-message'
import { useAction } from '@/components/ui/use-action'
import { panelHeadClass, TableHead } from '@/components/ui/table'

export interface FulfillmentLine {
  id: string
  position: number
  sku: string | null
  description: string
  note: string | null
  quantity: number
  qtyFulfilled: number
  qtyInvoiced: number
}

/**
 * Record work per line: type the new fulfilled quantity, or step it with -1 / +1 / "all". Only changed lines are
 * sent, with the order version the page was loaded with; on a conflict the typed values stay and the person reloads.
 */
export function FulfillmentForm({
  orderId,
  version: loadedVersion,
  lines: loadedLines,
  blockedReason,
}: {
  orderId: string
  version: number
  lines: FulfillmentLine[]
  blockedReason: string | null
}) {
  const t = useTranslations('back.work')
  const [edits, setEdits] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<string | null>(null)
  // What the server answered on the last save: shown at once, until the page's refreshed data (a version at least as
  // new) arrives, so the old quantities never reappear in between.
  const [confirmed, setConfirmed] = useState<{ version: number; quantities: Record<string, number> } | null>(null)
  const action = useAction(recordFulfillmentAction, {
    onSuccess: (data) => {
      setConfirmed({ version: data.version, quantities: Object.fromEntries(data.changed.map((c) => [c.lineId, c.to])) })
      setEdits({})
      setSaved(t('saved'))
    },
  })
  const ahead = confirmed !== null && confirmed.version > loadedVersion ? confirmed : null
  const version = ahead ? ahead.version : loadedVersion
  const lines = ahead
    ? loadedLines.map((l) => (ahead.quantities[l.id] === undefined ? l : { ...l, qtyFulfilled: ahead.quantities[l.id]! }))
    : loadedLines
  const valueOf = (line: FulfillmentLine) => edits[line.id] ?? String(line.qtyFulfilled)
  const setValue = (line: FulfillmentLine, value: string) => {
    setSaved(null)
    setEdits((e) => {
      const next = { ...e }
      if (value === String(line.qtyFulfilled)) delete next[line.id]
      else next[line.id] = value
      return next
    })
  }
  const step = (line: FulfillmentLine, delta: number) => {
    const current = Number.parseInt(valueOf(line), 10)
    const base = Number.isFinite(current) ? current : line.qtyFulfilled
    setValue(line, String(Math.min(line.quantity, Math.max(line.qtyInvoiced, base + delta))))
  }
  const changes = lines.filter((l) => edits[l.id] !== undefined)
  // Server errors name lines by their index in what was sent ("lines.2" or "lines.2.set").
  const [sent, setSent] = useState<string[]>([])
  const errorsFor = (lineId: string) => {
    const i = sent.indexOf(lineId)
    if (i < 0) return undefined
    const messages = Object.entries(action.fieldErrors).flatMap(([key, m]) =>
      key === `lines.${i}` || key.startsWith(`lines.${i}.`) ? m : [],
    )
    return messages.length > 0 ? messages : undefined
  }
  const disabled = blockedReason !== null || action.pending

  const submit = (all: boolean) => {
    const payload = all
      ? lines.filter((l) => l.qtyFulfilled < l.quantity).map((l) => ({ lineId: l.id, set: l.quantity }))
      : changes.map((l) => ({ lineId: l.id, set: Number(edits[l.id]) }))
    if (payload.length === 0) return
    if (all) setEdits(Object.fromEntries(payload.map((p) => [p.lineId, String(p.set)])))
    setSent(payload.map((p) => p.lineId))
    void action.run({ orderId, expectedVersion: version, lines: payload })
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        submit(false)
      }}
      aria-labelledby="work-title"
      className="space-y-3"
      data-testid="fulfillment-form"
    >
      {blockedReason && <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">{blockedReason}</p>}
      <WorkTable
        lines={lines}
        row={(line) => ({
          value: valueOf(line),
          errors: errorsFor(line.id),
          edited: edits[line.id] !== undefined,
          onStep: (delta) => step(line, delta),
          onSet: (value) => setValue(line, value),
        })}
        disabled={disabled}
      />
      <FormMessage error={action.formError} stale={action.stale} success={saved} />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={disabled || changes.length === 0}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {action.pending ? t('saving') : t('save', { count: changes.length })}
        </button>
        <button
          type="button"
          onClick={() => submit(true)}
          disabled={disabled || lines.every((l) => l.qtyFulfilled >= l.quantity)}
          className="rounded-md bg-white px-4 py-2 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-50"
        >
          {t('allDone')}
        </button>
        {changes.length > 0 && (
          <button
            type="button"
            onClick={() => setEdits({})}
            disabled={action.pending}
            className="rounded-md px-3 py-2 text-sm text-slate-700 underline-offset-2 hover:underline"
          >
            {t('discard')}
          </button>
        )}
      </div>
    </form>
  )
}

/** The order's lines with their fulfilled quantities; `row` says what each line's row shows and does. */
function WorkTable({
  lines,
  row,
  disabled,
}: {
  lines: FulfillmentLine[]
  row: (line: FulfillmentLine) => Omit<Parameters<typeof WorkLineRow>[0], 'line' | 'disabled'>
  disabled: boolean
}) {
  const t = useTranslations('back.work')
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <TableHead
          className={panelHeadClass}
          columns={[
            { label: t('line'), className: 'py-2 pr-3' },
            { label: t('ordered'), className: 'px-2 py-2 text-right sm:px-3' },
            { label: t('invoiced'), className: 'hidden px-3 py-2 text-right sm:table-cell' },
            { label: t('fulfilled'), className: 'py-2 pl-2 sm:px-3' },
          ]}
        />
        <tbody className="divide-y divide-slate-200">
          {lines.map((line) => (
            <WorkLineRow key={line.id} line={line} disabled={disabled} {...row(line)} />
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One line's work: what was ordered and invoiced, and the fulfilled quantity typed or stepped (never below invoiced). */
function WorkLineRow({
  line,
  value,
  errors,
  edited,
  disabled,
  onStep,
  onSet,
}: {
  line: FulfillmentLine
  value: string
  errors: string[] | undefined
  edited: boolean
  disabled: boolean
  onStep: (delta: number) => void
  onSet: (value: string) => void
}) {
  const t = useTranslations('back.work')
  const errorId = `line-${line.id}-error`
  const done = Number(value) >= line.quantity
  return (
    <tr data-testid="work-line">
      <td className="py-2 pr-3 align-top">
        <span className="font-medium">{line.description}</span>
        {line.sku && <span className="ml-2 font-mono text-xs text-slate-500">{line.sku}</span>}
        {line.note && <span className="block text-xs text-slate-600">{line.note}</span>}
        {line.qtyInvoiced > 0 && (
          <span className="block text-xs text-slate-600 sm:hidden">{t('invoicedCount', { count: line.qtyInvoiced })}</span>
        )}
        {edited && <span className="mt-0.5 block text-xs text-amber-800">{t('unsaved', { from: line.qtyFulfilled })}</span>}
      </td>
      <td className="px-2 py-2 text-right align-top tabular-nums sm:px-3">{line.quantity}</td>
      <td className="hidden px-3 py-2 text-right align-top tabular-nums sm:table-cell">{line.qtyInvoiced}</td>
      <td className="py-2 pl-2 align-top sm:px-3">
        <div className="flex flex-wrap items-center gap-1">
          <button
            type="button"
            onClick={() => onStep(-1)}
            disabled={disabled || Number(value) <= line.qtyInvoiced}
            aria-label={t('minusOne', { line: line.description })}
            className="h-8 w-8 rounded-md bg-white text-lg leading-none ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
          >
            −
          </button>
          <input
            type="number"
            inputMode="numeric"
            min={line.qtyInvoiced}
            max={line.quantity}
            step={1}
            value={value}
            onChange={(e) => onSet(e.target.value)}
            disabled={disabled}
            aria-label={t('fulfilledOf', { line: line.description, quantity: line.quantity })}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? errorId : undefined}
            className="h-8 w-16 rounded-md border border-slate-300 px-2 text-right tabular-nums sm:w-20"
          />
          <button
            type="button"
            onClick={() => onStep(1)}
            disabled={disabled || Number(value) >= line.quantity}
            aria-label={t('plusOne', { line: line.description })}
            className="h-8 w-8 rounded-md bg-white text-lg leading-none ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => onSet(String(line.quantity))}
            disabled={disabled || done}
            className="h-8 rounded-md bg-white px-2 text-xs font-medium ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-40"
          >
            {t('all')}
          </button>
          <span className="ml-1 hidden text-xs text-slate-600 sm:inline">/ {line.quantity}</span>
        </div>
        <FieldError id={errorId} messages={errors} />
      </td>
    </tr>
  )
}
