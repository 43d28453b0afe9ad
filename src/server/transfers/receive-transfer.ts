import 'server-only'
import { depositAsk, findReference, judgeTransfer, type UnmatchedReason } from '@/domain/bank-transfer'
import { isDomainError } from '@/domain/errors'
import { leftToPay } from '@/domain/intake'
import type { Prisma } from '@/generated/prisma/client'
import { audit } from '../audit'
import { loadLedger, openOf } from '../billing/ledger'
import { recordPayment } from '../billing/record-payment'
import { BILLING_TX } from '../billing/tx-options'
import { db, type Tx } from '../db'
import { lockOrder } from '../orders/order-state'
import { getBankSettings, type BankSettingsDTO } from '../settings/get-bank-settings'
import { getSettings, type SettingsDTO } from '../settings/get-settings'
import { BANK_ACTOR } from './bank-actor'
import type { TransferNotification } from './provider'

export interface ReceiveTransferResult {
  /** The notification was already stored (a retry): nothing was changed. */
  duplicate: boolean
  status: 'MATCHED' | 'UNMATCHED' | 'OUTGOING' | null
  reason: UnmatchedReason | null
  orderId: string | null
  paymentId: string | null
}

type Target = { orderId: string; invoiceId?: string } | { reason: UnmatchedReason }
type Shop = { settings: SettingsDTO; bank: BankSettingsDTO }

/** The order (and invoice) the transfer's text names; or why there is none. */
async function findTarget(tx: Tx, content: string, { settings }: Shop): Promise<Target> {
  const ref = findReference(content, { order: settings.orderPrefix, invoice: settings.invoicePrefix })
  if (!ref) return { reason: 'NO_MEMO' }
  if (ref.kind === 'ORDER') {
    if (ref.number > 2_147_483_647) return { reason: 'UNKNOWN_ORDER' }
    const order = await tx.order.findUnique({ where: { number: ref.number }, select: { id: true } })
    return order ? { orderId: order.id } : { reason: 'UNKNOWN_ORDER' }
  }
  if (ref.seq > 2_147_483_647) return { reason: 'UNKNOWN_ORDER' }
  const invoice = await tx.invoice.findUnique({
    where: { year_seq: { year: ref.year, seq: ref.seq } },
    select: { id: true, orderId: true },
  })
  return invoice ? { orderId: invoice.orderId, invoiceId: invoice.id } : { reason: 'UNKNOWN_ORDER' }
}

/** Whether `amount` is what one of our QR codes asked for the target, under the order's lock. */
async function judge(tx: Tx, target: { orderId: string; invoiceId?: string }, amount: number, { bank }: Shop) {
  await lockOrder(tx, target.orderId, null)
  const ledger = await loadLedger(tx, target.orderId)
  const { orderTotal, invoicedNet, held, cancelled } = ledger.money
  if (target.invoiceId !== undefined) {
    const open = openOf(ledger, target.invoiceId)
    return judgeTransfer(amount, { open, asked: [open], cancelled })
  }
  const open = leftToPay({ total: orderTotal, invoicedNet, paidNet: held, cancelled })
  const asked = bank.ticketQrAmount === 'DEPOSIT' && open > 0 ? [open, depositAsk(orderTotal, held, open, bank.depositPercent)] : [open]
  return judgeTransfer(amount, { open, asked, cancelled })
}

const DUPLICATE: ReceiveTransferResult = { duplicate: true, status: null, reason: null, orderId: null, paymentId: null }

/**
 * A bank transfer the provider reported (already authenticated). First stored, once per provider transaction id, on
 * its own (RECEIVED): from then on it cannot be lost. Then, in one transaction holding the row, matched by memo and
 * amount to an order or invoice and recorded as a TRANSFER payment by the bank's system actor; what cannot be matched
 * becomes UNMATCHED with its reason, for a person (the unmatched list). A retry — even 20 at once — finds the row
 * matched, or being matched by another request (SKIP LOCKED: nobody waits holding a connection), and changes nothing;
 * a delivery that failed half-way leaves it RECEIVED for the provider's next retry.
 */
