'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useTransition } from 'react'
import { setLocaleAction } from '@/actions/account'

export function LocaleSwitcher() {
  const t = useTranslations('common.nav')
  const locale = useLocale()
  const [pending, start] = useTransition()
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const value = e.target.value
          start(async () => {
            await setLocaleAction({ locale: value })
            window.location.reload()
          })
        }}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        <option value="vi">Tiếng Việt</option>
        <option value="en">English</option>
      </select>
    </label>
  )
}
