'use client'

import { PackagePlus, Pencil } from 'lucide-react'
import { useLocale, useTranslations } from 'next-intl'
import { useState } from 'react'
import { createProductAction, setProductActiveAction, setProductSkillAction, updateProductAction } from '@/actions/catalog'
import { currencyExponent, fromMinor } from '@/domain/money'
import { formatBpForInput } from '@/domain/rates'
import { shopSkillName, type ShopSkillName } from '@/domain/shop-skills'
import type { ProductDTO } from '@/server/catalog/product-input'
import { MoneyCell } from '../money'

/** A VAT category as the product form offers it: its name with today's rate (and the coming one). */
export interface TaxCategoryOption {
  id: string
  label: string
}
import { IconButton } from '@/components/ui/button'
import { DialogButtons, Modal, useDialog } from '@/components/ui/dialog'
import { ActionSelect } from '@/components/ui/action-select'
import { InlineError, InputField, SelectField, StatusMessage } from '@/components/ui/field'
import { submitFields } from '@/components/ui/form-submit'
import { secondaryButtonClass } from '@/components/ui/styles'
import { DataTable } from '@/components/ui/table'
import { columnsFrom } from '@/components/ui/table-columns'
import { useAction } from '@/components/ui/use-action'

/** Major units as the person would type them in their language: 95500 VND -> "95.500" (vi) / "95,500" (en). */
function priceForInput(minor: number, currency: string, locale: string): string {
  const digits = currencyExponent(currency)
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fromMinor(minor, currency))
}

const COLUMNS = ['sku', 'name', 'price', 'taxRate', 'unit', 'requiredSkill', 'actions'] as const

