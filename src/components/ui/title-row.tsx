import type { ReactNode } from 'react'

/** A screen's title (its h1, named by `id` for the section it heads) and what stands beside it: live updates, a count.
 * Wraps on a narrow screen. */
export function TitleRow({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <h1 id={id} className="text-2xl font-bold">
        {title}
      </h1>
      {children}
    </div>
  )
}
