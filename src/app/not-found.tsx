import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/message-page'

export default async function NotFound() {
  const t = await getTranslations('common.notFound')
  return <MessagePage code="404" title={t('title')} body={t('body')} home={t('home')} />
}
