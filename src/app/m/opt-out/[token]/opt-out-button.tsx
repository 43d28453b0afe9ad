'use client'

import { useTranslations } from 'next-intl'
import { useState, useTransition } from 'react'
import { optOutAction } from '@/actions/messages'
import { InlineError, StatusMessage } from '@/components/ui/field'
import { buttonClass } from '@/components/ui/styles'

export function OptOutButton({ token }: { token: string }) {
  const t = useTranslations('track.optOut')
  const [pending, start] = useTransition()
  const [done, setDone] = useState<boolean | null>(null)
  if (done) return <StatusMessage message={t('done')} />
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonClass}
        disabled={pending}
        onClick={() => start(async () => setDone((await optOutAction({ token })).ok))}
      >
        {t('confirm')}
      </button>
      <InlineError message={done === false ? t('failed') : null} />
    </div>
  )
}
