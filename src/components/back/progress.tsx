import { useTranslations } from 'next-intl'

/** Units done of units ordered, in numbers first; the bar only illustrates. */
export function Progress({ done, total }: { done: number; total: number }) {
  const t = useTranslations('back.progress')
  const pct = total > 0 ? Math.round((done / total) * 100) : 0
  return (
    <span className="inline-flex min-w-24 flex-col gap-1">
      <span className="text-sm tabular-nums text-slate-800">{t('units', { done, total })}</span>
      <span aria-hidden="true" className="block h-1.5 w-full overflow-hidden rounded-full bg-slate-200">
        <span className={`block h-full rounded-full ${pct === 100 ? 'bg-emerald-500' : 'bg-brand-500'}`} style={{ width: `${pct}%` }} />
      </span>
    </span>
  )
}
