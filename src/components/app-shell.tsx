import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { areaLinks } from '@/domain/navigation'
import type { Area } from '@/domain/permissions'
import type { Actor } from '@/server/auth/actor'
import { LocaleSwitcher } from './locale-switcher'
import { SignOutButton } from './sign-out-button'
import { SubNav, type SubNavItem } from './sub-nav'

/** The frame of every staff page: the areas this person may use (by skill, not only title), each linked to a page of
 * it they may open, who they are, language, sign-out, and the current area's own sections. */
export async function AppShell({
  actor,
  area,
  sections,
  children,
}: {
  actor: Actor
  area: Area | null
  sections: SubNavItem[]
  children: React.ReactNode
}) {
  const t = await getTranslations('common')
  const account = await getTranslations('account')
  const areas = areaLinks(actor)
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('nav.skipToContent')}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="text-lg font-bold text-brand-700">
            {t('appName')}
          </Link>
          <nav aria-label={t('nav.mainNavigation')} className="flex gap-1">
            {areas.map(({ area: a, href }) => (
              <Link
                key={a}
                href={href}
                aria-current={a === area ? 'page' : undefined}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${a === area ? 'bg-brand-50 text-brand-700' : 'text-slate-600 hover:bg-slate-100'}`}
              >
                {t(`nav.${a}`)}
              </Link>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="text-slate-600" data-testid="signed-in-as">
              <span className="font-medium text-slate-900">{actor.name}</span>
              <span className="hidden sm:inline"> · {t(`roles.${actor.homeRole}`)}</span>
            </span>
            <Link
              href="/account"
              className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
              data-testid="account-link"
            >
              {account('navLink')}
            </Link>
            <LocaleSwitcher />
            <SignOutButton label={t('nav.signOut')} />
          </div>
        </div>
        {sections.length > 0 && <SubNav items={sections} />}
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  )
}
