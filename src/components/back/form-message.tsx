'use client'

import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'

/** The form-level outcome: an error (with "reload" when someone else changed the record) or a success note. */
export function FormMessage({
  error,
  stale,
  success,
  onReload,
}: {
  error: string | null
  stale?: boolean
  success?: string | null
  onReload?: () => void
}) {
  const t = useTranslations('back.form')
  const router = useRouter()
  if (error === null && !success) return null
  if (error === null) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200">
        <span aria-hidden="true">✓ </span>
        {success}
      </p>
    )
  }
  return (
    <div role="alert" className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 ring-1 ring-red-200">
      <span>
        <span className="font-semibold">{stale ? t('staleTitle') : t('errorTitle')}</span> {error || t('unexpected')}
      </span>
      {stale && (
        <button
          type="button"
          onClick={() => (onReload ? onReload() : router.refresh())}
          className="ml-auto rounded-md bg-white px-2 py-1 text-sm font-medium text-red-900 ring-1 ring-red-300 hover:bg-red-100"
        >
          {t('reload')}
        </button>
      )}
    </div>
  )
}
