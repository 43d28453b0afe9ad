import { getTranslations } from 'next-intl/server'
import { MessagesTable } from '@/components/manager/messages-table'
import { PageHeader } from '@/components/ui/page-header'
import { requirePageTask } from '@/server/auth/guard'
import { listMessages } from '@/server/messages/list-messages'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.messages')

export default async function MessagesPage() {
  const messages = await listMessages(await requirePageTask('MANAGE_TEAM'))
  const t = await getTranslations('manager.messages')
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <MessagesTable messages={messages} />
    </div>
  )
}
