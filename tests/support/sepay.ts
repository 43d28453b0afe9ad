// SePay's webhook as documented (https://developer.sepay.vn/en/sepay-webhooks/tich-hop-webhook): a JSON POST per bank
// transaction with "Authorization: Apikey <key>". Tests sign with this key; the server reads it from the environment.
import { randomInt } from 'node:crypto'

export const TEST_SEPAY_KEY = 'test-sepay-key-0123456789abcdef'

/** The key the webhook checks, for a test process (the server reads it from the environment at each request). */
export function useTestSepayKey(): void {
  process.env.HANDOFF_SEPAY_WEBHOOK_KEY = TEST_SEPAY_KEY
}

/** The documented payload (the example in SePay's docs), with the fields a test changes. */
export function sepayPayload(overrides: { id?: number; content?: string; transferAmount?: number; transferType?: 'in' | 'out' } = {}) {
  return {
    id: overrides.id ?? randomInt(1, 2 ** 47),
    gateway: 'Vietcombank',
    transactionDate: '2023-03-25 14:02:37',
    accountNumber: '0071000888999',
    code: null,
    content: overrides.content ?? 'chuyen tien',
    transferType: overrides.transferType ?? 'in',
    transferAmount: overrides.transferAmount ?? 2_277_000,
    accumulated: 19_077_000,
    subAccount: null,
    referenceCode: 'MBVCB.3278907687',
    description: '',
  }
}

/** What SePay sends: the payload as JSON, authenticated with `key` (none: unsigned). */
export function sepayRequest(body: unknown, key: string | null = TEST_SEPAY_KEY): Request {
  const headers = new Headers({ 'content-type': 'application/json' })
  if (key !== null) headers.set('authorization', `Apikey ${key}`)
  return new Request('http://localhost/api/webhooks/sepay', { method: 'POST', headers, body: JSON.stringify(body) })
}
