import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { customerOfOptOutToken } from '@/server/messages/links'
import { OptOutButton } from './opt-out-button'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('track.optOut')
  return { title: t('title'), robots: { index: false } }
}

/** The page behind the opt-out link in every message: one button, and the customer gets no more messages from then
 * on (a link scanner opening the page changes nothing). */
export default async function OptOutPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const t = await getTranslations('track.optOut')
  const valid = customerOfOptOutToken(decodeURIComponent(token)) !== null
  return (
    <main className="mx-auto max-w-md space-y-4 p-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {valid ? (
        <>
          <p className="text-slate-700">{t('explain')}</p>
          <OptOutButton token={decodeURIComponent(token)} />
        </>
      ) : (
        <p className="text-slate-700">{t('invalid')}</p>
      )}
    </main>
  )
}
