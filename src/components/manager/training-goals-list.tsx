'use client'

import { CircleCheck } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { markTrainingGoalAchievedAction } from '@/actions/team'
import type { TrainingGoalDTO } from '@/server/team/list-training-goals'
import { IconButton } from '@/components/ui/button'
import { ConfirmDialog } from '@/components/ui/dialog'
import { StatusMessage } from '@/components/ui/field'
import { Section } from '@/components/ui/section'

/** Training goals: open ones with "Mark achieved" (which certifies the level), and recently achieved ones. */
export function TrainingGoalsList({ goals }: { goals: TrainingGoalDTO[] }) {
  const t = useTranslations('manager.goals')
  const common = useTranslations('common')
  const format = useFormatter()
  const [status, setStatus] = useState<string | null>(null)
  const open = goals.filter((g) => !g.achievedAt)
  const achieved = goals.filter((g) => g.achievedAt)
  const day = (ymd: string) => format.dateTime(new Date(`${ymd}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })
  return (
    <Section id="goals-title" title={t('title')} data-testid="training-goals">
      <StatusMessage message={status} />
      {open.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {open.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`goal-${g.id}`}>
              <div>
                <p className="font-medium">
                  {t('goalLine', {
                    name: g.person.name,
                    task: common(`tasks.${g.task}`),
                    level: g.targetLevel,
                    label: common(`levels.${g.targetLevel}`),
                  })}
                </p>
                <p className="text-xs text-slate-600">
                  {t('now', { level: g.currentLevel, label: common(`levels.${g.currentLevel}`) })}
                  {g.dueOn && (
                    <span suppressHydrationWarning>
                      {' · '}
                      {t('due', { date: day(g.dueOn) })}
                    </span>
                  )}
                  {g.createdBy && <> · {t('by', { name: g.createdBy })}</>}
                  {g.note && <> · “{g.note}”</>}
                </p>
              </div>
              <AchieveButton goal={g} onDone={setStatus} />
            </li>
          ))}
        </ul>
      )}
      {achieved.length > 0 && (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-700">{t('achievedTitle', { count: achieved.length })}</summary>
          <ul className="mt-1 space-y-1">
            {achieved.map((g) => (
              <li key={g.id} className="flex items-center gap-1.5 text-slate-700">
                <CircleCheck className="size-4 text-emerald-600" aria-hidden />
                <span suppressHydrationWarning>
                  {t('achievedLine', {
                    name: g.person.name,
                    task: common(`tasks.${g.task}`),
                    level: g.targetLevel,
                    date: format.dateTime(new Date(g.achievedAt!), { dateStyle: 'medium' }),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Section>
  )
}

function AchieveButton({ goal, onDone }: { goal: TrainingGoalDTO; onDone: (message: string) => void }) {
  const t = useTranslations('manager.goals')
  const common = useTranslations('common')
  const task = common(`tasks.${goal.task}`)
  return (
    <ConfirmDialog
      action={markTrainingGoalAchievedAction}
      input={{ goalId: goal.id }}
      onDone={() => onDone(t('achievedDone', { name: goal.person.name, task }))}
      title={t('achieveTitle')}
      description={
        goal.currentLevel < goal.targetLevel
          ? t('achieveRaises', { name: goal.person.name, task, level: goal.targetLevel, label: common(`levels.${goal.targetLevel}`) })
          : t('achieveKeeps', { name: goal.person.name, task })
      }
      trigger={<IconButton icon={CircleCheck} label={t('markAchieved')} />}
      confirmLabel={t('confirmAchieved')}
    />
  )
}
