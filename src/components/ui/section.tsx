import type { ComponentProps, ReactNode } from 'react'
import { cardClass } from './styles'

/** A card section with its heading as the section's name, and an optional line explaining it. */
export function Section({ id, title, explain, children, ...rest }: { id: string; title: ReactNode; explain?: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'id' | 'title'>) {
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
