import { useFormatter, useTranslations } from 'next-intl'
import { alertBadgeClass } from '@/components/ui/styles'

/** Due date and time, with how far away it is; overdue in words and colour (never colour alone). */
export function DueLabel({ dueAt, now, overdue }: { dueAt: string; now: string; overdue: boolean }) {
  const t = useTranslations('back.due')
  const format = useFormatter()
  const due = new Date(dueAt)
  return (
    <span className="inline-flex flex-col">
      <time dateTime={dueAt} className={`tabular-nums ${overdue ? 'font-semibold text-red-800' : 'text-slate-900'}`}>
        {format.dateTime(due, { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' })}
      </time>
      <span className={`text-xs ${overdue ? 'font-medium text-red-800' : 'text-slate-600'}`}>
        {overdue ? t('overdueBy', { when: format.relativeTime(due, new Date(now)) }) : format.relativeTime(due, new Date(now))}
      </span>
    </span>
  )
}

export function OverdueBadge() {
  const t = useTranslations('back.due')
  return (
    <span className={alertBadgeClass}>
      <span aria-hidden="true">!</span>
      {t('overdue')}
    </span>
  )
}
