import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { UnmatchedTransfers } from '@/components/back/unmatched-transfers'
import { LiveUpdates } from '@/components/ui/live-updates'
import { PageHeader } from '@/components/ui/page-header'
import { requirePageTask } from '@/server/auth/guard'
import { listUnmatchedTransfers } from '@/server/transfers/list-unmatched-transfers'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('back.transfers')
  return { title: t('title') }
}

export default async function TransfersPage() {
  const actor = await requirePageTask('RECORD_PAYMENT')
  const [transfers, t] = await Promise.all([listUnmatchedTransfers(actor, { limit: 200 }), getTranslations('back.transfers')])
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t('title')} subtitle={t('subtitle')} />
        <LiveUpdates mode="refresh" transfers />
      </div>
      <UnmatchedTransfers transfers={transfers} />
    </div>
  )
}
