import type { ReactNode } from 'react'
import { DataTable } from './table'

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
