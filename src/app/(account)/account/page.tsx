import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { LanguageForm } from '@/components/account/language-form'
import { LunchPanel } from '@/components/account/lunch-panel'
import { ReassignForm } from '@/components/manager/reassign-form'
import { cardClass } from '@/components/ui/styles'
import { listOwnAbsences } from '@/server/absences/list-own-absences'
import { absencePresets } from '@/server/absences/presets'
import { requirePageActor } from '@/server/auth/guard'
import { loadBusinessClock } from '@/server/coverage/snapshot'
import { getOwnReassignment } from '@/server/team/get-own-reassignment'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account')
  return { title: t('title') }
}

export default async function AccountPage() {
  const actor = await requirePageActor()
  const now = new Date()
  const [absences, reassignment, clock, locale, t, common] = await Promise.all([
    listOwnAbsences(actor, now),
    getOwnReassignment(actor, now),
    loadBusinessClock(),
    getLocale(),
    getTranslations('account'),
    getTranslations('common'),
  ])
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="text-sm text-slate-600">
          {actor.name} · {actor.email} · {common(`roles.${actor.homeRole}`)}
        </p>
      </header>
      <LunchPanel absences={absences} presets={absencePresets(now, clock.timeZone, clock.hours)} />
      <section aria-labelledby="reassign-title" className={cardClass}>
        <h2 id="reassign-title" className="text-lg font-semibold">
          {t('reassignTitle')}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t('reassignExplain')}</p>
        <ReassignForm mode="own" data={reassignment} />
      </section>
      <section aria-labelledby="language-title" className={cardClass}>
        <h2 id="language-title" className="text-lg font-semibold">
          {t('languageTitle')}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t('languageExplain')}</p>
        <LanguageForm current={actor.locale ?? (locale === 'en' ? 'en' : 'vi')} followsBrowser={actor.locale === null} />
      </section>
    </div>
  )
}