export async function receiveTransfer(provider: string, n: TransferNotification, payload: unknown): Promise<ReceiveTransferResult> {
  await db().$executeRaw`
    INSERT INTO "BankTransfer" (id, provider, "providerTxId", "bookedAt", gateway, "accountNumber", amount, content,
      "bankReference", payload, status)
    VALUES (gen_random_uuid(), ${provider}, ${n.providerTxId}, ${n.bookedAt}, ${n.gateway}, ${n.accountNumber}, ${n.amount},
      ${n.content}, ${n.bankReference}, ${JSON.stringify(payload)}::jsonb, 'RECEIVED')
    ON CONFLICT (provider, "providerTxId") DO NOTHING`
  // Read before the transaction: inside it, a second pool connection could be what a burst of retries is holding.
  const shop: Shop = { settings: await getSettings(), bank: await getBankSettings() }
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "BankTransfer" WHERE provider = ${provider} AND "providerTxId" = ${n.providerTxId} AND status = 'RECEIVED'
      FOR UPDATE SKIP LOCKED`
    if (!row) return DUPLICATE
    const id = row.id
    if (n.direction === 'OUT') {
      await tx.bankTransfer.update({ where: { id }, data: { status: 'OUTGOING' } })
      return { duplicate: false, status: 'OUTGOING', reason: null, orderId: null, paymentId: null }
    }
    const target = await findTarget(tx, n.content, shop)
    let reason: UnmatchedReason
    if ('reason' in target) {
      reason = target.reason
    } else {
      const verdict = await judge(tx, target, n.amount, shop)
      const matched = verdict.ok ? await apply(tx, id, provider, n, target) : null
      if (matched) return matched
      reason = verdict.ok ? 'OVERPAYMENT' : verdict.reason
    }
    const orderId = 'reason' in target ? null : target.orderId
    await tx.bankTransfer.update({ where: { id }, data: { status: 'UNMATCHED', reason, orderId } })
    await audit(tx, BANK_ACTOR, {
      action: 'transfer.unmatched',
      entityType: 'bank_transfer',
      entityId: id,
      task: 'RECORD_PAYMENT',
      data: { provider, amount: n.amount, reason, ...(orderId ? { orderId } : {}) } satisfies Prisma.InputJsonObject,
    })
    return { duplicate: false, status: 'UNMATCHED', reason, orderId, paymentId: null }
  }, BILLING_TX)
}

/** Records the payment and marks the transfer MATCHED; null when the payment rules refuse it after all. */
async function apply(
  tx: Tx,
  id: string,
  provider: string,
  n: TransferNotification,
  target: { orderId: string; invoiceId?: string },
): Promise<ReceiveTransferResult | null> {
  const reference = (n.bankReference ?? `${provider} ${n.providerTxId}`).slice(0, 100)
  // The payment's one timeline row says where it came from: "paid by transfer, bank ref …", by the bank.
  const auditAs = {
    action: 'payment.transfer_confirmed',
    entityType: 'bank_transfer',
    entityId: id,
    data: { provider, amount: n.amount, reference },
  }
  let paymentId: string
  try {
    ;({ paymentId } = await recordPayment(BANK_ACTOR, { ...target, method: 'TRANSFER', amount: n.amount, reference }, { tx, auditAs }))
  } catch (error) {
    // A refusal of the payment rules (checked before anything is written): left to a person, never lost.
    if (isDomainError(error) && error.code !== 'NOT_FOUND') return null
    throw error
  }
  await tx.bankTransfer.update({ where: { id }, data: { status: 'MATCHED', reason: null, orderId: target.orderId, paymentId } })
  return { duplicate: false, status: 'MATCHED', reason: null, orderId: target.orderId, paymentId }
}
