import { randomUUID } from 'node:crypto'
import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { IntakeForm } from '@/components/front/intake-form'
import { defaultDue } from '@/domain/intake'
import { businessDay } from '@/domain/opening-hours'
import { canOverridePrice } from '@/domain/permissions'
import { requirePageTask } from '@/server/auth/guard'
import { getActiveCatalog } from '@/server/catalog/get-active-catalog'
import { getCustomer } from '@/server/customers/get-customer'
import { getSettings } from '@/server/settings/get-settings'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('front.intake')
  return { title: t('title') }
}

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageTask('TAKE_ORDER')
  const [settings, params, catalog] = await Promise.all([getSettings(), searchParams, getActiveCatalog(actor, {})])
  const customerId = typeof params.customer === 'string' ? params.customer : null
  const initialCustomer = customerId ? await getCustomer(actor, customerId) : null
  const now = new Date()
  return (
    <IntakeForm
      // One key per opened form: submitting it twice (double click, retry, resubmission) yields one order.
      idempotencyKey={randomUUID()}
      currency={settings.currency}
      defaultDue={defaultDue(now, settings)}
      minDate={businessDay(now, settings.timeZone)}
      canOverride={canOverridePrice(actor)}
      initialCustomer={initialCustomer}
      // The whole active catalog: the product search runs in the browser, so adding a line never waits for the server.
      catalog={{ version: catalog.version, products: catalog.products ?? [] }}
    />
  )
}
