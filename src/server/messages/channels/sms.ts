import 'server-only'
import { PermanentFailure } from '../../outbox/failures'
import type { ProviderConfig } from '../settings'
import { TIMEOUT_MS, httpFailure, networkFailure, type OutgoingMessage, type SendReceipt } from './channel'

/** A value placed inside the body template's JSON strings. */
const jsonInner = (value: string) => JSON.stringify(value).slice(1, -1)

/** The body template with {{to}}, {{text}} and {{key}} filled in, JSON-escaped. */
export function smsBody(template: string, message: OutgoingMessage): string {
  const values: Record<string, string> = { to: message.to, text: message.text, key: message.key }
  return template.replace(/\{\{(to|text|key)\}\}/g, (_, name: string) => jsonInner(values[name] ?? ''))
}

/**
 * A generic HTTP SMS provider: POST the filled body template to the configured URL, with the idempotency key in the
 * `Idempotency-Key` header (a provider that honours it drops a repeat) and the configured Authorization.
 */
export async function sendSms(message: OutgoingMessage, sms: ProviderConfig['sms']): Promise<SendReceipt> {
  if (!sms.url) throw new PermanentFailure('SMS: no provider URL is set')
  let res: Response
  try {
    res = await fetch(sms.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': message.key,
        ...(sms.authorization ? { authorization: sms.authorization } : {}),
      },
      body: smsBody(sms.bodyTemplate, message),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    })
  } catch (error) {
    throw networkFailure('SMS', error)
  }
  const answer = await res.text().catch(() => '')
  if (!res.ok) throw httpFailure('SMS', res.status, answer)
  try {
    const parsed = JSON.parse(answer) as { id?: unknown; messageId?: unknown }
    const id = parsed.id ?? parsed.messageId
    return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : null }
  } catch {
    return { providerId: null }
  }
}
