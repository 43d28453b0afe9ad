import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/message-page'

export default async function Forbidden() {
  const t = await getTranslations('common.forbidden')
  return <MessagePage code="403" title={t('title')} body={t('body')} home={t('home')} />
}
