import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { ReceiptPageSize } from '@/components/front/print-controls'
import { TicketFacts, TicketHeader, TicketLines, TicketNotes, TicketTotals, TicketTracking } from '@/components/front/ticket/ticket-parts'
import { TicketToolbar, type TicketFormat } from '@/components/front/ticket/ticket-toolbar'
import { isDomainError } from '@/domain/errors'
import { can } from '@/domain/permissions'
import { requireArea } from '@/server/auth/guard'
import { getTicket } from '@/server/orders/get-ticket'
import { TransferQr } from '@/components/transfer-qr'
import { ticketTransferQr } from '@/server/billing/transfer-qr'
import { trackingQrSvg } from '@/server/tracking/tracking-qr'
import { trackingUrl } from '@/server/tracking/tracking-url'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.ticket')
  return { title: t('title') }
}

// Print rules: the app's chrome carries .no-print; the main area loses its padding so the ticket starts at the paper's
// edge. Receipt: 72 mm of printable width on 80 mm paper, page as long as the ticket (ReceiptPageSize). A4: a normal
// page with margins, the ticket as a wider two-column sheet.
const PRINT_CSS = `
@media print {
  #main { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  body { background: #fff !important; }
  .ticket { box-shadow: none !important; border: 0 !important; }
}
`

export default async function TicketPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const actor = await requireArea('front')
  const [{ id }, query] = await Promise.all([params, searchParams])
  let ticket
  try {
    ticket = await getTicket(actor, id)
  } catch (error) {
    if (isDomainError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
  const format: TicketFormat = query.format === 'a4' ? 'a4' : 'receipt'
  const justCreated = query.new === '1'
  const [t, url] = await Promise.all([getTranslations('front.ticket'), trackingUrl(ticket.trackingToken)])
  const [qr, transfer, tq] = await Promise.all([trackingQrSvg(url), ticketTransferQr(ticket), getTranslations('common.transferQr')])
  const receipt = format === 'receipt'

  return (
    <div>
      <style>{PRINT_CSS}</style>
      {receipt ? <ReceiptPageSize targetId="ticket" /> : <style>{`@page { size: A4; margin: 12mm; }`}</style>}

      <TicketToolbar ticket={ticket} format={format} justCreated={justCreated} canTakeOrder={can(actor, 'TAKE_ORDER')} />

      <section
        id="ticket"
        aria-label={t('title')}
        data-format={format}
        className={`ticket mx-auto bg-white text-black shadow-sm ring-1 ring-slate-200 print:ring-0 ${receipt ? 'w-[72mm] p-[3mm] font-mono text-[11px] leading-snug print:m-[4mm]' : 'max-w-[186mm] p-8 text-sm print:p-0'}`}
      >
        <TicketHeader ticket={ticket} receipt={receipt} />
        <TicketFacts ticket={ticket} receipt={receipt} />
        <TicketLines ticket={ticket} receipt={receipt} />
        <TicketTotals ticket={ticket} receipt={receipt} />
        <TicketNotes ticket={ticket} receipt={receipt} />
        {transfer && (
          <div className={receipt ? 'mt-2 border-t border-dashed border-black pt-2' : 'mt-6 border-t border-slate-300 pt-6'}>
            <TransferQr
              qr={transfer.qr}
              size={receipt ? 'receipt' : 'page'}
              note={transfer.depositPercent === null ? undefined : tq('deposit', { percent: transfer.depositPercent })}
            />
          </div>
        )}
        <TicketTracking url={url} qr={qr} receipt={receipt} />
      </section>
    </div>
  )
}
