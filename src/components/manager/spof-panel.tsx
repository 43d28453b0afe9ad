import { TriangleAlert } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { qualified, type HomeRole, type Task } from '@/domain/permissions'
import type { CoverOverviewDTO } from '@/server/coverage/get-cover-overview'
import type { SkillsMatrixDTO } from '@/server/team/get-skills-matrix'
import { TrainingGoalDialog, type GoalCandidate } from './training-goal-dialog'
import { CoverBadge } from './visuals'
import { cardClass } from '@/components/ui/styles'

function goalCandidates(task: Task, suggested: Array<{ id: string }>, staff: SkillsMatrixDTO['staff']): GoalCandidate[] {
  const levels = new Map(staff.map((s) => [s.id, s.cells[task].level]))
  const notQualified = staff.filter((s) => !qualified({ homeRole: s.homeRole as HomeRole, skills: { [task]: s.cells[task].level } }, task))
  const suggestedIds = new Set(suggested.map((s) => s.id))
  const first = suggested.flatMap((s) =>
    levels.has(s.id) ? [{ id: s.id, name: staff.find((x) => x.id === s.id)!.name, level: levels.get(s.id)!, suggested: true }] : [],
  )
  const rest = notQualified
    .filter((s) => !suggestedIds.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, level: s.cells[task].level, suggested: false }))
  return [...first, ...rest]
}

/** Tasks only one person (or nobody) can do, with whom to train next and the training already planned. */
export async function SpofPanel({ data, staff }: { data: CoverOverviewDTO; staff: SkillsMatrixDTO['staff'] }) {
  const [t, common, format] = await Promise.all([getTranslations('manager.spof'), getTranslations('common'), getFormatter()])
  return (
    <section aria-labelledby="spof-title" className={cardClass} data-testid="spof">
      <h2 id="spof-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t('explain')}</p>
      {data.spof.length === 0 ? (
        <p className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{t('none')}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {data.spof.map((s) => {
            const best = s.candidates[0]
            return (
              <li key={s.task} className="rounded-lg border border-slate-200 p-3" data-testid={`spof-${s.task}`}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{common(`tasks.${s.task}`)}</span>
                  <CoverBadge
                    tone={s.kind === 'none' ? 'none' : 'single'}
                    label={s.kind === 'none' ? t('nobodyQualified') : t('onlyOne')}
                  />
                </div>
                {s.onlyPerson && (
                  <p className="mt-1 text-sm text-slate-700">
                    {t('onlyPerson', { name: s.onlyPerson.name })}
                    {s.onlyPerson.awayNow && (
                      <span className="ml-2 inline-flex items-center gap-1 rounded bg-red-100 px-1.5 text-xs font-medium text-red-800">
                        <TriangleAlert className="size-3" aria-hidden />
                        {t('awayNow')}
                      </span>
                    )}
                  </p>
                )}
                {best ? (
                  <p className="mt-1 text-sm" data-testid={`suggested-trainee-${s.task}`}>
                    <span className="text-slate-600">{t('suggest')} </span>
                    <span className="font-semibold">{best.name}</span>
                    <span className="text-slate-600">
                      {' '}
                      — {t('why', { level: best.level, label: common(`levels.${best.level}`), related: best.closeness })}
                    </span>
                  </p>
                ) : (
                  <p className="mt-1 text-sm text-slate-600">{t('noCandidate')}</p>
                )}
                {s.candidates.length > 1 && (
                  <p className="text-xs text-slate-500">
                    {t('alsoConsider', {
                      names: s.candidates
                        .slice(1)
                        .map((c) => c.name)
                        .join(', '),
                    })}
                  </p>
                )}
                {s.goals.length > 0 && (
                  <ul className="mt-1 text-xs text-slate-700">
                    {s.goals.map((g) => (
                      <li key={g.id}>
                        {t('planned', {
                          name: g.person.name,
                          level: g.targetLevel,
                          due: g.dueOn
                            ? format.dateTime(new Date(`${g.dueOn}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })
                            : t('noDue'),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="mt-2">
                  <TrainingGoalDialog task={s.task} candidates={goalCandidates(s.task, s.candidates, staff)} compact />
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
