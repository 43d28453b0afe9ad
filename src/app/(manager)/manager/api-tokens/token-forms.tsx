'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { createApiTokenAction, revokeApiTokenAction } from '@/actions/api-tokens'

export function CreateTokenForm({ staff }: { staff: Array<{ id: string; name: string }> }) {
  const t = useTranslations('api.tokens')
  const [pending, start] = useTransition()
  const [secret, setSecret] = useState<string | null>(null)
  const [errors, setErrors] = useState<{ form?: string; fields: Record<string, string[]> }>({ fields: {} })

  return (
    <form
      className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200"
      onSubmit={(e) => {
        e.preventDefault()
        const data = new FormData(e.currentTarget)
        start(async () => {
          const result = await createApiTokenAction({ userId: String(data.get('userId') ?? ''), name: String(data.get('name') ?? '') })
          if (result.ok) {
            setSecret(result.data.token)
            setErrors({ fields: {} })
          } else setErrors({ form: result.formError, fields: result.fieldErrors })
        })
      }}
    >
      <h2 className="text-lg font-semibold">{t('createTitle')}</h2>
      <div className="flex flex-wrap gap-3">
        <label className="flex flex-col text-sm">
          {t('owner')}
          <select
            name="userId"
            required
            className="mt-1 rounded-md border border-slate-300 px-2 py-1.5"
            aria-invalid={!!errors.fields.userId}
          >
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          {t('name')}
          <input
            name="name"
            required
            maxLength={100}
            placeholder={t('namePlaceholder')}
            className="mt-1 rounded-md border border-slate-300 px-2 py-1.5"
            aria-invalid={!!errors.fields.name}
            aria-describedby="token-name-error"
          />
          {errors.fields.name && (
            <span id="token-name-error" className="text-red-700">
              {errors.fields.name[0]}
            </span>
          )}
        </label>
        <button
          type="submit"
          disabled={pending}
          className="self-end rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {t('create')}
        </button>
      </div>
      {errors.form && (
        <p role="alert" className="text-sm text-red-700">
          {errors.form}
        </p>
      )}
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
