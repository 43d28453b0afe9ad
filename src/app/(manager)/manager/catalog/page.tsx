import { getLocale, getTranslations } from 'next-intl/server'
import { CatalogTable } from '@/components/manager/catalog-table'
import { categoryOptions } from '@/components/manager/tax-categories'
import { listTaxCategories } from '@/server/catalog/list-tax-categories'
import { InputField, SelectField } from '@/components/ui/field'
import { PageHeader } from '@/components/ui/page-header'
import { buttonClass } from '@/components/ui/styles'
import { listProductsSchema } from '@/lib/schemas/catalog'
import { requirePageTask } from '@/server/auth/guard'
import { listProducts } from '@/server/catalog/list-products'
import { listShopSkillOptions } from '@/server/catalog/list-shop-skill-options'
import { getSettings } from '@/server/settings/get-settings'
import { titleFrom } from '../title-metadata'

export const generateMetadata = titleFrom('manager.catalog')

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageTask('MANAGE_CATALOG')
  const raw = await searchParams
  // A malformed query string falls back to the default view instead of failing the page.
  const parsed = listProductsSchema.safeParse({
    q: typeof raw.q === 'string' ? raw.q : undefined,
    status: typeof raw.status === 'string' ? raw.status : undefined,
  })
  const filter = parsed.success ? parsed.data : { status: 'active' as const }
  const [list, settings, t, categories, locale, skills] = await Promise.all([
    listProducts(actor, filter),
    getSettings(),
    getTranslations('manager.catalog'),
    listTaxCategories(actor),
    getLocale(),
    listShopSkillOptions(actor),
  ])
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} subtitle={t('subtitle', { active: list.counts.active, inactive: list.counts.inactive })} />
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <InputField
          label={t('search')}
          type="search"
          name="q"
          defaultValue={filter.q ?? ''}
          maxLength={100}
          extraClass="w-64"
          placeholder={t('searchPlaceholder')}
        />
        <SelectField
          label={t('show')}
          name="status"
          defaultValue={filter.status}
          options={[
            { value: 'active', label: t('statusActive') },
            { value: 'inactive', label: t('statusInactive') },
            { value: 'all', label: t('statusAll') },
          ]}
        />
        <button type="submit" className={buttonClass}>
          {t('filter')}
        </button>
      </form>
      <CatalogTable
        products={list.products}
        currency={settings.currency}
        categories={await categoryOptions(categories, locale)}
        skills={skills}
      />
      {list.truncated && <p className="text-sm text-slate-600">{t('truncated', { count: list.products.length })}</p>}
    </div>
  )
}
