import type { ReactNode } from 'react'

/** A section's title with its step number (1 customer, 2 items, 3 when, 4 money): the order the form is read in. */
export function StepHeading({
  id,
  step,
  className = 'text-lg font-semibold',
  children,
}: {
  id: string
  step: number
  className?: string
  children: ReactNode
}) {
  return (
    <h2 id={id} className={className}>
      <span className="mr-2 inline-flex h-6 w-6 items-center justify-center rounded-full bg-slate-900 text-xs text-white">{step}</span>
      {children}
    </h2>
  )
}
