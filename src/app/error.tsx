'use client'

import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'

// Shown for unexpected errors. Next replaces the message of server errors by a digest in production, so nothing
// from the server (stack, SQL) reaches the page; the digest lets us find the log line.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('common.error')
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-md rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-slate-600">{t('body')}</p>
        {error.digest && <p className="mt-2 font-mono text-xs text-slate-500">{t('reference', { ref: error.digest })}</p>}
        <div className="mt-6">
          <Button look="primary" onClick={reset}>
            {t('retry')}
          </Button>
        </div>
      </div>
    </main>
  )
}
