import { getTranslations } from 'next-intl/server'
import { can, mayCall } from '@/domain/permissions'
import { BillingSection } from '@/components/back/order/billing-section'
import { OrderActions } from '@/components/back/order/order-actions'
import { CancelledBanner, OrderFacts, OrderHeader } from '@/components/back/order/order-header'
import { WorkSection } from '@/components/back/order/work-section'
import { InvoiceDetailsPanel } from '@/components/invoice-details-panel'
import { OrderTimeline } from '@/components/order-timeline'
import { Panel } from '@/components/ui/section'
import { getOrderBilling } from '@/server/billing/get-order-billing'
import { listFulfillers } from '@/server/fulfillment/list-fulfillers'
import { listFulfillmentEvents } from '@/server/fulfillment/list-fulfillment-events'
import { getOrder } from '@/server/orders/get-order'
import { setInvoiceDetailsUseCase } from '@/server/customers/set-invoice-details'
import { loadBackRecord } from '../../load'

export default async function BackOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, record: order } = await loadBackRecord(params, getOrder)
  const id = order.id
  const [billing, events, people, t, common] = await Promise.all([
    getOrderBilling(actor, id),
    listFulfillmentEvents(actor, id),
    listFulfillers(actor),
    getTranslations('back.order'),
    getTranslations('common'),
  ])
  const canFulfil = can(actor, 'FULFILL')
  const blockedReason = !canFulfil ? t('blocked.permission') : order.blocked.FULFILL ? t(`blocked.${order.blocked.FULFILL}`) : null
  return (
    <article aria-labelledby="order-title" className="space-y-4">
      <OrderHeader order={order} />
      <CancelledBanner order={order} />
      <OrderFacts order={order} now={new Date()} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <WorkSection order={order} events={events} blockedReason={blockedReason} />
          <BillingSection order={order} billing={billing} />
          {mayCall(actor, setInvoiceDetailsUseCase.tasks) && (
            <InvoiceDetailsPanel customerId={order.customer.id} details={order.customer.invoiceDetails} />
          )}
          <Panel id="timeline-title" title={common('timeline.title')}>
            <OrderTimeline events={order.timeline} />
          </Panel>
        </div>
        <OrderActions order={order} people={people} meId={actor.id} canFulfil={canFulfil} />
      </div>
    </article>
  )
}
