import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden, notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ZReport } from '@/components/cash/z-report'
import { PrintButton, ReceiptPageSize } from '@/components/front/print-controls'
import { secondaryButtonClass } from '@/components/ui/styles'
import { isDomainError } from '@/domain/errors'
import { mayCall } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { getCashSession, getCashSessionUseCase } from '@/server/cash/get-cash-session'
import { getSettings } from '@/server/settings/get-settings'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cash.report')
  return { title: t('title') }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Printed like the ticket: the app's chrome carries .no-print; receipt 72 mm wide on 80 mm paper as long as the
// report, or an A4 page with margins.
const PRINT_CSS = `
@media print {
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  body { background: #fff !important; }
  .z-report { box-shadow: none !important; border: 0 !important; }
}
`

/** A drawer session: its Z report once closed (immutable), its figures so far while open. Prints on 80 mm or A4. */
export default async function CashSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireArea('front')
  if (!mayCall(actor, getCashSessionUseCase.tasks)) forbidden()
  const [{ id }, query] = await Promise.all([params, searchParams])
  if (!UUID.test(id)) notFound()
  let z
  try {
    z = await getCashSession(actor, id)
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
  const receipt = query.format !== 'a4'
  const [t, settings] = await Promise.all([getTranslations('cash.report'), getSettings()])
  const href = (format: 'receipt' | 'a4') => `/front/drawer/sessions/${id}?format=${format}`
  return (
    <div>
      <style>{PRINT_CSS}</style>
      {receipt ? <ReceiptPageSize targetId="z-report" /> : <style>{`@page { size: A4; margin: 12mm; }`}</style>}
      <div className="no-print mb-4 space-y-3">
        {query.closed === '1' && z.closedAt && (
          <p className="rounded-md bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900" role="status" data-testid="drawer-closed">
            {t('closedNow')}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2">
          <PrintButton label={t('print')} />
          <nav aria-label={t('format')} className="flex rounded-md ring-1 ring-slate-300">
            {(['receipt', 'a4'] as const).map((f) => (
              <Link
                key={f}
                href={href(f)}
                aria-current={(f === 'receipt') === receipt ? 'page' : undefined}
                className={`px-3 py-2 text-sm first:rounded-l-md last:rounded-r-md ${(f === 'receipt') === receipt ? 'bg-slate-900 text-white' : 'bg-white hover:bg-slate-100'}`}
              >
                {t(`formats.${f}`)}
              </Link>
            ))}
          </nav>
          <Link href="/front/drawer" className={secondaryButtonClass}>
            {t('back')}
          </Link>
        </div>
      </div>
      <section
        id="z-report"
        aria-label={t('title')}
        data-format={receipt ? 'receipt' : 'a4'}
        className={`z-report mx-auto bg-white text-black shadow-sm ring-1 ring-slate-200 print:ring-0 ${receipt ? 'w-[72mm] p-[3mm] font-mono text-[11px] leading-snug print:m-[4mm]' : 'max-w-[186mm] p-8 text-sm print:p-0'}`}
      >
        <ZReport z={z} business={{ name: settings.name, address: settings.address }} receipt={receipt} />
      </section>
    </div>
  )
}
