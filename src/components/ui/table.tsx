import type { ReactNode } from 'react'
import { tableCardClass } from './styles'

/** A list as a table: scrolls sideways on a phone, caption for screen readers, one header per column. */
export function DataTable({
  caption,
  columns,
  className,
  children,
}: {
  caption: string
  columns: Array<{ label: ReactNode; end?: boolean }>
  className: string
  children: ReactNode
}) {
  return (
    <div className={tableCardClass}>
      <table className={`w-full text-sm ${className}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs text-slate-600">
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`px-3 py-2 font-semibold ${c.end ? 'text-right' : ''}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

/** One header cell: its label (read only by screen readers when `srOnly`) and its own classes if not the default. */
export type HeadColumn = { label: ReactNode; className?: string; srOnly?: boolean }

/** A table's header row: one `<th scope="col">` per column, in the table's own style. */
export function TableHead({
  columns,
  className,
  rowClassName,
  cellClassName,
}: {
  columns: HeadColumn[]
  className?: string
  rowClassName?: string
  cellClassName?: string
}) {
  return (
    <thead className={className}>
      <tr className={rowClassName}>
        {columns.map((c, i) => (
          <th key={i} scope="col" className={c.className ?? cellClassName}>
            {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}

/** The back office's header styles: over a full-width list, and inside a panel's small table. */
export const listHeadClass = 'bg-slate-50 text-xs uppercase tracking-wide text-slate-600'
export const panelHeadClass = 'text-xs uppercase tracking-wide text-slate-600'

/** What a list shows when it has nothing: a line saying so and a hint what would fill it. */
export function EmptyState({
  title,
  hint,
  children,
  ...rest
}: {
  title: ReactNode
  hint: ReactNode
  children?: ReactNode
  'data-testid'?: string
}) {
  return (
    <div className="rounded-lg bg-white p-8 text-center ring-1 ring-slate-200" {...rest}>
      <p className="text-lg font-medium">{title}</p>
      <p className="mt-1 text-sm text-slate-600">{hint}</p>
      {children}
    </div>
  )
}

/** The desk's plain list (today's orders, an order's lines): a header row over the rows, in a card that scrolls
 * sideways on a phone unless `card` is false (the table already sits in one). */
export function ListTable({
  columns,
  className = 'w-full text-sm',
  card = true,
  headClass = 'bg-slate-50 text-left text-slate-600',
  cellClassName = 'px-3 py-2',
  testId,
  bodies = false,
  footer,
  children,
}: {
  columns: HeadColumn[]
  className?: string
  card?: boolean
  headClass?: string
  cellClassName?: string
  testId?: string
  /** The children are the table's own <tbody>s (a group of rows per customer, say), not rows. */
  bodies?: boolean
  /** Under the table, inside the card (e.g. "only the first 200 are shown"). */
  footer?: ReactNode
  children: ReactNode
}) {
  const table = (
    <table className={className} data-testid={testId}>
      <TableHead className={headClass} cellClassName={cellClassName} columns={columns} />
      {bodies ? children : <tbody>{children}</tbody>}
    </table>
  )
  return card ? (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      {table}
      {footer}
    </div>
  ) : (
    table
  )
}
