'use client'

import { GraduationCap } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { createTrainingGoalAction } from '@/actions/team'
import type { Task } from '@/domain/permissions'
import { IconButton } from '@/components/ui/button'
import { DialogButtons, Modal, useDialog } from '@/components/ui/dialog'
import { Field, InputField } from '@/components/ui/field'
import { inputClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

export interface GoalCandidate {
  id: string
  name: string
  level: number
  suggested: boolean
}

/** "Plan training": create a training goal for a task, the suggested trainee preselected. */
export function TrainingGoalDialog({ task, candidates, compact }: { task: Task; candidates: GoalCandidate[]; compact?: boolean }) {
  const t = useTranslations('manager.goals')
  const common = useTranslations('common')
  const [done, setDone] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError, reset } = useAction(createTrainingGoalAction)
  const dialog = useDialog(reset)
  const first = candidates[0]
  if (!first) return null

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const userId = String(form.get('userId'))
    const result = await run({
      userId,
      task,
      targetLevel: form.get('targetLevel'),
      dueOn: form.get('dueOn') ?? '',
      note: form.get('note') ?? '',
    })
    if (!result.ok) return
    dialog.close()
    setDone(t('created', { name: candidates.find((c) => c.id === userId)?.name ?? '', task: common(`tasks.${task}`) }))
  }

  return (
    <>
      <Modal
        {...dialog.modal}
        title={t('dialogTitle', { task: common(`tasks.${task}`) })}
        description={t('dialogDescription')}
        trigger={
          <IconButton
            icon={GraduationCap}
            label={t('plan')}
            variant={compact ? 'secondary' : 'primary'}
            data-testid={`plan-training-${task}`}
          />
        }
      >
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <Field label={t('person')} errors={fieldErrors.userId}>
            {(p) => (
              <select {...p} name="userId" defaultValue={first.id} className={inputClass}>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {t('currentLevel', { level: c.level, label: common(`levels.${c.level}`) })}
                    {c.suggested ? ` · ${t('suggested')}` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('target')} errors={fieldErrors.targetLevel}>
            {(p) => (
              <select {...p} name="targetLevel" defaultValue="2" className={inputClass}>
                <option value="2">2 — {common('levels.2')}</option>
                <option value="3">3 — {common('levels.3')}</option>
              </select>
            )}
          </Field>
          <InputField label={t('dueOn')} errors={fieldErrors.dueOn} hint={t('dueOnHint')} type="date" name="dueOn" />
          <Field label={t('note')} errors={fieldErrors.note}>
            {(p) => <textarea {...p} name="note" rows={2} maxLength={500} className={inputClass} placeholder={t('notePlaceholder')} />}
          </Field>
          <DialogButtons error={formError} label={pending ? t('saving') : t('create')} pending={pending} onCancel={dialog.close} />
        </form>
      </Modal>
      {done && (
        <p role="status" className="mt-1 text-xs text-emerald-800">
          {done}
        </p>
      )}
    </>
  )
}
