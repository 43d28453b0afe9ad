import { getTranslations } from 'next-intl/server'
import { AssignForm, CancelDialog, HoldForm } from '@/components/back/order-controls'
import { Panel } from '@/components/ui/section'
import type { FulfillerDTO } from '@/server/fulfillment/list-fulfillers'
import type { OrderDetailDTO } from '@/server/orders/get-order'

/** Beside the order: who works on it, holding it and cancelling it (each shown only when it may be done). */
export async function OrderActions({
  order,
  people,
  meId,
  canFulfil,
}: {
  order: OrderDetailDTO
  people: FulfillerDTO[]
  meId: string
  canFulfil: boolean
}) {
  const t = await getTranslations('back.order')
  const cancelled = order.status === 'CANCELLED'
  return (
    <aside className="space-y-4" aria-label={t('actions')}>
      <Panel id="assign-title" title={t('assignment')}>
        <AssignForm
          orderId={order.id}
          version={order.version}
          assignee={order.assignee}
          people={people.map((p) => ({ id: p.id, name: p.name }))}
          meId={meId}
          disabled={!canFulfil || cancelled}
        />
      </Panel>
      {(order.blocked.HOLD === null || order.blocked.RELEASE === null) && canFulfil && (
        <Panel id="hold-title" title={t('holdTitle')}>
          <HoldForm orderId={order.id} version={order.version} holdReason={order.holdReason} disabled={!canFulfil} />
        </Panel>
      )}
      {order.blocked.CANCEL === null && canFulfil && (
        <Panel id="cancel-title" title={t('cancelTitle')}>
          <p className="mb-3 text-sm text-slate-600">{t('cancelHint')}</p>
          <CancelDialog order={order} disabled={!canFulfil} />
        </Panel>
      )}
    </aside>
  )
}
