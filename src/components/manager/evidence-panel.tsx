import { TriangleAlert } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { TASKS } from '@/domain/permissions'
import type { PracticeEvidenceDTO } from '@/server/coverage/get-practice-evidence'
import { cardClass } from '@/components/ui/styles'
import { TableHead } from '@/components/ui/table'

/** Evidence from practice: how often and how recently each person actually did each task, with the warnings first. */
export async function EvidencePanel({ data }: { data: PracticeEvidenceDTO }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.evidence'), getTranslations('common'), getFormatter()])
  const now = new Date()
  const tasks = TASKS.filter((task) => data.people.some((p) => p.tasks[task]))
  return (
    <section aria-labelledby="evidence-title" className={cardClass} data-testid="evidence">
      <h2 id="evidence-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('explain', { days: data.days })}</p>
      {data.warnings.length > 0 && (
        <ul className="mt-3 space-y-1.5" aria-label={t('warningsTitle')}>
          {data.warnings.map((w) => (
            <li
              key={w.task}
              className="flex gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-inset ring-amber-300"
              data-testid={`practice-warning-${w.task}`}
            >
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              <span>
                {w.daysSince === null
                  ? t('warningNever', { name: w.backup.name, task: common(`tasks.${w.task}`) })
                  : t('warningStale', {
                      name: w.backup.name,
                      task: common(`tasks.${w.task}`),
                      days: w.daysSince,
                      staleDays: data.staleDays,
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {tasks.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[560px] text-sm">
            <caption className="sr-only">{t('caption', { days: data.days })}</caption>
            <TableHead
              rowClassName="text-left text-xs text-slate-600"
              cellClassName="px-1 py-1 text-center font-medium"
              columns={[
                { label: t('person'), className: 'py-1 pr-2 font-semibold' },
                ...tasks.map((task) => ({ label: common(`tasks.${task}`) })),
              ]}
            />
            <tbody>
              {data.people.map((p) => (
                <tr key={p.person.id} className="border-t border-slate-100">
                  <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                    {p.person.name}
                  </th>
                  {tasks.map((task) => {
                    const e = p.tasks[task]
                    return (
                      <td key={task} className="px-1 py-1.5 text-center" data-testid={`evidence-${p.person.id}-${task}`}>
                        {e ? (
                          <>
                            <span className="block font-semibold tabular-nums">{t('times', { count: e.count })}</span>
                            <span className="block text-xs text-slate-500">{format.relativeTime(new Date(e.lastAt), now)}</span>
                          </>
                        ) : (
                          <span className="text-slate-400" aria-label={t('none')}>
                            –
                          </span>
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
