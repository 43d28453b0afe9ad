import 'server-only'
import { createHash } from 'node:crypto'
import nodemailer, { type Transporter } from 'nodemailer'
import { PermanentFailure, TemporaryFailure } from '../../outbox/failures'
import type { ProviderConfig } from '../settings'
import { TIMEOUT_MS, type OutgoingMessage, type SendReceipt } from './channel'

type Smtp = ProviderConfig['smtp']
const globalForMail = globalThis as unknown as { handoffSmtp?: { config: string; transport: Transporter } }

/** One pooled SMTP transport per process, made again when the settings change. */
function transport(smtp: Smtp): Transporter {
  const config = JSON.stringify(smtp)
  const current = globalForMail.handoffSmtp
  if (current?.config === config) return current.transport
  current?.transport.close()
  const created = nodemailer.createTransport({
    pool: true,
    maxConnections: 5,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  globalForMail.handoffSmtp = { config, transport: created }
  return created
}

/** The Message-ID a message's key always gives: a repeat after a crash is the same message to mail clients. */
export const messageIdOf = (key: string) => `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@handoff>`

/**
 * E-mail over SMTP (nodemailer). A 5xx reply refuses this message (bad address, rejected: permanent) — as does a
 * refused login, which only fixing the settings can cure (then retry by hand); a 4xx reply or no connection is
 * temporary.
 */
export async function sendEmail(message: OutgoingMessage, smtp: Smtp): Promise<SendReceipt> {
  try {
    const info = await transport(smtp).sendMail({
      from: smtp.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: messageIdOf(message.key),
      headers: {
        'List-Unsubscribe': `<${message.optOutUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    })
    return { providerId: info.messageId ?? null }
  } catch (error) {
    const e = error as { responseCode?: number; code?: string; message?: string }
    const text = `SMTP: ${e.code ?? ''} ${e.responseCode ?? ''} ${(e.message ?? '').slice(0, 200)}`.replace(/\s+/g, ' ')
    if (e.code === 'EAUTH' || e.code === 'EENVELOPE' || (e.responseCode !== undefined && e.responseCode >= 500))
      throw new PermanentFailure(text)
    throw new TemporaryFailure(text)
  }
}
