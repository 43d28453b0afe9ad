import 'server-only'
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { sepayWebhookKey } from '../env'
import type { TransferNotification, TransferProvider } from './provider'

// SePay (https://developer.sepay.vn/en/sepay-webhooks): one POST per bank transaction, JSON, authenticated with
// "Authorization: Apikey <key>" (the key set on the webhook in SePay's dashboard); retried up to 7 times over ~33
// minutes until it gets 200/201 with {"success": true}.
const payloadSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9-]{1,64}$/)]),
  gateway: z.string().max(100).default(''),
  transactionDate: z.string().max(40).default(''),
  accountNumber: z.string().max(40).default(''),
  code: z.string().max(100).nullish(),
  content: z.string().max(1000).nullish(),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.number().int().positive().max(2_000_000_000),
  accumulated: z.number().nullish(),
  subAccount: z.string().max(100).nullish(),
  referenceCode: z.string().max(100).nullish(),
  description: z.string().max(2000).nullish(),
})

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

/** The provider, reading its key from the environment at each request (HANDOFF_SEPAY_WEBHOOK_KEY). */
export function sepay(key: () => string | undefined = () => sepayWebhookKey()): TransferProvider {
  return {
    name: 'SEPAY',
    configured: () => key() !== undefined,
    authentic(headers) {
      const expected = key()
      const header = headers.get('authorization') ?? ''
      const match = /^Apikey\s+(\S+)$/i.exec(header.trim())
      if (expected === undefined || !match?.[1]) return false
      // Hashes have equal lengths, so the comparison takes the same time whatever was sent.
      return timingSafeEqual(digest(match[1]), digest(expected))
    },
    parse(rawBody): TransferNotification | null {
      let json: unknown
      try {
        json = JSON.parse(rawBody)
      } catch {
        return null
      }
      const parsed = payloadSchema.safeParse(json)
      if (!parsed.success) return null
      const p = parsed.data
      return {
        providerTxId: String(p.id),
        direction: p.transferType === 'in' ? 'IN' : 'OUT',
        amount: p.transferAmount,
        // SePay's `code` is the payment code it recognised (if configured); the memo is in `content` either way.
        content: [p.content ?? '', p.code ?? ''].filter((s) => s !== '').join(' '),
        bankReference: p.referenceCode ?? null,
        bookedAt: p.transactionDate,
        gateway: p.gateway,
        accountNumber: p.accountNumber,
      }
    },
    acknowledgement: () => ({ success: true }),
  }
}
