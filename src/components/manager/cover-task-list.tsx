import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { AREAS, AREA_TASKS, type Task } from '@/domain/permissions'
import { COVER_ROW, CoverBadge, type CoverTone } from './visuals'

/**
 * Tasks grouped by area, in the areas' order: each task a row in its cover colour with its name and a badge, and
 * `detail` under it (who is here, the gaps of the day). Tasks without an entry are left out.
 */
export async function CoverTaskList<T extends { task: Task; level: CoverTone }>({
  entries,
  badge,
  detail,
  testIdPrefix,
  className,
  areaClassName,
}: {
  entries: readonly T[]
  badge: (entry: T) => string
  detail: (entry: T) => ReactNode
  testIdPrefix: string
  className?: string
  areaClassName?: string
}) {
  const common = await getTranslations('common')
  const byTask = new Map(entries.map((e) => [e.task, e]))
  return (
    <div className={className}>
      {AREAS.map((area) => (
        <div key={area} className={areaClassName}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{common(`nav.${area}`)}</h3>
          <ul className="mt-1 space-y-1.5">
            {AREA_TASKS[area].map((task) => {
              const entry = byTask.get(task)
              if (!entry) return null
              return (
                <li key={task} className={`rounded-md px-3 py-2 ${COVER_ROW[entry.level]}`} data-testid={`${testIdPrefix}-${task}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{common(`tasks.${task}`)}</span>
                    <CoverBadge tone={entry.level} label={badge(entry)} />
                  </div>
                  {detail(entry)}
                </li>
              )
            })}
          </ul>
        </div>
      ))}
    </div>
  )
}
