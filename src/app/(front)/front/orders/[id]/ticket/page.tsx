import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { PrintSheet, printFormat } from '@/components/front/print-sheet'
import { TicketFacts, TicketHeader, TicketLines, TicketNotes, TicketTotals, TicketTracking } from '@/components/front/ticket/ticket-parts'
import { TicketToolbar } from '@/components/front/ticket/ticket-toolbar'
import { type IdPageProps, orNotFound } from '@/app/load'
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

export default async function TicketPage({ params, searchParams }: IdPageProps) {
  const actor = await requireArea('front')
  const [{ id }, query] = await Promise.all([params, searchParams])
  const ticket = await orNotFound(getTicket(actor, id))
  const format = printFormat(query.format)
  const justCreated = query.new === '1'
  const [t, url] = await Promise.all([getTranslations('front.ticket'), trackingUrl(ticket.trackingToken)])
  const [qr, transfer, tq] = await Promise.all([trackingQrSvg(url), ticketTransferQr(ticket), getTranslations('common.transferQr')])
  const receipt = format === 'receipt'

  return (
    <PrintSheet
      id="ticket"
      sheetClass="ticket"
      label={t('title')}
      format={format}
      toolbar={<TicketToolbar ticket={ticket} format={format} justCreated={justCreated} canTakeOrder={can(actor, 'TAKE_ORDER')} />}
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
    </PrintSheet>
  )
}
