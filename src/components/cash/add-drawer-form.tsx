'use client'

import { useTranslations } from 'next-intl'
import { useState } from 'react'
import { createCashDrawerAction } from '@/actions/cash'
import { FormError, InputField, StatusMessage } from '@/components/ui/field'
import { buttonClass } from '@/components/ui/styles'
import { useSaidAction } from './use-said-action'

/** The manager adds a drawer (a counter with its own till). */
export function AddDrawerForm() {
  const t = useTranslations('cash.manager')
  const [name, setName] = useState('')
  const { submit, pending, fieldErrors, formError, done } = useSaidAction(createCashDrawerAction)
  return (
    <form
      onSubmit={(e) =>
        void submit(
          e,
          { name },
          () => t('added', { name: name.trim() }),
          () => setName(''),
        )
      }
      noValidate
      className="mt-3 flex flex-wrap items-end gap-2"
    >
      <InputField label={t('newDrawer')} errors={fieldErrors.name} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {t('addDrawer')}
      </button>
      <FormError message={formError} />
      <StatusMessage message={done} />
    </form>
  )
}
