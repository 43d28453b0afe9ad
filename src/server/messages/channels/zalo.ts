import 'server-only'
import { createHash } from 'node:crypto'
import { znsPhone } from '@/domain/customer-messages'
import { zaloApiUrl } from '../../env'
import { PermanentFailure, TemporaryFailure } from '../../outbox/failures'
import { TIMEOUT_MS, httpFailure, networkFailure, type OutgoingMessage, type SendReceipt } from './channel'

/**
 * Zalo ZNS error codes that clear up on their own (Zalo's ZNS error table): -100 unknown error (try again), -115 the
 * ZNS account is out of balance (until topped up), -133 template messages cannot be sent at night (22:00–06:00),
 * -144 the OA's daily quota is used up. Every other code refuses this message or points at the settings: -108 phone
 * number invalid, -109 template id invalid, -112 template data invalid, -114/-118/-119/-139 the user cannot or will
 * not receive it, -124 access token invalid, …
 */
export const ZNS_TEMPORARY = new Set([-100, -115, -133, -144])

/** The tracking_id Zalo keeps with the message for reconciliation: derived from the idempotency key, ≤ 40 chars. */
export const trackingIdOf = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 40)

interface ZnsAnswer {
  error?: number
  message?: string
  data?: { msg_id?: string; sent_time?: string }
}

/** A ZNS template message: POST /message/template with the OA's access token (header `access_token`). */
export async function sendZalo(message: OutgoingMessage, accessToken: string | null): Promise<SendReceipt> {
  if (!message.zalo) throw new PermanentFailure('Zalo: no ZNS template is set for this event')
  if (!accessToken) throw new PermanentFailure('Zalo: no access token is set')
  let res: Response
  try {
    res = await fetch(`${zaloApiUrl()}/message/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', access_token: accessToken },
      body: JSON.stringify({
        phone: znsPhone(message.to),
        template_id: message.zalo.templateId,
        template_data: message.zalo.params,
        tracking_id: trackingIdOf(message.key),
      }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    })
  } catch (error) {
    throw networkFailure('Zalo', error)
  }
  if (!res.ok) throw httpFailure('Zalo', res.status)
  const answer = (await res.json().catch(() => null)) as ZnsAnswer | null
  if (!answer || typeof answer.error !== 'number') throw new TemporaryFailure('Zalo: an answer that is not ZNS JSON')
  if (answer.error === 0) return { providerId: answer.data?.msg_id ?? null }
  const text = `Zalo ZNS error ${answer.error}: ${(answer.message ?? '').slice(0, 200)}`
  throw ZNS_TEMPORARY.has(answer.error) ? new TemporaryFailure(text) : new PermanentFailure(text)
}
