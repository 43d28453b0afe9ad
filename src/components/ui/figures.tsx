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
