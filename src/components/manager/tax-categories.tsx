import { getFormatter, getTranslations } from 'next-intl/server'
import { formatBpForInput } from '@/domain/rates'
import type { TaxCategoryDTO } from '@/server/catalog/tax-categories'
import { Section } from '@/components/ui/section'
import { DataTable } from '@/components/ui/table'

const dayOf = (ymd: string) => new Date(`${ymd}T00:00:00Z`)

async function labels(locale: string, dateStyle: 'short' | 'long') {
  const [t, format] = await Promise.all([getTranslations('manager.tax'), getFormatter()])
  return {
    t,
    /** "8 %", or "not subject to VAT". */
    rate: (c: Pick<TaxCategoryDTO, 'exempt'>, bp: number) => (c.exempt ? t('exempt') : `${formatBpForInput(bp, locale)} %`),
    day: (ymd: string) => format.dateTime(dayOf(ymd), { dateStyle, timeZone: 'UTC' }),
  }
}

/** The product form's choice: "Standard — 8 % (10 % from 1/1/27)". */
export async function categoryOptions(
  categories: readonly TaxCategoryDTO[],
  locale: string,
): Promise<Array<{ id: string; label: string }>> {
  const { t, rate, day } = await labels(locale, 'short')
  return categories.map((c) => {
    const now = `${c.name} — ${rate(c, c.rateBp)}`
    return { id: c.id, label: c.next ? `${now} ${t('thenFrom', { rate: rate(c, c.next.toBp), from: day(c.next.validFrom) })}` : now }
  })
}

/** Settings: every category, today's rate and the coming change, so a manager sees it before it happens. */
export async function TaxCategoriesSection({ categories, locale }: { categories: readonly TaxCategoryDTO[]; locale: string }) {
  const { t, rate, day } = await labels(locale, 'long')
  return (
    <Section id="tax-categories" title={t('title')} explain={t('explain')} data-testid="tax-categories">
      {categories
        .filter((c) => c.next)
        .map((c) => (
          <p key={c.id} role="status" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
            {t('coming', { name: c.name, from: rate(c, c.next!.fromBp), to: rate(c, c.next!.toBp), day: day(c.next!.validFrom) })}
          </p>
        ))}
      <DataTable
        caption={t('caption')}
        className="mt-3"
        columns={[{ label: t('category') }, { label: t('today'), end: true }, { label: t('next') }]}
      >
        {categories.map((c) => (
          <tr key={c.id} className="border-t border-slate-100">
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {c.name}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{rate(c, c.rateBp)}</td>
            <td className="px-3 py-2">
              {c.next ? t('nextChange', { rate: rate(c, c.next.toBp), day: day(c.next.validFrom) }) : t('noChange')}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  )
}
