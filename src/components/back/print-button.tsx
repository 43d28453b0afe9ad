'use client'

import { useTranslations } from 'next-intl'

/** Opens the browser's print dialog ("Save as PDF" gives a clean A4 document: the app's frame is not printed). */
export function PrintButton() {
  const t = useTranslations('back.document')
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-800"
    >
      {t('print')}
    </button>
  )
}
