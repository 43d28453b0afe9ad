import 'server-only'
import { apiErrorBody } from '@/lib/api-error'
import { toKnownFailure } from '../errors'
import type { TransferProvider } from './provider'
import { receiveTransfer } from './receive-transfer'

/** A provider's notification is one transaction: a few hundred bytes. Anything much larger is not one. */
const MAX_BODY = 64 * 1024

async function readCapped(request: Request): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY) return null
  const text = await request.text()
  return new TextEncoder().encode(text).length > MAX_BODY ? null : text
}

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } })

/**
 * The webhook a payment-notification service posts each bank transaction to (docs/decisions/016): authentic or 401
 * with nothing stored; a body that is not a notification 400; otherwise stored once and matched (receive-transfer.ts)
 * and acknowledged the way the provider expects, also for a retry of one already stored. A failure answers 500 so the
 * provider retries it.
 */
export function transferWebhook(provider: TransferProvider) {
  return async function POST(request: Request): Promise<Response> {
    const raw = await readCapped(request)
    if (!provider.configured() || !provider.authentic(request.headers, raw ?? '')) {
      return json(apiErrorBody('UNAUTHENTICATED', 'The notification is not signed with this shop’s key.'), 401)
    }
    if (raw === null) return json(apiErrorBody('PAYLOAD_TOO_LARGE', 'The notification is too large.'), 413)
    const notification = provider.parse(raw)
    if (!notification) return json(apiErrorBody('BAD_REQUEST', 'The body is not a transfer notification.'), 400)
    try {
      await receiveTransfer(provider.name, notification, JSON.parse(raw))
      return json(provider.acknowledgement(), 200)
    } catch (error) {
      const failure = toKnownFailure(error, `${provider.name} notification ${notification.providerTxId}`)
      return json(apiErrorBody('INTERNAL', 'The notification could not be stored; retry later.', { ref: failure.ref }), 500)
    }
  }
}
