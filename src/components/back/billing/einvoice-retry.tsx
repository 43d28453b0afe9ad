'use client'

import { RotateCw } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { retryEInvoiceAction } from '@/actions/billing'
import { IconButton } from '@/components/ui/button'
import { FormError } from '@/components/ui/field'
import { useAction } from '@/components/ui/use-action'

/** "Try again" on a refused or given-up e-invoice, once its cause is fixed (decision 023). The page follows it live. */
export function EInvoiceRetry({ einvoiceId }: { einvoiceId: string }) {
  const t = useTranslations('back.document.einvoice')
  const action = useAction(retryEInvoiceAction)
  return (
    <div className="no-print mt-2 space-y-1">
      <IconButton
        icon={RotateCw}
        label={action.pending ? t('retrying') : t('retry')}
        disabled={action.pending}
        onClick={() => void action.run({ einvoiceId })}
        data-testid="einvoice-retry"
      />
      <p className="text-xs text-slate-600">{t('retryHint')}</p>
      <FormError message={action.formError} />
    </div>
  )
}
