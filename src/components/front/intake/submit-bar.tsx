'use client'

import { useTranslations } from 'next-intl'
import { Kbd } from '../kbd'

/** Why the last submit was refused, and the button that creates the order (Ctrl+Enter from anywhere). */
export function SubmitBar({ formError, pending }: { formError: string | null; pending: boolean }) {
  const t = useTranslations('front.intake')
  return (
    <>
      {formError && (
        <p
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 md:col-span-2 lg:col-span-1"
          role="alert"
          data-testid="intake-error"
        >
          {formError}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 md:col-span-2 lg:col-span-1"
      >
        {pending ? t('submitting') : t('submit')}
        {!pending && <Kbd keys={['Ctrl', 'Enter']} className="opacity-90" />}
      </button>
    </>
  )
}
