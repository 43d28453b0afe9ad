'use client'

import { useTranslations } from 'next-intl'
import { useRouter } from 'next/navigation'
import { applyRosterSuggestionAction } from '@/actions/roster'
import { ConfirmDialog } from '@/components/ui/dialog'
import { buttonClass } from '@/components/ui/styles'

/** "Apply the suggestion": one confirmation, one transaction, then back to the grid of that week. */
export function ApplySuggestion({ weekStart, basis }: { weekStart: string; basis: string }) {
  const t = useTranslations('manager.roster.suggest')
  const router = useRouter()
  return (
    <ConfirmDialog
      action={applyRosterSuggestionAction}
      input={{ weekStart, basis }}
      onDone={() => router.push(`/manager/roster?week=${weekStart}`)}
      title={t('applyTitle')}
      description={t('applyExplain')}
      trigger={
        <button type="button" className={buttonClass}>
          {t('apply')}
        </button>
      }
      confirmLabel={t('apply')}
    />
  )
}
