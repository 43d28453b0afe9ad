import type { ReactNode } from 'react'

/** A page's title and the line under it that says what the page is for. */
export function PageHeader({ title, subtitle }: { title: ReactNode; subtitle?: ReactNode }) {
  return (
    <header>
      <h1 className="text-2xl font-bold">{title}</h1>
      {subtitle && <p className="text-sm text-slate-600">{subtitle}</p>}
    </header>
  )
}
