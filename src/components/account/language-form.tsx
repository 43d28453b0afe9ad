'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { setLocaleAction } from '@/actions/account'

/** Choose the interface language; it is stored on the person, so it follows them to any counter. */
export function LanguageForm({ current, followsBrowser }: { current: 'en' | 'vi'; followsBrowser: boolean }) {
  const t = useTranslations('account')
  const [value, setValue] = useState(current)
  const [pending, start] = useTransition()
  return (
    <fieldset disabled={pending}>
      <legend className="sr-only">{t('languageTitle')}</legend>
      <div className="flex flex-wrap gap-3">
        {(['vi', 'en'] as const).map((l) => (
          <label
            key={l}
            className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 ring-1 ${value === l ? 'bg-brand-50 ring-brand-500' : 'ring-slate-300'}`}
          >
            <input
              type="radio"
              name="locale"
              value={l}
              checked={value === l}
              onChange={() => {
                setValue(l)
                start(async () => {
                  await setLocaleAction({ locale: l })
                  window.location.reload()
                })
              }}
            />
            {l === 'vi' ? 'Tiếng Việt' : 'English'}
          </label>
        ))}
      </div>
      {followsBrowser && <p className="mt-2 text-xs text-slate-500">{t('followsBrowser')}</p>}
    </fieldset>
  )
}
