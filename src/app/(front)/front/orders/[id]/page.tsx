import type { Metadata } from 'next'
import { cache } from 'react'
import { getTranslations } from 'next-intl/server'
import { CustomerMessagesPanel } from '@/components/front/order/customer-messages-panel'
import { OrderFacts, OrderHeader } from '@/components/front/order/order-facts'
import { OrderLines } from '@/components/front/order/order-lines'
import { OrderPayments } from '@/components/front/order/order-payments'
import { PickupPanel, type PickupFacts } from '@/components/front/pickup-panel'
import { Money } from '@/components/money'
import { InvoiceDetailsPanel } from '@/components/invoice-details-panel'
import { OrderTimeline } from '@/components/order-timeline'
import { LiveUpdates } from '@/components/ui/live-updates'
import { Panel } from '@/components/ui/section'
import { orderMemo } from '@/domain/bank-transfer'
import { orNotFound, pageId } from '@/app/load'
import { leftToPay } from '@/domain/intake'
import { can, mayCall } from '@/domain/permissions'
import { issueInvoiceUseCase } from '@/server/billing/issue-invoice'
import { recordPaymentUseCase } from '@/server/billing/record-payment'
import { transferQr } from '@/server/billing/transfer-qr'
import { setInvoiceDetailsUseCase } from '@/server/customers/set-invoice-details'
import { setMessagePreferencesUseCase } from '@/server/messages/set-message-preferences'
import { handOverOrderUseCase } from '@/server/orders/hand-over-order'
import { requireArea } from '@/server/auth/guard'
import { listOpenDrawers } from '@/server/cash/list-open-drawers'
import { getOrder, type OrderDetailDTO } from '@/server/orders/get-order'

// Metadata and page ask for the same order: once per request.
const load = cache(async (id: string): Promise<{ order: OrderDetailDTO; actor: Awaited<ReturnType<typeof requireArea>> }> => {
  const actor = await requireArea('front')
  return { order: await orNotFound(getOrder(actor, pageId(id))), actor }
})

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params
  const t = await getTranslations('front.order')
  try {
    const { order } = await load(id)
    return { title: t('metaTitle', { number: order.number }) }
  } catch {
    return {}
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const { order, actor } = await load(id)
  const [tp, common] = await Promise.all([getTranslations('front.pickup'), getTranslations('common')])
  const cancelled = order.status === 'CANCELLED'
  const left = leftToPay({ total: order.total, invoicedNet: order.invoicedNet, paidNet: order.paidNet, cancelled })
  const handOverBlocked = order.blocked.HAND_OVER
    ? tp(`blocked.${order.blocked.HAND_OVER}`, { reason: order.holdReason ?? '', status: common(`status.${order.status}`) })
    : null
  const facts: PickupFacts = {
    orderId: order.id,
    version: order.version,
    currency: order.currency,
    mode: order.mode,
    status: order.status,
    handedOver: order.handover !== 'WAITING',
    closed: order.closedAt !== null,
    total: order.total,
    deposit: order.deposit,
    otherPaid: order.paidNet - order.deposit,
    leftToPay: left,
    uninvoiced: order.toInvoice,
    invoices: order.invoices.map((i) => ({ id: i.id, number: i.number, total: i.total })),
    canInvoice: mayCall(actor, issueInvoiceUseCase.tasks),
    canHandOver: mayCall(actor, handOverOrderUseCase.tasks),
    handOverBlocked,
    transferQr: cancelled ? null : await transferQr(left, orderMemo(order.number)),
  }
  const mayTakePayment = mayCall(actor, recordPaymentUseCase.tasks)
  const drawers = mayTakePayment ? await listOpenDrawers(actor) : null

  return (
    <article aria-labelledby="order-title" className="space-y-6">
      <OrderHeader order={order} canTakeOrder={can(actor, 'TAKE_ORDER')} />
      <LiveUpdates mode="follow" orderId={order.id} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <OrderFacts order={order} />
          <OrderLines order={order} />
          <Panel id="timeline-title" title={common('timeline.title')}>
            <OrderTimeline events={order.timeline} />
          </Panel>
        </div>

        <div className="space-y-4">
          {mayTakePayment ? (
            <PickupPanel facts={facts} drawers={drawers} />
          ) : (
            <section className="rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200">
              <p className="text-slate-600">{tp('leftToPay')}</p>
              <p className="text-lg font-bold">
                <Money amount={left} currency={order.currency} />
              </p>
              <p className="mt-2 text-slate-600">{tp('noPickupSkill')}</p>
            </section>
          )}
          <OrderPayments order={order} />
          {mayCall(actor, setInvoiceDetailsUseCase.tasks) && (
            <InvoiceDetailsPanel customerId={order.customer.id} details={order.customer.invoiceDetails} />
          )}
          {mayCall(actor, setMessagePreferencesUseCase.tasks) && <CustomerMessagesPanel customer={order.customer} />}
        </div>
      </div>
    </article>
  )
}
