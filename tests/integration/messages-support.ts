// What the customer-message tests share: a customer reachable by e-mail (consenting or not), and waiting for an
// order's outbox entry to settle.
import { db } from '@/server/db'
import { until } from '../support/wait'

export async function mailCustomer(consent: boolean, language = 'en', name = 'Chị Lan') {
  const suffix = Math.random().toString(36).slice(2, 8)
  const slug = name.split(' ').at(-1)!.toLowerCase()
  return db().customer.create({
    data: {
      name: `${name} ${suffix}`,
      email: `${slug}-${suffix}@khach.example`,
      searchText: `${slug} ${suffix}`,
      language,
      messageConsent: consent,
      preferredChannel: 'EMAIL',
      consentChangedAt: consent ? new Date() : null,
    },
  })
}

/** The order's outbox entry once it is sent, failed or given up. */
export const settledEntry = (orderId: string) =>
  until(
    async () => {
      const entry = await db().outboxEntry.findFirst({ where: { orderId } })
      return entry && ['SENT', 'FAILED', 'DEAD'].includes(entry.status) ? entry : undefined
    },
    25_000,
    'the message to settle',
  )
