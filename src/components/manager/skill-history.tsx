import { getFormatter, getTranslations } from 'next-intl/server'
import type { SkillsMatrixDTO } from '@/server/team/get-skills-matrix'
import { cardClass } from '@/components/ui/styles'

/** The latest skill changes: who changed whose level, from what to what, and why. */
export async function SkillHistory({ history }: { history: SkillsMatrixDTO['history'] }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.history'), getTranslations('common'), getFormatter()])
  return (
    <section aria-labelledby="history-title" className={cardClass}>
      <details>
        <summary className="cursor-pointer">
          <h2 id="history-title" className="inline text-lg font-semibold">
            {t('title')}
          </h2>
          <span className="ml-2 text-sm text-slate-500">{t('count', { count: history.length })}</span>
        </summary>
        {history.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ol className="mt-2 space-y-1 text-sm">
            {history.map((h) => (
              <li key={h.id} className="flex flex-wrap gap-x-2">
                <time dateTime={h.at} className="text-slate-500 tabular-nums">
                  {format.dateTime(new Date(h.at), { dateStyle: 'short', timeStyle: 'short' })}
                </time>
                <span>
                  {t('line', { name: h.person.name, task: common(`tasks.${h.task}`), from: h.from, to: h.to, by: h.by ?? t('someone') })}
                </span>
                {h.note && <span className="text-slate-600">— {h.note}</span>}
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  )
}
