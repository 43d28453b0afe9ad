import type { ComponentProps, ReactNode } from 'react'
import { cardClass, panelClass } from './styles'

type SectionProps = { id: string; title: ReactNode; children: ReactNode } & Omit<ComponentProps<'section'>, 'id' | 'title'>

/** A section named by its heading (screen readers list it under that name); `headingClass` is the heading's look. */
export function HeadedSection({ id, title, headingClass, children, ...rest }: SectionProps & { headingClass: string }) {
  return (
    <section aria-labelledby={id} {...rest}>
      <h2 id={id} className={headingClass}>
        {title}
      </h2>
      {children}
    </section>
  )
}

/** A card section with its heading as the section's name, and an optional line explaining it. */
export function Section({ explain, children, ...rest }: SectionProps & { explain?: ReactNode }) {
  return (
    <HeadedSection className={cardClass} headingClass="text-lg font-semibold" {...rest}>
      {explain && <p className="mt-1 text-sm text-slate-600">{explain}</p>}
      {children}
    </HeadedSection>
  )
}

/** A back-office panel: a flat card whose heading names the section. */
export function Panel(props: SectionProps) {
  return <HeadedSection className={panelClass} headingClass="mb-3 text-lg font-semibold" {...props} />
}
