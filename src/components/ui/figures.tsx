import type { ReactNode } from 'react'

/** A few figures side by side, each a label over its value (amounts, counts): a description list in a grid. */
export function Figures({
  items,
  className = 'grid grid-cols-2 gap-2 text-sm',
}: {
  items: Array<{ label: ReactNode; value: ReactNode; valueClass?: string; testId?: string }>
  className?: string
}) {
  return (
    <dl className={className}>
      {items.map((item, i) => (
        <div key={i}>
          <dt className="text-slate-600">{item.label}</dt>
          <dd className={`tabular-nums ${item.valueClass ?? 'font-medium'}`} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  )
}

/** One line of a SummaryList: its label, its value and, where it differs from the list's, its own look. */
export type SummaryRow = {
  label: ReactNode
  value: ReactNode
  className?: string
  labelClass?: string
  valueClass?: string
  testId?: string
}

/**
 * Label and value pairs, one a line (totals, a summary of facts): a description list. A row given as `false` or
 * `null` is left out, so that a conditional row reads as one expression.
 */
export function SummaryList({
  rows,
  className,
  rowClass = 'flex justify-between gap-4',
  labelClass,
  valueClass,
}: {
  rows: ReadonlyArray<SummaryRow | false | null | undefined>
  className?: string
  rowClass?: string
  labelClass?: string
  valueClass?: string
}) {
  return (
    <dl className={className}>
      {rows.map(
        (row, i) =>
          row && (
            <div key={i} className={row.className ? `${rowClass} ${row.className}` : rowClass}>
              <dt className={row.labelClass ?? labelClass}>{row.label}</dt>
              <dd className={row.valueClass ?? valueClass} data-testid={row.testId}>
                {row.value}
              </dd>
            </div>
          ),
      )}
    </dl>
  )
}
