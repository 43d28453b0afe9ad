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
