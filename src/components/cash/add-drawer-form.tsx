'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { createCashDrawerAction } from '@/actions/cash'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { buttonClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

/** The manager adds a drawer (a counter with its own till). */
export function AddDrawerForm() {
  const t = useTranslations('cash.manager')
  const [name, setName] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(createCashDrawerAction)
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setDone(null)
    const result = await run({ name })
    if (!result.ok) return
    setDone(t('added', { name: name.trim() }))
    setName('')
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-wrap items-end gap-2">
      <InputField label={t('newDrawer')} errors={fieldErrors.name} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('addDrawer')}
      </button>
      <FormError message={formError} />
      <StatusMessage message={done} />
    </form>
  )
}
