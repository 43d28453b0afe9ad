'use client'

import { CircleCheck } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useState } from 'react'
import { markTrainingGoalAchievedAction } from '@/app/(manager)/manager/actions'
import type { TrainingGoalDTO } from '@/server/team/list-training-goals'
import { FormError, StatusMessage, buttonClass, secondaryButtonClass } from './form-bits'
import { Modal } from './modal'
import { useAction } from './use-action'
import { cardClass } from './styles'

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
    <section aria-labelledby="goals-title" className={cardClass} data-testid="training-goals">
      <h2 id="goals-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <StatusMessage message={status} />
      {open.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t('empty')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {open.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`goal-${g.id}`}>
              <div>
                <p className="font-medium">
                  {t('goalLine', { name: g.person.name, task: common(`tasks.${g.task}`), level: g.targetLevel, label: common(`levels.${g.targetLevel}`) })}
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
                <span suppressHydrationWarning>{t('achievedLine', { name: g.person.name, task: common(`tasks.${g.task}`), level: g.targetLevel, date: format.dateTime(new Date(g.achievedAt!), { dateStyle: 'medium' }) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}

function AchieveButton({ goal, onDone }: { goal: TrainingGoalDTO; onDone: (message: string) => void }) {
  const t = useTranslations('manager.goals')
  const common = useTranslations('common')
  const [open, setOpen] = useState(false)
  const { run, pending, formError, reset } = useAction(markTrainingGoalAchievedAction)
  const task = common(`tasks.${goal.task}`)
  return (
    <Modal
      open={open}
      onOpenChange={(o) => {
        setOpen(o)
        if (o) reset()
      }}
      title={t('achieveTitle')}
      description={
        goal.currentLevel < goal.targetLevel
          ? t('achieveRaises', { name: goal.person.name, task, level: goal.targetLevel, label: common(`levels.${goal.targetLevel}`) })
          : t('achieveKeeps', { name: goal.person.name, task })
      }
      trigger={
        <button type="button" className={secondaryButtonClass}>
          <CircleCheck className="size-4" aria-hidden />
          {t('markAchieved')}
        </button>
      }
    >
      <FormError message={formError} />
      <div className="mt-3 flex justify-end gap-2">
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(false)}>
          {common('actions.cancel')}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={pending}
          onClick={async () => {
            const result = await run({ goalId: goal.id })
            if (result.ok) {
              setOpen(false)
              onDone(t('achievedDone', { name: goal.person.name, task }))
            }
          }}
        >
          {t('confirmAchieved')}
        </button>
      </div>
    </Modal>
  )
}
