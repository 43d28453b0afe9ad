import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ZReport } from '@/components/cash/z-report'
import { PrintButton } from '@/components/front/print-controls'
import { PrintSheet, PrintToolbar, printFormat } from '@/components/front/print-sheet'
import { secondaryButtonClass } from '@/components/ui/styles'
import { type IdPageProps, orNotFound, pageId } from '@/app/load'
import { mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { getCashSession, getCashSessionUseCase } from '@/server/cash/get-cash-session'
import { getSettings } from '@/server/settings/get-settings'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cash.report')
  return { title: t('title') }
}

/** A drawer session: its Z report once closed (immutable), its figures so far while open. Prints on 80 mm or A4. */
export default async function CashSessionPage({ params, searchParams }: IdPageProps) {
  const actor = await requireArea('front')
  if (!mayCall(actor, getCashSessionUseCase.tasks)) forbidden()
  const [{ id }, query] = await Promise.all([params, searchParams])
  const z = await orNotFound(getCashSession(actor, pageId(id)))
  const format = printFormat(query.format)
  const [t, settings] = await Promise.all([getTranslations('cash.report'), getSettings()])
  const toolbar = (
    <PrintToolbar
      done={query.closed === '1' && z.closedAt ? { text: t('closedNow'), testId: 'drawer-closed' } : null}
      print={<PrintButton label={t('print')} />}
      formats={{
        label: t('format'),
        current: format,
        href: (f) => `/front/drawer/sessions/${id}?format=${f}`,
        names: { receipt: t('formats.receipt'), a4: t('formats.a4') },
      }}
    >
      <Link href="/front/drawer" className={secondaryButtonClass}>
        {t('back')}
      </Link>
    </PrintToolbar>
  )
  return (
    <PrintSheet id="z-report" sheetClass="z-report" label={t('title')} format={format} toolbar={toolbar}>
      <ZReport z={z} business={{ name: settings.name, address: settings.address }} receipt={format === 'receipt'} />
    </PrintSheet>
  )
}
