import { sepay } from '@/server/transfers/sepay'
import { transferWebhook } from '@/server/transfers/webhook'

// Bank-transfer notifications from SePay (docs/decisions/016): authenticated by the webhook's API key, not a session.
export const dynamic = 'force-dynamic'
export const POST = transferWebhook(sepay())
