'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { createApiTokenAction, revokeApiTokenAction } from '@/actions/api-tokens'
import { FormError, InputField, SelectField } from '@/components/ui/field'
import { submitFields } from '@/components/ui/form-submit'
import { buttonClass, panelClass } from '@/components/ui/styles'
import { useAction } from '@/components/ui/use-action'

export function CreateTokenForm({ staff }: { staff: Array<{ id: string; name: string }> }) {
  const t = useTranslations('api.tokens')
  const [secret, setSecret] = useState<string | null>(null)
  const { run, pending, fieldErrors, formError } = useAction(createApiTokenAction, { refresh: false })

  return (
    <form className={`space-y-3 ${panelClass}`} onSubmit={submitFields(['userId', 'name'], run, (created) => setSecret(created.token))}>
      <h2 className="text-lg font-semibold">{t('createTitle')}</h2>
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <SelectField
          label={t('owner')}
          errors={fieldErrors.userId}
          name="userId"
          required
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
        />
        <InputField label={t('name')} errors={fieldErrors.name} name="name" required maxLength={100} placeholder={t('namePlaceholder')} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {t('create')}
        </button>
      </div>
      <FormError message={formError} />
      {secret && (
        <div className="rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-300" data-testid="new-token">
          <p className="font-semibold">{t('shownOnce')}</p>
          <code className="mt-1 block break-all font-mono">{secret}</code>
        </div>
      )}
    </form>
  )
}

export function RevokeButton({ tokenId, label }: { tokenId: string; label: string }) {
  const [pending, start] = useTransition()
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => void (await revokeApiTokenAction({ tokenId })))}
      className="rounded-md border border-red-300 px-2 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
    >
      {label}
    </button>
  )
}
