import type { ReactNode } from 'react'
import { listHeadClass, TableHead, type HeadColumn } from '@/components/ui/table'

/** A back-office worklist as a full-width table (receivables, orders to invoice): scrolls sideways on a phone; the
 * caller gives its body or bodies and, under the table, a `footer` line. */
export function WorklistTable({
  testId,
  columns,
  cellClassName,
  footer,
  children,
}: {
  testId: string
  columns: HeadColumn[]
  cellClassName: string
  footer?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <TableHead className={listHeadClass} cellClassName={cellClassName} columns={columns} />
        {children}
      </table>
      {footer}
    </div>
  )
}
