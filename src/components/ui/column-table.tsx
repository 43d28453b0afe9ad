import type { ReactNode } from 'react'
import { DataTable, TableHead } from './table'

/** One column of a ColumnTable: its header, what a row shows in it, `end` for figures (right-aligned), extra classes. */
export type Column<R> = { label: ReactNode; cell: (row: R) => ReactNode; end?: boolean; className?: string }

/** A DataTable drawn from its columns: each column says its header and its cell once, every row follows them. */
export function ColumnTable<R>({
  caption,
  className,
  columns,
  rows,
  rowKey,
  rowTestId,
}: {
  caption: string
  className: string
  columns: Array<Column<R>>
  rows: readonly R[]
  rowKey: (row: R) => string
  rowTestId?: string
}) {
  return (
    <DataTable caption={caption} className={className} columns={columns}>
      {rows.map((row) => (
        <tr key={rowKey(row)} className="border-t border-slate-100" data-testid={rowTestId}>
          {columns.map((c, i) => (
            <td key={i} className={['px-3 py-2', c.end && 'text-right', c.className].filter(Boolean).join(' ')}>
              {c.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  )
}

/** A column of a bare ColumnGrid: its header with the header cell's classes, and a row's cell (`body` when its classes
 * differ from the header's, a function when they depend on the row). */
export type GridColumn<R> = {
  label: ReactNode
  className: string
  body?: string | ((row: R) => string)
  cell: (row: R, index: number) => ReactNode
}

/** A bare table drawn from its columns, for a table inside a panel or on a printed sheet (no card of its own). */
export function ColumnGrid<R>({
  columns,
  rows,
  rowKey,
  className,
  headClassName,
  headRowClassName,
  bodyClassName,
  rowClassName,
  caption,
  testId,
}: {
  columns: Array<GridColumn<R>>
  rows: readonly R[]
  rowKey: (row: R) => string | number
  className: string
  headClassName?: string
  headRowClassName?: string
  bodyClassName?: string
  rowClassName?: string
  caption?: { text: ReactNode; className: string }
  testId?: string
}) {
  const bodyClass = (c: GridColumn<R>, row: R) => (typeof c.body === 'function' ? c.body(row) : (c.body ?? c.className))
  return (
    <table className={className} data-testid={testId}>
      {caption && <caption className={caption.className}>{caption.text}</caption>}
      <TableHead className={headClassName} rowClassName={headRowClassName} columns={columns} />
      <tbody className={bodyClassName}>
        {rows.map((row, i) => (
          <tr key={rowKey(row)} className={rowClassName}>
            {columns.map((c, j) => (
              <td key={j} className={bodyClass(c, row)}>
                {c.cell(row, i)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
