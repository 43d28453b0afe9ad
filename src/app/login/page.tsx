import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { HOME_AREA } from '@/domain/permissions'
import { currentActor } from '@/server/auth/actor'
import { demoLoginsShown } from '@/server/env'
import { DEMO_LOGINS } from '@/server/seed/demo-logins'
import { noticeClass } from '@/components/ui/styles'
import { LoginForm } from './login-form'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth')
  return { title: t('submit') }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor()
  if (actor) redirect(`/${HOME_AREA[actor.homeRole]}`)
  const t = await getTranslations('auth')
  const common = await getTranslations('common')
  const params = await searchParams
  const next = typeof params.callbackUrl === 'string' ? params.callbackUrl : null
  const ended = params.ended === '1'
  // The demo logins are shown only when the app runs on the demo data (npm run dev sets HANDOFF_DEMO).
  const showDemo = demoLoginsShown()
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-md ring-1 ring-slate-200">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-600">{common('appName')}</p>
        <h1 className="mt-1 text-2xl font-bold">{t('title')}</h1>
        <p className="mb-6 text-sm text-slate-600">{t('subtitle')}</p>
        {ended && (
          <p role="status" className={`mb-4 ${noticeClass}`} data-testid="session-ended">
            {t('sessionEnded')}
          </p>
        )}
        <LoginForm next={next} />
        {showDemo && (
          <div className="mt-6 rounded-md bg-slate-50 p-3 text-xs text-slate-600">
            <p className="font-medium">{t('demoHint')}</p>
            <ul className="mt-1 space-y-0.5 font-mono">
              {DEMO_LOGINS.map((l) => (
                <li key={l.email}>{l.email}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </main>
  )
}
