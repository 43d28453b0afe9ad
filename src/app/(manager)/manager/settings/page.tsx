import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { ISO_WEEKDAYS, type IsoWeekday } from '@/domain/opening-hours'
import { BankSettingsForm } from '@/components/manager/bank-settings-form'
import { EInvoiceSettingsForm } from '@/components/manager/einvoice-settings-form'
import { MessageSettingsForm } from '@/components/manager/message-settings-form'
import { SettingsForm } from '@/components/manager/settings-form'
import { TaxCategoriesSection } from '@/components/manager/tax-categories'
import { listTaxCategories } from '@/server/catalog/list-tax-categories'
import { requirePageTask } from '@/server/auth/guard'
import { defaultOpeningHours, loadBusinessClock } from '@/server/coverage/snapshot'
import { getEInvoiceSettings } from '@/server/einvoice/get-einvoice-settings'
import { getMessageSettings } from '@/server/messages/get-message-settings'
import { getBankSettings } from '@/server/settings/get-bank-settings'
import { getSettings } from '@/server/settings/get-settings'
import { PageHeader } from '@/components/ui/page-header'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('manager.settings')
  return { title: t('title') }
}

export default async function SettingsPage() {
  const actor = await requirePageTask('MANAGE_TEAM')
  const [settings, bank, einvoice, messageSettings, clock, t, locale, categories] = await Promise.all([
    getSettings(),
    getBankSettings(),
    getEInvoiceSettings(actor),
    getMessageSettings(actor),
    loadBusinessClock(),
    getTranslations('manager.settings'),
    getLocale(),
    listTaxCategories(actor),
  ])
  // 2024-01-01 was a Monday: ISO weekday d is 2024-01-0d.
  const dayNames = Object.fromEntries(
    ISO_WEEKDAYS.map((d) => [
      d,
      new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, Number(d)))),
    ]),
  ) as Record<IsoWeekday, string>
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SettingsForm
        settings={settings}
        hours={clock.hoursValid ? clock.hours : defaultOpeningHours()}
        hoursValid={clock.hoursValid}
        currencies={Intl.supportedValuesOf('currency')}
        zones={Intl.supportedValuesOf('timeZone')}
        dayNames={dayNames}
      />
      <TaxCategoriesSection categories={categories} locale={locale} />
      <BankSettingsForm bank={bank} />
      <EInvoiceSettingsForm settings={einvoice} />
      <h2 className="pt-4 text-xl font-bold">{t('messagesTitle')}</h2>
      <MessageSettingsForm settings={messageSettings} />
    </div>
  )
}