/** The catalog: prices shown with <Money>, typed in the user's language, tax rates in percent. */
export function CatalogTable({
  products,
  currency,
  categories,
  skills,
}: {
  products: ProductDTO[]
  currency: string
  categories: TaxCategoryOption[]
  /** The shop skills a product may require (ADR 014). */
  skills: Array<ShopSkillName & { id: string }>
}) {
  const t = useTranslations('manager.catalog')
  const [status, setStatus] = useState<string | null>(null)
  const locale = useLocale()
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StatusMessage message={status} />
        <ProductDialog currency={currency} categories={categories} onDone={setStatus} />
      </div>
      {products.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center text-sm text-slate-600 ring-1 ring-slate-200">{t('empty')}</p>
      ) : (
        <DataTable caption={t('caption')} className="min-w-[640px]" columns={columnsFrom(t, COLUMNS, ['price', 'taxRate', 'actions'])}>
          {products.map((p) => (
            <tr
              key={p.id}
              className={`border-t border-slate-100 ${p.active ? '' : 'bg-slate-50 text-slate-500'}`}
              data-testid={`product-${p.sku}`}
            >
              <td className="px-3 py-2 font-mono text-xs">{p.sku}</td>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {p.name}
                {!p.active && <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs font-normal text-slate-700">{t('inactive')}</span>}
              </th>
              <MoneyCell amount={p.unitPrice} currency={currency} className="px-3 py-2 text-right" />
              <td className="px-3 py-2 text-right tabular-nums">{formatBpForInput(p.taxRateBp, locale)} %</td>
              <td className="px-3 py-2">{p.unit}</td>
              <td className="px-3 py-2">
                <SkillSelect product={p} skills={skills} onDone={setStatus} />
              </td>
              <td className="px-3 py-2">
                <div className="flex justify-end gap-2">
                  <ProductDialog product={p} currency={currency} categories={categories} onDone={setStatus} />
                  <ActiveButton product={p} onDone={setStatus} />
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  )
}

function SkillSelect({
  product,
  skills,
  onDone,
}: {
  product: ProductDTO
  skills: Array<ShopSkillName & { id: string }>
  onDone: (m: string) => void
}) {
  const t = useTranslations('manager.catalog')
  const locale = useLocale()
  return (
    <ActionSelect
      action={setProductSkillAction}
      input={(skillId) => ({ productId: product.id, skillId })}
      onDone={() => onDone(t('skillSaved', { name: product.name }))}
      label={t('requiredSkillOf', { name: product.name })}
      value={product.requiredSkillId ?? ''}
      options={[{ value: '', label: t('anyone') }, ...skills.map((s) => ({ value: s.id, label: shopSkillName(s, locale) }))]}
      data-testid={`product-skill-${product.sku}`}
    />
  )
}

function ActiveButton({ product, onDone }: { product: ProductDTO; onDone: (m: string) => void }) {
  const t = useTranslations('manager.catalog')
  const { run, pending, formError } = useAction(setProductActiveAction)
  return (
    <span>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={pending}
        aria-label={`${product.active ? t('deactivate') : t('reactivate')}: ${product.name}`}
        onClick={async () => {
          const result = await run({ productId: product.id, active: !product.active })
          if (result.ok) onDone(product.active ? t('deactivated', { name: product.name }) : t('reactivated', { name: product.name }))
        }}
      >
        {product.active ? t('deactivate') : t('reactivate')}
      </button>
      <InlineError message={formError} />
    </span>
  )
}

function ProductDialog({
  product,
  currency,
  categories,
  onDone,
}: {
  product?: ProductDTO
  currency: string
  categories: TaxCategoryOption[]
  onDone: (m: string) => void
}) {
  const t = useTranslations('manager.catalog')
  const common = useTranslations('common')
  const locale = useLocale()
  const create = useAction(createProductAction)
  const update = useAction(updateProductAction)
  const { pending, fieldErrors, formError } = product ? update : create
  const dialog = useDialog(create.reset, update.reset)
  const symbol =
    new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((x) => x.type === 'currency')?.value ?? currency
  return (
    <Modal
      {...dialog.modal}
      title={product ? t('editTitle', { name: product.name }) : t('addTitle')}
      description={product ? t('editExplain') : undefined}
      trigger={
        product ? (
          <IconButton icon={Pencil} label={t('edit')} iconOnlyOnPhone aria-label={`${t('edit')}: ${product.name}`} />
        ) : (
          <IconButton icon={PackagePlus} label={t('add')} variant="primary" />
        )
      }
    >
      <form
        className="grid gap-3 sm:grid-cols-2"
        noValidate
        onSubmit={submitFields(
          ['sku', 'name', 'price', 'taxCategoryId', 'unit'],
          (fields) => (product ? update.run({ ...fields, locale, productId: product.id }) : create.run({ ...fields, locale })),
          (_, { name }) => {
            dialog.close()
            onDone(product ? t('saved', { name }) : t('added', { name }))
          },
        )}
      >
        <InputField
          label={t('sku')}
          errors={fieldErrors.sku}
          hint={t('skuHint')}
          name="sku"
          defaultValue={product?.sku}
          required
          maxLength={40}
          autoComplete="off"
          extraClass="font-mono uppercase"
        />
        <InputField
          label={t('unit')}
          errors={fieldErrors.unit}
          name="unit"
          defaultValue={product?.unit ?? t('defaultUnit')}
          required
          maxLength={20}
        />
        <InputField
          label={t('name')}
          errors={fieldErrors.name}
          className="sm:col-span-2"
          name="name"
          defaultValue={product?.name}
          required
          maxLength={200}
        />
        <InputField
          label={t('priceLabel', { symbol })}
          errors={fieldErrors.price}
          hint={t('priceHint', { example: priceForInput(150_000 * 10 ** currencyExponent(currency), currency, locale) })}
          name="price"
          inputMode="decimal"
          defaultValue={product ? priceForInput(product.unitPrice, currency, locale) : ''}
          required
          extraClass="text-right tabular-nums"
        />
        <SelectField
          label={t('taxCategoryLabel')}
          errors={fieldErrors.taxCategoryId}
          hint={t('taxCategoryHint')}
          name="taxCategoryId"
          defaultValue={product?.taxCategoryId ?? categories[0]?.id}
          required
          options={categories.map((c) => ({ value: c.id, label: c.label }))}
        />
        <div className="space-y-2 sm:col-span-2">
          {product && <p className="text-xs text-slate-600">{t('pricesKept')}</p>}
          <DialogButtons error={formError} label={product ? common('actions.save') : t('add')} pending={pending} onCancel={dialog.close} />
        </div>
      </form>
    </Modal>
  )
}
