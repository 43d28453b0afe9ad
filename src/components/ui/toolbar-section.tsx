import type { ComponentProps, ReactNode } from 'react'
import { cardClass } from './styles'

/**
 * A card section whose heading row carries tools at its end (a day picker, a legend): the heading names the section,
 * the line under it says what it shows; on a narrow screen the tools wrap below. `anchor`: the section's own id, for
 * links to it (`#look-ahead`).
 */
export function ToolbarSection({
  id,
  anchor,
  title,
  explain,
  tools,
  children,
  ...rest
}: { id: string; anchor?: string; title: ReactNode; explain: ReactNode; tools: ReactNode; children: ReactNode } & Omit<
  ComponentProps<'section'>,
  'id' | 'title'
>) {
  return (
    <section id={anchor} aria-labelledby={id} className={cardClass} {...rest}>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          <p className="text-sm text-slate-600">{explain}</p>
        </div>
        {tools}
      </div>
      {children}
    </section>
  )
}
