import type { ReactNode } from 'react'
import { cardClass } from './styles'

/** One headline figure on a card: what it is, the figure, and a line of context under it. */
export function StatTile({ label, value, sub, testId }: { label: ReactNode; value: ReactNode; sub: ReactNode; testId?: string }) {
  return (
    <div className={cardClass} data-testid={testId}>
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tabular-nums">{value}</p>
      <p className="text-xs text-slate-500">{sub}</p>
    </div>
  )
}
