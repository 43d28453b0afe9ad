'use client'

import { useTranslations } from 'next-intl'
import { useState, type FormEvent } from 'react'
import { setIndexTasksAction } from '@/actions/roster'
import { CheckboxGroup } from '@/components/ui/checkbox-group'
import { SubmitRow } from '@/components/ui/field'
import { useAction } from '@/components/ui/use-action'
import { TASKS, type Task } from '@/domain/permissions'

/** Which tasks the cover index counts (persisted in the settings). */
export function IndexTasksForm({ excluded }: { excluded: Task[] }) {
  const t = useTranslations('manager.index')
  const common = useTranslations('common')
  const [left, setLeft] = useState<Task[]>(excluded)
  const [status, setStatus] = useState<string | null>(null)
  const { run, pending, formError } = useAction(setIndexTasksAction)
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    setStatus(null)
    const result = await run({ excluded: left })
    if (result.ok) setStatus(t('tasksSaved'))
  }
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer font-semibold">{t('tasksTitle')}</summary>
      <form onSubmit={onSubmit} className="mt-2 space-y-2">
        <p className="text-xs text-slate-600">{t('tasksExplain')}</p>
        <CheckboxGroup
          legend={t('tasksTitle')}
          className="grid grid-cols-2 gap-1"
          options={TASKS.map((task) => ({ value: task, label: common(`tasks.${task}`) }))}
          checked={(task) => !left.includes(task)}
          onToggle={(task, on) => setLeft((l) => (on ? l.filter((x) => x !== task) : [...l, task]))}
        />
        <SubmitRow label={t('tasksSave')} pending={pending} error={formError} status={status} secondary />
      </form>
    </details>
  )
}
