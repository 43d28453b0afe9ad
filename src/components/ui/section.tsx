import type { ComponentProps, ReactNode } from 'react'
import { cardClass, panelClass } from './styles'

/** A card section with its heading as the section's name, and an optional line explaining it. */
export function Section({
  id,
  title,
  explain,
  children,
  ...rest
}: { id: string; title: ReactNode; explain?: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'id' | 'title'>) {
  return (
    <section aria-labelledby={id} className={cardClass} {...rest}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {explain && <p className="mt-1 text-sm text-slate-600">{explain}</p>}
      {children}
    </section>
  )
}

/** A back-office panel: a flat card whose heading names the section. */
export function Panel({
  id,
  title,
  children,
  ...rest
}: { id: string; title: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'id' | 'title'>) {
  return (
    <section aria-labelledby={id} className={panelClass} {...rest}>
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  )
}

/** A screen's title and the line under it that says what the screen is for. */
export function PageHeader({ title, subtitle }: { title: React.ReactNode; subtitle: React.ReactNode }) {
  return (
    <header>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-sm text-slate-600">{subtitle}</p>
    </header>
  )
}
